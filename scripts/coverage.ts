// `npm run coverage:api`: how many of the API's operations have a dedicated
// command. The operations the commands send are the table in
// src/api/versions.ts (OPERATIONS, which src/api/operations.ts feeds);
// sentOperations() finds what the typed calls in src/api/ really send, and
// test/commands/coverage.test.ts keeps the two equal.

import { readdirSync, readFileSync } from 'node:fs';
import { dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { OPERATIONS } from '../src/api/versions.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

interface Spec {
  basePath: string;
  paths: Record<string, Record<string, unknown>>;
}

export function loadSpec(): Spec {
  const file = process.env.ECE_API_SPEC ?? join(ROOT, '..', 'shared', 'ece-api', 'apidocs.json');
  return JSON.parse(readFileSync(file, 'utf8')) as Spec;
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'];

/** Every `METHOD /template` of the specification. */
export function specOperations(spec: Spec): string[] {
  return Object.entries(spec.paths).flatMap(([path, ops]) =>
    Object.keys(ops)
      .filter((m) => METHODS.includes(m))
      .map((m) => `${m.toUpperCase()} ${path}`),
  );
}

/** The operation a concrete request is: literal segments win over parameters. */
export function operationOf(spec: Spec, method: string, path: string): string | undefined {
  const segments = path.split('?')[0]?.split('/') ?? [];
  let best: { key: string; params: number } | undefined;
  for (const [template, ops] of Object.entries(spec.paths)) {
    const parts = template.split('/');
    if (!(method.toLowerCase() in ops) || parts.length !== segments.length) continue;
    if (!parts.every((p, i) => p.startsWith('{') || p === segments[i])) continue;
    const params = parts.filter((p) => p.startsWith('{')).length;
    if (!best || params < best.params)
      best = { key: `${method.toUpperCase()} ${template}`, params };
  }
  return best?.key;
}

interface Planned {
  method?: string;
  path: string;
}
const isPlanned = (v: unknown): v is Planned =>
  typeof v === 'object' && v !== null && typeof (v as Planned).path === 'string';

/**
 * Calls every exported function of src/api/*.ts that builds a request
 * itself (its source names a `path:`) with a recording client and a few
 * kinds of argument, and returns the operations of the requests it saw —
 * sent through the client, or returned as a planned write.
 */
export async function sentOperations(spec: Spec): Promise<Set<string>> {
  const seen = new Set<string>();
  // Thousands of calls build the same few requests: match each against the spec once.
  const known = new Map<string, string | undefined>();
  const note = (r: Planned) => {
    const key = `${r.method ?? 'GET'} ${r.path}`;
    if (!known.has(key)) known.set(key, operationOf(spec, r.method ?? 'GET', r.path));
    const op = known.get(key);
    if (op) seen.add(op);
  };
  const api = {
    request: async (r: Planned) => {
      note(r);
      return { status: 200, text: '{}', headers: {} };
    },
    addSecret: () => undefined,
    curl: () => '',
  };
  const values: unknown[] = ['x', 'elasticsearch', '_start', '_stop', true, false];
  const dir = join(ROOT, 'src', 'api');
  // This file's own extension: .ts through tsx, .js in the tests' compiled tree.
  const ext = extname(fileURLToPath(import.meta.url));
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith(ext) && !f.endsWith('.d.ts'))
    .sort()) {
    const mod = (await import(pathToFileURL(join(dir, file)).href)) as Record<string, unknown>;
    for (const fn of Object.values(mod)) {
      if (typeof fn !== 'function' || !/\bpath:/.test(String(fn)) || /^class\b/.test(String(fn)))
        continue;
      const arity = Math.min(fn.length, 5);
      // The first parameter: a client (typed calls), an id, or a body (builders such as createUserRequest).
      for (const first of [api, 'x', { security: { password: 'x' } }]) {
        // Every combination of the sample values for the parameters after the first.
        const combos: unknown[][] = [[]];
        for (let i = 1; i < Math.max(arity, 2); i++) {
          const next: unknown[][] = [];
          for (const c of combos) for (const v of values) next.push([...c, v]);
          combos.splice(0, combos.length, ...next);
        }
        for (const rest of combos) {
          try {
            const out = fn(first, ...rest);
            if (isPlanned(out)) note(out);
            else if (out instanceof Promise) await out.catch(() => undefined);
          } catch {
            // A combination the function refuses: others cover it.
          }
        }
      }
    }
  }
  return seen;
}

/** What `npm run coverage:api` prints (with --list, the covered operations too). */
export function summary(spec: Spec, list = false): string {
  const all = specOperations(spec);
  const covered = all.filter((op) => op in OPERATIONS);
  const pct = ((100 * covered.length) / all.length).toFixed(1);
  return `${covered.length} of ${all.length} API operations (${pct}%) have a dedicated command.\n${
    list
      ? covered
          .sort()
          .map((op) => `  ${op}\n`)
          .join('')
      : ''
  }`;
}

async function main(): Promise<void> {
  process.stdout.write(summary(loadSpec(), process.argv.includes('--list')));
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
