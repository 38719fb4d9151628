// `ece snapshot-repos set <name> -f repo.json`: creates or replaces a
// repository ({type, settings}). Credentials in the settings never show in a
// dry run's curl line: each becomes a shell variable.

import { setSnapshotRepo } from '../../api/snapshot-repos.js';
import { UsageError } from '../../errors.js';
import { readDocument } from '../../input.js';
import { defineVerb } from '../run/types.js';

/** Setting names whose values are credentials. */
const SECRET = /(secret|password|key|token|credentials|sas)/i;

export const verb = defineVerb<{ name: string; file?: string; type?: string }>({
  effect: 'write',
  args: [{ name: 'name', description: 'repository name' }],
  options: [
    {
      flags: '-f, --file <file>',
      description: 'the repository: {"type": …, "settings": {…}}, JSON or YAML (- for stdin)',
    },
    {
      flags: '--type <type>',
      description: 'the repository type (s3, azure, gcs, fs, url), if the file has none',
    },
  ],
  description: `The settings are the Elasticsearch repository settings of that type; a file
with only settings (no "type" and "settings" keys) is taken as the settings.`,
  examples: [
    'ece snapshot-repos set ece-snapshots -f s3.json',
    'ece snapshot-repos set backups --type s3 -f settings.yaml --dry-run',
  ],
  input(raw) {
    if (typeof raw.file !== 'string' || raw.file === '')
      throw new UsageError('give the repository with -f FILE (- for stdin)');
    return raw as { name: string; file: string; type?: string };
  },
  async plan(input, ctx) {
    const name = input.name;
    const path = input.file as string;
    const doc = await readDocument(ctx.io, path);
    const file = path === '-' ? '<stdin>' : path;
    const whole = 'settings' in doc || 'type' in doc;
    const type = input.type ?? (whole ? doc.type : undefined);
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
    return {
      writes: [setSnapshotRepo(name, { type, settings }, variables)],
      done: `Saved snapshot repository ${name}.`,
    };
  },
});
