// `ece snapshot-repos set <name> -f repo.json`: creates or replaces a
// repository ({type, settings}). Credentials in the settings never show in a
// dry run's curl line: each becomes a shell variable.

import type { Command } from 'commander';
import { setSnapshotRepo } from '../../api/snapshot-repos.js';
import type { Context } from '../../context.js';
import { UsageError } from '../../errors.js';
import { readDocument } from '../../input.js';
import { RAW } from '../../output/raw.js';
import { act, type Contexts } from '../action.js';
import { showDryRun } from '../write.js';

interface SetFlags {
  file?: string;
  type?: string;
}

/** Setting names whose values are credentials. */
const SECRET = /(secret|password|key|token|credentials|sas)/i;

export function register(group: Command, contexts: Contexts): void {
  group
    .command('set')
    .description('Create or replace a snapshot repository')
    .argument('<name>', 'repository name')
    .option(
      '-f, --file <file>',
      'the repository: {"type": …, "settings": {…}}, JSON or YAML (- for stdin)',
    )
    .option('--type <type>', 'the repository type (s3, azure, gcs, fs, url), if the file has none')
    .addHelpText(
      'after',
      `
The settings are the Elasticsearch repository settings of that type; a file
with only settings (no "type" and "settings" keys) is taken as the settings.

Examples:
  $ ece snapshot-repos set ece-snapshots -f s3.json
  $ ece snapshot-repos set backups --type s3 -f settings.yaml --dry-run`,
    )
    .action(act(contexts, (ctx, name: string, flags: SetFlags) => run(name, flags, ctx)));
}

export async function run(name: string, flags: SetFlags, ctx: Context): Promise<void> {
  if (!flags.file) throw new UsageError('give the repository with -f FILE (- for stdin)');
  const doc = await readDocument(ctx.io, flags.file);
  const file = flags.file === '-' ? '<stdin>' : flags.file;
  const whole = 'settings' in doc || 'type' in doc;
  const type = flags.type ?? (whole ? doc.type : undefined);
  const settings = whole ? doc.settings : doc;
  if (typeof type !== 'string' || type === '')
    throw new UsageError('the repository needs a type: a "type" in the file, or --type');
  if (typeof settings !== 'object' || settings === null || Array.isArray(settings))
    throw new UsageError(`${file}: "settings" must be an object`);
  const api = await ctx.api();
  const variables: Record<string, string> = {};
  for (const [k, v] of Object.entries(settings)) {
    if (typeof v === 'string' && v !== '' && SECRET.test(k)) {
      api.addSecret(v);
      ctx.secrets.add(v);
      variables[v] = `ECE_REPO_${k.toUpperCase().replace(/[^A-Z0-9]/g, '_')}`;
    }
  }
  const write = setSnapshotRepo(name, { type, settings }, variables);
  if (showDryRun(ctx, api, write)) return;
  const renderer = await ctx.renderer();
  const res = await api.request(write);
  if (renderer.raw) await renderer.body(res, RAW);
  ctx.io.stderr.write(`Saved snapshot repository ${name}.\n`);
}
