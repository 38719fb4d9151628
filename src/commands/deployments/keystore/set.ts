// `ece deployments keystore set <d> <setting>`: one value into the
// Elasticsearch keystore. The value comes from a file (-f FILE), from stdin
// (-f -, or a pipe), or from a hidden prompt on a terminal — never from a
// flag, so it stays out of shell history and `ps`. It is a secret: masked in
// every output and --verbose trace; a dry run shows $ECE_KEYSTORE_VALUE.
// Without a setting name, -f FILE (or stdin) holds several settings
// (contents.ts), sent in one PATCH.

import { setSecretRequest, setSecretsRequest, VALUE_VARIABLE } from '../../../api/keystore.js';
import type { Context } from '../../../context.js';
import { UsageError } from '../../../errors.js';
import { readDocument, readInputFile, readStdin } from '../../../input.js';
import { ask, canPrompt } from '../../../output/prompt.js';
import { defineVerb, type Plan } from '../../run/types.js';
import { checkSetting, esTarget, REF_ID_HELP } from './common.js';
import { checkContents } from './contents.js';

export interface SetFlags {
  refId?: string;
  file?: string;
  asFile?: boolean;
}

/** Stands for the value in a dry run's curl line, which shows $ECE_KEYSTORE_VALUE instead. */
export const UNREAD_VALUE = 'keystore-value-not-shown-in-a-dry-run';

export const verb = defineVerb<SetFlags & { deployment: string; setting?: string }>({
  effect: 'write',
  args: [
    { name: 'deployment', description: 'deployment id or exact name' },
    {
      name: 'setting',
      description:
        'setting name, e.g. s3.client.default.secret_key (leave out to set several from -f FILE)',
      required: false,
    },
  ],
  options: [
    {
      flags: '-f, --file <file>',
      description:
        'read the value from this file (- for stdin); without a setting, a file of several settings',
    },
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
Elasticsearch does not reload take effect at its next restart.

Without a setting name, -f FILE (or stdin) is a JSON or YAML document of
several settings, the shape ecctl's \`keystore set --file\` takes:
{"secrets": {"<setting>": {"value": "…", "as_file": false}, …}}; a value may be
an object (stored as a file). They are set in one request. An entry without
a value (or null) would remove the setting: use \`keystore unset\`. A dry run
shows each value as a shell variable ($ECE_KEYSTORE_VALUE, _2, …) and says
on stderr which is which.`,
  examples: [
    'ece deployments keystore set prod-logs s3.client.default.access_key -f access-key.txt',
    'printf %s "$SECRET_KEY" | ece deployments keystore set prod-logs s3.client.default.secret_key',
    'ece deployments keystore set prod-logs gcs.client.default.credentials_file -f sa.json --as-file',
    'ece deployments keystore set prod-logs -f s3-secrets.json',
  ],
  async plan(input, ctx) {
    const { setting } = input;
    if (setting === undefined) return setMany(input, ctx);
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

/** Several settings from one document (-f FILE, -f -, or a pipe), in one PATCH. */
async function setMany(input: SetFlags & { deployment: string }, ctx: Context): Promise<Plan> {
  if (input.asFile)
    throw new UsageError('--as-file is for one setting; in a file, give as_file for each setting');
  let file = input.file;
  if (file === undefined) {
    if (ctx.io.stdinIsTTY)
      throw new UsageError(
        'give a setting name, or -f FILE with several settings ({"secrets": {…}})',
      );
    file = '-';
  }
  const name = file === '-' ? '<stdin>' : file;
  const contents = checkContents(await readDocument(ctx.io, file), name);
  for (const s of contents.secrets) ctx.secrets.add(s);
  const t = await esTarget(ctx, input.deployment, input.refId);
  for (const s of contents.secrets) t.api.addSecret(s);
  // Each value (each string of an object value) as its own shell variable in a dry run's curl line.
  const variables: Record<string, string> = {};
  const which: string[] = [];
  for (const setting of contents.settings) {
    for (const leaf of leaves(contents.body.secrets[setting]?.value)) {
      if (leaf in variables) continue;
      const n = Object.keys(variables).length + 1;
      variables[leaf] = n === 1 ? VALUE_VARIABLE : `${VALUE_VARIABLE}_${n}`;
      which.push(`${variables[leaf]} (${setting})`);
    }
  }
  if (ctx.flags.dryRun === true)
    ctx.io.stderr.write(
      `dry run: the curl line reads each value from a shell variable: ${which.join(', ')}\n`,
    );
  const n = contents.settings.length;
  return {
    writes: [setSecretsRequest(t.id, t.refId, contents.body, variables)],
    done: `Set ${n} ${n === 1 ? 'setting' : 'settings'} in the keystore of ${t.label}: ${contents.settings.join(', ')}.`,
  };
}

/** The strings of a value: itself, or those inside an object value. */
function leaves(v: unknown): string[] {
  if (typeof v === 'string') return [v];
  if (v !== null && typeof v === 'object') return Object.values(v).flatMap(leaves);
  return [];
}
