// `ece deployments export NAME…`: the desired-state document of running
// deployments (issue 25, item 4), what diff and apply read: export then diff
// shows no differences. JSON unless -o yaml; several deployments print as a
// list, which diff and apply read too; -O DIR writes one file per
// deployment and overwrites none without --force.

import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseBody } from '../../api/body.js';
import { asDeployment, getForUpdate, listSearch, type SearchHit } from '../../api/deployments.js';
import { mergePages } from '../../api/pager.js';
import { UsageError } from '../../errors.js';
import { writeFileAtomic } from '../../localfile.js';
import { sanitize, sanitizeText } from '../../output/sanitize.js';
import { INCLUDE_SYSTEM, leftOutNote, selectSystem } from '../run/system.js';
import { defineVerb } from '../run/types.js';
import { eachLimited } from './desired/compare.js';
import { exportDocument, type Obj } from './desired/model.js';
import { resolveDeployment } from './resolve.js';

export interface ExportInput {
  deployments: string[];
  all?: boolean;
  includeSystem?: boolean;
  outputDir?: string;
  force?: boolean;
}

export const verb = defineVerb<ExportInput>({
  effect: 'read',
  args: [
    {
      name: 'deployments',
      description: 'deployment ids or exact names',
      variadic: true,
      required: false,
    },
  ],
  options: [
    { flags: '--all', description: 'every deployment (system ones only with --include-system)' },
    INCLUDE_SYSTEM,
    {
      flags: '-O, --output-dir <dir>',
      description: 'write one file per deployment into DIR (NAME.json, or NAME.yaml with -o yaml)',
    },
    { flags: '--force', description: 'with -O, overwrite files that exist' },
  ],
  description: `The document is a create request (name, resources, settings, metadata)
with the deployment's id: the plans as stored, without what ECE fills in or
owns. JSON unless -o yaml. Several deployments print as a list; diff and
apply read a list, YAML documents separated by ---, or one document per file.`,
  examples: [
    'ece deployments export prod-logs -o yaml > prod-logs.yaml',
    'ece deployments export --all -O deployments/ -o yaml',
    'ece deployments export prod-logs metrics -O deployments/ --force',
  ],
  input(raw) {
    const input = raw as unknown as ExportInput;
    const names = input.deployments ?? [];
    if (input.all && names.length > 0)
      throw new UsageError('give deployment names or --all, not both');
    if (!input.all && names.length === 0)
      throw new UsageError('give the deployments to export (ids or names), or --all');
    if (input.force && input.outputDir === undefined)
      throw new UsageError('--force goes with -O DIR (nothing is overwritten on stdout)');
    return { ...input, deployments: names };
  },
  async plan(input, ctx) {
    const yaml = (await ctx.format()) === 'yaml';
    const dir = input.outputDir;
    if (dir !== undefined && !statSync(dir, { throwIfNoEntry: false })?.isDirectory())
      throw new UsageError(`-O ${dir}: no such directory`);
    const api = await ctx.api();
    let ids: string[];
    if (input.all) {
      // Every deployment, page by page: the list's search (sorted on the unique id).
      const { merged } = await mergePages(api, listSearch());
      const hits = (merged.deployments ?? []) as SearchHit[];
      // By name, so files and lists come in an order a person can follow.
      hits.sort((a, b) => (a.name ?? '').localeCompare(b.name ?? '') || a.id.localeCompare(b.id));
      const { selected, leftOut } = selectSystem(hits, input.includeSystem);
      const note = leftOutNote(leftOut);
      if (note) ctx.io.stderr.write(`${note}\n`);
      ids = selected.map((d) => d.id);
    } else {
      ids = [];
      for (const ref of input.deployments) ids.push((await resolveDeployment(api, ref)).id);
    }
    const docs = await eachLimited(ids, 4, async (id) =>
      exportDocument(asDeployment(parseBody<unknown>(await getForUpdate(api, id)))),
    );
    if (dir !== undefined) {
      await writeFiles(docs, dir, yaml, input.force === true, (line) => ctx.io.stderr.write(line));
      return {};
    }
    const value = docs.length === 1 && !input.all ? docs[0] : docs;
    const body = `${JSON.stringify(value, null, 2)}\n`;
    return { output: { body, print: (renderer) => renderer.text(sanitizeText(body)) } };
  },
});

/** One file per deployment: none is written when one would overwrite a file (without --force). */
async function writeFiles(
  docs: Obj[],
  dir: string,
  yaml: boolean,
  force: boolean,
  say: (line: string) => void,
): Promise<void> {
  const { toYaml } = await import('../../output/render.js');
  const ext = yaml ? 'yaml' : 'json';
  const names = new Map<string, number>();
  for (const d of docs) names.set(fileName(d), (names.get(fileName(d)) ?? 0) + 1);
  // Two deployments with one name get their ids in their file names.
  const files = docs.map((d) => {
    const base = fileName(d);
    return join(dir, `${(names.get(base) ?? 0) > 1 ? `${base}-${String(d.id)}` : base}.${ext}`);
  });
  const taken = files.filter((f) => existsSync(f));
  if (!force && taken.length > 0)
    throw new UsageError(
      `${taken.join(', ')} ${taken.length === 1 ? 'exists' : 'exist'}: nothing was written (--force overwrites)`,
    );
  for (const [i, d] of docs.entries()) {
    const file = files[i] ?? '';
    const text = yaml ? await toYaml(d) : `${JSON.stringify(d, null, 2)}\n`;
    writeFileAtomic(file, text, (err) => {
      const code = (err as NodeJS.ErrnoException).code ?? (err as Error).message;
      return new UsageError(`cannot write ${file}: ${code}`);
    });
    say(`Wrote ${sanitize(file)}\n`);
  }
}

/** A file name from a deployment's name: letters, digits, `.`, `_` and `-`; else its id. */
function fileName(d: Obj): string {
  const name = String(d.name ?? '')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^[.-]+/, '');
  return name === '' ? String(d.id) : name;
}
