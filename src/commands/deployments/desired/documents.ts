// Reading desired-state files (issue 25, item 5): `-f FILE|DIR…`, where a
// directory means its .json, .yaml and .yml files (not recursive, in name
// order); a file holds one document, a list of documents, or (YAML) several
// documents separated by `---`. YAML is 1.2, so `on` and `yes` stay strings.
// A `version` that is not a string (`version: 8.10` reads as 8.1) is refused
// with its file, line and column. Every file is read before any request: one
// bad file stops the run (exit 2), as terraform refuses a configuration with
// a broken file rather than applying half of it.

import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError } from '../../../errors.js';
import { parseDocument, readInputFile, type StdinIO } from '../../../input.js';
import { cjs } from '../../../interop.js';
import { MAX_DEPTH } from '../../../lossless.js';

/** One desired deployment, as read from a file. */
export interface Desired {
  /** Where it came from: `dir/a.yaml`, or `dir/a.yaml#2` for the second document of a file. */
  source: string;
  doc: Record<string, unknown>;
}

const EXTENSIONS = /\.(json|ya?ml)$/i;

/** The top-level fields of a document: a create request's, and the `id` export writes. */
export const FIELDS = [
  'id',
  'name',
  'alias',
  'resources',
  'settings',
  'metadata',
  'region',
  'version',
] as const;

/** The files named: a directory stands for its .json/.yaml/.yml files. */
export function filesOf(paths: readonly string[]): string[] {
  if (paths.length === 0) throw new UsageError('give the desired state with -f FILE or -f DIR');
  const out: string[] = [];
  for (const p of paths) {
    if (p === '-') {
      out.push(p);
      continue;
    }
    const st = statSync(p, { throwIfNoEntry: false });
    if (!st) throw new UsageError(`cannot read ${p}: no such file or directory`);
    if (!st.isDirectory()) {
      out.push(p);
      continue;
    }
    const names = readdirSync(p)
      .filter((n) => EXTENSIONS.test(n) && !n.startsWith('.'))
      .sort();
    const files = names.map((n) => join(p, n)).filter((f) => statSync(f).isFile());
    if (files.length === 0) throw new UsageError(`${p} holds no .json, .yaml or .yml file`);
    out.push(...files);
  }
  return out;
}

/** Every document of every file named, in order; the first bad one is a UsageError. */
export async function readDesired(io: StdinIO, paths: readonly string[]): Promise<Desired[]> {
  const out: Desired[] = [];
  for (const file of filesOf(paths)) {
    const text = await readInputFile(io, file);
    const name = file === '-' ? '<stdin>' : file;
    const docs = await parseDocuments(text, name);
    docs.forEach((doc, i) => {
      out.push({ source: docs.length > 1 ? `${name}#${i + 1}` : name, doc });
    });
  }
  const seen = new Map<string, string>();
  for (const d of out) {
    const key = typeof d.doc.id === 'string' ? `id ${d.doc.id}` : `name "${String(d.doc.name)}"`;
    const first = seen.get(key);
    if (first)
      throw new UsageError(`${first} and ${d.source} both describe the deployment with ${key}`);
    seen.set(key, d.source);
  }
  return out;
}

