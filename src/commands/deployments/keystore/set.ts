// `ece deployments keystore set <d> <setting>`: one value into the
// Elasticsearch keystore. The value comes from a file (-f FILE), from stdin
// (-f -, or a pipe), or from a hidden prompt on a terminal — never from a
// flag, so it stays out of shell history and `ps`. It is a secret: masked in
// every output and --verbose trace; a dry run shows $ECE_KEYSTORE_VALUE.

import { setSecretRequest, VALUE_VARIABLE } from '../../../api/keystore.js';
import type { Context } from '../../../context.js';
import { UsageError } from '../../../errors.js';
import { readInputFile, readStdin } from '../../../input.js';
import { ask, canPrompt } from '../../../output/prompt.js';
import { defineVerb } from '../../run/types.js';
import { checkSetting, esTarget, REF_ID_HELP } from './common.js';

export interface SetFlags {
  refId?: string;
  file?: string;
  asFile?: boolean;
}

/** Stands for the value in a dry run's curl line, which shows $ECE_KEYSTORE_VALUE instead. */
export const UNREAD_VALUE = 'keystore-value-not-shown-in-a-dry-run';

export const verb = defineVerb<SetFlags & { deployment: string; setting: string }>({
  effect: 'write',
  args: [
    { name: 'deployment', description: 'deployment id or exact name' },
    { name: 'setting', description: 'setting name, e.g. s3.client.default.secret_key' },
  ],
  options: [
    { flags: '-f, --file <file>', description: 'read the value from this file (- for stdin)' },
    {
      flags: '--as-file',
      description: 'store the value as a file (e.g. gcs.client.default.credentials_file)',
    },
    { flags: '--ref-id <ref_id>', description: REF_ID_HELP },
  ],
  description: `The value is read from --file, else from stdin when it is a pipe, else
asked for on the terminal without echo; it is never a flag's value. One
final newline is dropped from a string value; --as-file keeps the file as
it is. Setting an existing setting replaces its value. Settings that
Elasticsearch does not reload take effect at its next restart.`,
  examples: [
    'ece deployments keystore set prod-logs s3.client.default.access_key -f access-key.txt',
    'printf %s "$SECRET_KEY" | ece deployments keystore set prod-logs s3.client.default.secret_key',
    'ece deployments keystore set prod-logs gcs.client.default.credentials_file -f sa.json --as-file',
  ],
  async plan(input, ctx) {
    const { setting } = input;
    checkSetting(setting);
    const dryRun = ctx.flags.dryRun === true;
    const value = await readValue(ctx, input, dryRun);
    ctx.secrets.add(value);
    const t = await esTarget(ctx, input.deployment, input.refId);
    t.api.addSecret(value);
    const asFile = input.asFile === true;
    const write = setSecretRequest(t.id, t.refId, setting, dryRun ? UNREAD_VALUE : value, asFile);
    return {
      writes: [{ ...write, variables: { [UNREAD_VALUE]: VALUE_VARIABLE } }],
      done: `Set ${setting} (${asFile ? 'file' : 'string'}) in the keystore of ${t.label}.`,
    };
  },
});

/** The value: from the file, stdin or a hidden prompt; a dry run never prompts. */
async function readValue(ctx: Context, flags: SetFlags, dryRun: boolean): Promise<string> {
  let value: string;
  if (flags.file !== undefined && flags.file !== '-') {
    value = await readInputFile(ctx.io, flags.file);
  } else if (flags.file === '-') {
    value = await readStdin(ctx.io, 'the value');
  } else if (dryRun) {
    // The curl line takes the variable: nothing to read, never a prompt.
    return UNREAD_VALUE;
  } else if (!ctx.io.stdinIsTTY) {
    value = await readStdin(ctx.io, 'the value');
  } else if (canPrompt(ctx.io)) {
    value = await ask(ctx.io, 'Value (not echoed): ', { hidden: true });
  } else {
    throw new UsageError('give the value with --file FILE or on stdin');
  }
  // A file ends in a newline that no string setting means (readStdin drops it already).
  if (!flags.asFile) value = value.replace(/\r?\n$/, '');
  if (value === '')
    throw new UsageError('the value is empty (to remove a setting: keystore unset)');
  return value;
}
