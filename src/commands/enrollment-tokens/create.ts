// `ece enrollment-tokens create`: a token that lets a new host join the
// installation with the given roles. The token is the command's output: it
// goes to stdout once (the API's body with --json) and nowhere else — never
// to stderr or a --verbose trace, where it is masked.

import { type ApiResponse, parseBody } from '../../api/body.js';
import { createEnrollmentTokenRequest } from '../../api/enrollment.js';
import { parseDuration } from '../../duration.js';
import { ResponseError, UsageError } from '../../errors.js';
import { defineVerb } from '../run/types.js';
import { HOST_ROLES } from './roles.js';

interface Input {
  roles: string[];
  /** Undefined: a persistent token. */
  seconds?: number;
}

const MAX_SECONDS = 2 ** 31 - 1;

export const verb = defineVerb<Input>({
  // It makes a token that `delete` revokes (an expiring one lapses by itself).
  effect: 'write',
  options: [
    {
      flags: '--role <role>',
      description: `a role for the new host: ${HOST_ROLES.join(', ')} (repeatable)`,
      repeatable: true,
    },
    {
      flags: '--validity <duration>',
      description: 'a token that expires after this long, e.g. 1h, 7d (default: it never expires)',
    },
    {
      flags: '--persistent',
      description: 'a token that works until it is deleted (the default without --validity)',
    },
  ],
  description: `The token is printed on stdout, once: ECE cannot show it again. Without
--validity the token is persistent, as ecctl makes it: it never expires, has
an id, appears in \`list\` and works until \`ece enrollment-tokens delete ID\`.
With --validity it expires, and is neither listed nor deletable.`,
  examples: [
    'ece enrollment-tokens create --role allocator --validity 2h > token.txt',
    'ece enrollment-tokens create --role director --role coordinator --persistent --json',
  ],
  input(raw) {
    const roles = [...new Set(raw.role as string[])];
    const unknown = roles.filter((r) => !HOST_ROLES.includes(r));
    if (unknown.length)
      throw new UsageError(`invalid --role "${unknown[0]}": use ${HOST_ROLES.join(', ')}`);
    const validity = raw.validity as string | undefined;
    if (raw.persistent && validity !== undefined)
      throw new UsageError(
        '--validity is for tokens that expire: a --persistent token works until it is deleted',
      );
    if (validity === undefined) return { roles };
    const seconds = parseDuration(validity, '--validity') / 1000;
    if (!Number.isInteger(seconds) || seconds < 1 || seconds > MAX_SECONDS)
      throw new UsageError(
        `invalid --validity "${validity}": use whole seconds from 1s up to about 68 years`,
      );
    return { roles, seconds };
  },
  async plan({ roles, seconds }, ctx) {
    // A bad output format must stop the run before the token is made: ECE
    // cannot show it again, and the executor decides the format only after the write.
    await ctx.format();
    const api = await ctx.api();
    // As ecctl (cloud-sdk-go: persistent = validity <= 0): a token without a
    // validity never expires, so that scripts written for ecctl behave the same.
    const write = createEnrollmentTokenRequest({
      persistent: seconds === undefined,
      ...(roles.length ? { roles } : {}),
      ...(seconds !== undefined ? { validity_in_seconds: seconds } : {}),
    });
    const answer = (sent: ApiResponse[]) => {
      const res = sent[0] as ApiResponse;
      const body = parseBody<{ token?: unknown; token_id?: unknown }>(res);
      if (typeof body.token !== 'string' || body.token === '')
        throw new ResponseError('unexpected response from ECE: no token in the answer');
      return { res, token: body.token, id: body.token_id };
    };
    return {
      writes: [write],
      output: (sent) => {
        const { res, token } = answer(sent);
        // Masked everywhere but where the user asked for it: stdout.
        api.addSecret(token);
        ctx.reveal(token);
        return {
          body: res,
          print: (_renderer, io) => {
            io.stdout.write(`${token}\n`);
          },
        };
      },
      done: (sent) => {
        const { id } = answer(sent);
        const forRoles = roles.length ? `for ${roles.join(', ')}` : 'for the system services only';
        const lasts =
          seconds === undefined
            ? `; it never expires: revoke it with \`ece enrollment-tokens delete ${typeof id === 'string' ? id : 'ID'}\``
            : `, valid for ${span(seconds)}`;
        const named = typeof id === 'string' ? ` ${id}` : '';
        return `Created enrollment token${named} ${forRoles}${lasts}. Store it now: ECE will not show it again.`;
      },
    };
  },
});

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
