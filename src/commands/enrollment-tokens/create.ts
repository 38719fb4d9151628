// `ece enrollment-tokens create`: a token that lets a new host join the
// installation with the given roles. The token is the command's output: it
// goes to stdout once (the API's body with --json) and nowhere else — never
// to stderr or a --verbose trace, where it is masked.

import type { Command } from 'commander';
import { parseBody } from '../../api/body.js';
import { createEnrollmentTokenRequest } from '../../api/enrollment.js';
import type { Context } from '../../context.js';
import { parseDuration } from '../../duration.js';
import { ResponseError, UsageError } from '../../errors.js';
import { RAW } from '../../output/raw.js';
import { act, type Contexts } from '../action.js';
import { showDryRun } from '../write.js';
import { HOST_ROLES } from './roles.js';

export interface CreateFlags {
  role: string[];
  validity?: string;
  persistent?: boolean;
}

const MAX_SECONDS = 2 ** 31 - 1;

export function register(group: Command, contexts: Contexts): void {
  group
    .command('create')
    .description('Create an enrollment token for installing a new host (printed once)')
    .option(
      '--role <role>',
      `a role for the new host: ${HOST_ROLES.join(', ')} (repeatable)`,
      (v: string, all: string[]) => [...all, v],
      [],
    )
    .option(
      '--validity <duration>',
      'a token that expires after this long, e.g. 1h, 7d (default: it never expires)',
    )
    .option(
      '--persistent',
      'a token that works until it is deleted (the default without --validity)',
    )
    .addHelpText(
      'after',
      `
The token is printed on stdout, once: ECE cannot show it again. Without
--validity the token is persistent, as ecctl makes it: it never expires, has
an id, appears in \`list\` and works until \`ece enrollment-tokens delete ID\`.
With --validity it expires, and is neither listed nor deletable.

Examples:
  $ ece enrollment-tokens create --role allocator --validity 2h > token.txt
  $ ece enrollment-tokens create --role director --role coordinator --persistent --json`,
    )
    .action(act(contexts, (ctx, flags: CreateFlags) => run(flags, ctx)));
}

export async function run(flags: CreateFlags, ctx: Context): Promise<void> {
  const roles = [...new Set(flags.role)];
  const unknown = roles.filter((r) => !HOST_ROLES.includes(r));
  if (unknown.length)
    throw new UsageError(`invalid --role "${unknown[0]}": use ${HOST_ROLES.join(', ')}`);
  if (flags.persistent && flags.validity !== undefined)
    throw new UsageError(
      '--validity is for tokens that expire: a --persistent token works until it is deleted',
    );
  let seconds: number | undefined;
  if (flags.validity !== undefined) {
    const ms = parseDuration(flags.validity, '--validity');
    seconds = ms / 1000;
    if (!Number.isInteger(seconds) || seconds < 1 || seconds > MAX_SECONDS)
      throw new UsageError(
        `invalid --validity "${flags.validity}": use whole seconds from 1s up to about 68 years`,
      );
  }
  const api = await ctx.api();
  // As ecctl (cloud-sdk-go: persistent = validity <= 0): a token without a
  // validity never expires, so that scripts written for ecctl behave the same.
  const persistent = seconds === undefined;
  const write = createEnrollmentTokenRequest({
    persistent,
    ...(roles.length ? { roles } : {}),
    ...(seconds !== undefined ? { validity_in_seconds: seconds } : {}),
  });
  if (showDryRun(ctx, api, write)) return;
  const renderer = await ctx.renderer();
  const res = await api.request(write);
  const body = parseBody<{ token?: unknown; token_id?: unknown }>(res);
  if (typeof body.token !== 'string' || body.token === '')
    throw new ResponseError('unexpected response from ECE: no token in the answer');
  // Masked everywhere but where the user asked for it: stdout.
  api.addSecret(body.token);
  ctx.reveal(body.token);
  if (renderer.raw) await renderer.body(res, RAW);
  else ctx.io.stdout.write(`${body.token}\n`);
  const forRoles = roles.length ? `for ${roles.join(', ')}` : 'for the system services only';
  const lasts =
    seconds === undefined
      ? `; it never expires: revoke it with \`ece enrollment-tokens delete ${typeof body.token_id === 'string' ? body.token_id : 'ID'}\``
      : `, valid for ${span(seconds)}`;
  const id = typeof body.token_id === 'string' ? ` ${body.token_id}` : '';
  ctx.io.stderr.write(
    `Created enrollment token${id} ${forRoles}${lasts}. Store it now: ECE will not show it again.\n`,
  );
}

/** 7200 → 2h, 90 → 90s: the largest unit that divides it. */
function span(seconds: number): string {
  for (const [unit, n] of [
    ['d', 86_400],
    ['h', 3_600],
    ['m', 60],
  ] as const)
    if (seconds % n === 0) return `${seconds / n}${unit}`;
  return `${seconds}s`;
}
