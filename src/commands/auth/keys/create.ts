// `ece auth keys create`: a new API key, printed once — or, with --save,
// stored for the profile instead of printed.

import { createKeyRequest } from '../../../api/auth.js';
import { type ApiResponse, parseBody } from '../../../api/body.js';
import type { ProfileCredentials } from '../../../auth/store.js';
import { openConfig, profileOf } from '../../../config/write.js';
import type { Context } from '../../../context.js';
import { ResponseError, UsageError } from '../../../errors.js';
import { defineVerb, type Plan } from '../../run/types.js';

export interface CreateFlags {
  description?: string;
  expiration?: string;
  save?: boolean;
}

export const verb = defineVerb<CreateFlags>({
  effect: 'write',
  options: [
    { flags: '-d, --description <text>', description: 'what the key is for', required: true },
    {
      flags: '--expiration <duration>',
      description: 'lifetime, e.g. 30d, 12h (default: no expiry)',
    },
    {
      flags: '--save',
      description: 'store the key in the keychain for this profile instead of printing it',
    },
  ],
  description: 'The key is shown once: ECE cannot show it again.',
  examples: [
    'ece auth keys create --description "CI pipeline" --expiration 90d',
    'ece auth keys create --description "my laptop" --save',
  ],
  input(raw) {
    const flags = raw as CreateFlags;
    const description = flags.description?.trim() ?? '';
    if (!description) throw new UsageError('--description is empty');
    if (flags.expiration !== undefined && !/^\d+[smhd]$/.test(flags.expiration)) {
      throw new UsageError(
        `invalid --expiration "${flags.expiration}": use a number and s, m, h or d, e.g. 30d`,
      );
    }
    return { ...flags, description };
  },
  async plan(flags, ctx) {
    // The key is shown once: the output format is settled before it is made.
    await ctx.renderer();
    const api = await ctx.api();
    const write = createKeyRequest(flags.description ?? '', flags.expiration);
    const keyOf = (res: ApiResponse) => {
      const body = parseBody<{ id?: string; key?: unknown }>(res);
      if (typeof body.key !== 'string')
        throw new ResponseError('unexpected response from ECE: no key in the answer');
      api.addSecret(body.key);
      return { id: body.id, key: body.key };
    };
    if (flags.save) {
      let said = '';
      const plan: Plan = {
        writes: [write],
        dryRunNote: 'dry run: --save stores nothing',
        // Stored, not printed: nothing on stdout whatever the format.
        send: async (client) => {
          const { id, key } = keyOf(await client.request(write));
          said = await save(ctx, key, id);
          return [];
        },
        done: () => said,
      };
      return plan;
    }
    return {
      writes: [write],
      output: (sent) => {
        const res = sent[0] as ApiResponse;
        const { key } = keyOf(res);
        ctx.reveal(key);
        // JSON, YAML, --query: ECE's answer; a table or TSV run: the key alone.
        return {
          body: res,
          print: (_renderer, io) => {
            io.stdout.write(`${key}\n`);
          },
        };
      },
      done: (sent) =>
        `Created API key ${keyOf(sent[0] as ApiResponse).id}. Store it now: ECE will not show it again.`,
    };
  },
});

/** The key as the profile's credential (keychain or the file it already uses); the line to say. */
async function save(ctx: Context, key: string, id: string | undefined): Promise<string> {
  const endpoint = ctx.endpoint();
  const name = ctx.profile().name;
  const config = await openConfig(ctx.configDir());
  const kind = config.data().profiles?.[name]?.credential ?? 'keychain';
  await (ctx.store as ProfileCredentials).saveTo(kind, name, {
    type: 'apikey',
    secret: key,
    origin: endpoint.origin,
  });
  config.update((d) => {
    const p = profileOf(d, name);
    p.host ??= endpoint.root;
    p.credential = kind;
  });
  return `Created API key ${id} and saved it for profile "${name}"; it is now the profile's credential.`;
}