/** The documents of one file's text, each checked. */
export async function parseDocuments(
  text: string,
  name: string,
): Promise<Record<string, unknown>[]> {
  if (text.trim() === '') throw new UsageError(`${name} is empty`);
  const YAML = cjs(await import('yaml'));
  const json = /\.json$/i.test(name) || /^\s*[[{]/.test(text);
  const values: unknown[] = [];
  if (json) {
    // JSON's own reader first, for its file:line:column of a syntax error.
    const trimmed = text.trimStart();
    if (trimmed.startsWith('[')) {
      // parseDocument wants an object: check the syntax with JSON.parse, positions below.
      try {
        values.push(JSON.parse(text));
      } catch {
        await parseDocument(text, name);
      }
    } else values.push(await parseDocument(text, name));
  }
  // YAML (JSON is YAML 1.2 too) for the positions of values, and for YAML itself.
  const lines = new YAML.LineCounter();
  const docs = YAML.parseAllDocuments(text, {
    version: '1.2',
    uniqueKeys: true,
    prettyErrors: false,
    lineCounter: lines,
  });
  const list = Array.isArray(docs) ? docs : [docs];
  const at = (offset: number) => {
    const { line, col } = lines.linePos(offset);
    return `${name}:${line}:${col}`;
  };
  for (const doc of list) {
    const first = doc.errors[0];
    if (first)
      throw new UsageError(
        `${at(first.pos[0])}: invalid ${json ? 'JSON' : 'YAML'}: ${first.message.split('\n')[0]}`,
      );
    checkVersions(YAML, doc.contents, text, at);
  }
  // An empty document (`---` twice, a trailing `---`) is no deployment: skipped.
  if (!json)
    for (const doc of list) {
      const value: unknown = doc.toJS();
      if (value !== null && value !== undefined) values.push(value);
    }
  const out: Record<string, unknown>[] = [];
  for (const v of values) {
    const items = Array.isArray(v) ? v : [v];
    items.forEach((item, i) => {
      const where = Array.isArray(v) ? `${name} (item ${i + 1})` : name;
      out.push(checkDocument(item, where));
    });
  }
  if (out.length === 0) throw new UsageError(`${name} holds no document`);
  return out;
}

type Yaml = typeof import('yaml');

/** A `version` must be a string: `8.10` unquoted is the number 8.1, not the version 8.10. */
function checkVersions(
  YAML: Yaml,
  node: unknown,
  text: string,
  at: (offset: number) => string,
): void {
  const stack: unknown[] = [node];
  for (let n = stack.pop(); n !== undefined; n = stack.pop()) {
    if (YAML.isMap(n)) {
      for (const pair of n.items) {
        const key = YAML.isScalar(pair.key) ? pair.key.value : pair.key;
        const value = pair.value;
        if (key === 'version' && YAML.isScalar(value) && typeof value.value !== 'string') {
          const [start = 0, end = start] = value.range ?? [];
          const written = text.slice(start, end).trim();
          throw new UsageError(
            `${at(start)}: version ${written} is not a string (it reads as ${String(value.value)}): quote it, "${written}"`,
          );
        }
        stack.push(value);
      }
    } else if (YAML.isSeq(n)) stack.push(...n.items);
  }
}

/** A document's shape: an object with a name or an id, and only a create request's fields. */
function checkDocument(value: unknown, where: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new UsageError(`${where}: expected a deployment ({name, resources, …})`);
  const doc = value as Record<string, unknown>;
  if (depthOf(doc) > MAX_DEPTH)
    throw new UsageError(`${where}: nested more than ${MAX_DEPTH} levels deep`);
  const unknown = Object.keys(doc).filter(
    (k) => !(FIELDS as readonly string[]).includes(k) && k !== 'prune_orphans',
  );
  if (unknown.length > 0)
    throw new UsageError(
      `${where}: unknown field${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')} (a document has ${FIELDS.join(', ')})`,
    );
  if (doc.id !== undefined && typeof doc.id !== 'string')
    throw new UsageError(
      `${where}: id must be a string (quote it): a deployment's 32-character id`,
    );
  if (typeof doc.id === 'string' && !/^[0-9a-f]{32}$/.test(doc.id))
    throw new UsageError(`${where}: id must be a deployment's 32-character id`);
  if (typeof doc.name !== 'string' || doc.name.trim() === '')
    throw new UsageError(`${where}: name is required (a non-empty string)`);
  const resources = doc.resources;
  if (typeof resources !== 'object' || resources === null || Array.isArray(resources))
    throw new UsageError(`${where}: resources is required ({elasticsearch: [...], …})`);
  for (const [kind, list] of Object.entries(resources)) {
    if (!Array.isArray(list))
      throw new UsageError(`${where}: resources.${kind} must be a list of resources`);
    list.forEach((r: unknown, i) => {
      const ref = (r as { ref_id?: unknown } | null)?.ref_id;
      if (typeof ref !== 'string' || ref === '')
        throw new UsageError(`${where}: resources.${kind}[${i}].ref_id is required`);
    });
  }
  return doc;
}

function depthOf(value: unknown): number {
  let max = 0;
  const stack: [unknown, number][] = [[value, 1]];
  for (let top = stack.pop(); top; top = stack.pop()) {
    const [v, d] = top;
    if (d > max) max = d;
    if (d > MAX_DEPTH) return d;
    if (v !== null && typeof v === 'object')
      for (const child of Object.values(v)) stack.push([child, d + 1]);
  }
  return max;
}
