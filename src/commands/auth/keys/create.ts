// `ece auth keys create`: a new API key, printed once — or, with --save,
// stored for the profile instead of printed.

import type { Command } from 'commander';
import { createKeyRequest } from '../../../api/auth.js';
import { parseBody } from '../../../api/body.js';
import type { ProfileCredentials } from '../../../auth/store.js';
import { openConfig, profileOf } from '../../../config/write.js';
import type { Context } from '../../../context.js';
import { ResponseError, UsageError } from '../../../errors.js';
import { RAW } from '../../../output/raw.js';
import { act, type Contexts } from '../../action.js';
import { showDryRun } from '../../write.js';

export interface CreateFlags {
  description?: string;
  expiration?: string;
  save?: boolean;
}

export function register(group: Command, contexts: Contexts): void {
  group
    .command('create')
    .description('Create an API key')
    .requiredOption('-d, --description <text>', 'what the key is for')
    .option('--expiration <duration>', 'lifetime, e.g. 30d, 12h (default: no expiry)')
    .option('--save', 'store the key in the keychain for this profile instead of printing it')
    .addHelpText(
      'after',
      `
The key is shown once: ECE cannot show it again.

Examples:
  $ ece auth keys create --description "CI pipeline" --expiration 90d
  $ ece auth keys create --description "my laptop" --save`,
    )
    .action(act(contexts, (ctx, flags: CreateFlags) => run(flags, ctx)));
}

export async function run(flags: CreateFlags, ctx: Context): Promise<void> {
  const description = flags.description?.trim() ?? '';
  if (!description) throw new UsageError('--description is empty');
  if (flags.expiration !== undefined && !/^\d+[smhd]$/.test(flags.expiration)) {
    throw new UsageError(
      `invalid --expiration "${flags.expiration}": use a number and s, m, h or d, e.g. 30d`,
    );
  }
  const renderer = await ctx.renderer();
  const api = await ctx.api();
  const write = createKeyRequest(description, flags.expiration);
  if (showDryRun(ctx, api, write)) {
    if (flags.save) ctx.io.stderr.write('dry run: --save stores nothing\n');
    return;
  }
  const res = await api.request(write);
  const body = parseBody<{ id?: string; key?: unknown }>(res);
  if (typeof body.key !== 'string')
    throw new ResponseError('unexpected response from ECE: no key in the answer');
  api.addSecret(body.key);
  if (flags.save) {
    const endpoint = ctx.endpoint();
    const name = ctx.profile().name;
    const config = await openConfig(ctx.configDir());
    const kind = config.data().profiles?.[name]?.credential ?? 'keychain';
    await (ctx.store as ProfileCredentials).saveTo(kind, name, {
      type: 'apikey',
      secret: body.key,
      origin: endpoint.origin,
    });
    config.update((d) => {
      const p = profileOf(d, name);
      p.host ??= endpoint.root;
      p.credential = kind;
    });
    ctx.io.stderr.write(
      `Created API key ${body.id} and saved it for profile "${name}"; it is now the profile's credential.\n`,
    );
    return;
  }
  ctx.reveal(body.key);
  if (renderer.format === 'json' || renderer.format === 'yaml') {
    await renderer.body(res, RAW);
  } else {
    ctx.io.stdout.write(`${body.key}\n`);
  }
  ctx.io.stderr.write(`Created API key ${body.id}. Store it now: ECE will not show it again.\n`);
}
