// `npm run coverage:api`: how many of the API's operations have a dedicated
// command. The operations the commands send are the table in
// src/api/versions.ts (OPERATIONS, which src/api/operations.ts feeds);
// sentOperations() finds what the typed calls in src/api/ really send, and
// test/commands/coverage.test.ts keeps the two equal. An operation the
// commands send but that is deprecated (NOT_COUNTED) stays in the table, for
// the version checks, and out of the count.

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

/**
 * Operations a command may send that the count leaves out: deprecated in
 * ECE's API, so a command that sends one is no reason to call it covered.
 */
export const NOT_COUNTED: Record<string, string> = {
  'POST /deployments/{deployment_id}/{stateless_resource_kind}/{ref_id}/_upgrade':
    'deprecated: a stateless resource is upgraded by a plan (deployments upgrade)',
};

/** The operation a concrete request is: literal segments win over parameters. */
export function operationOf(spec: Spec, method: string, path: string): string | undefined {
  const segments = path.split('?')[0]?.split('/') ?? [];
  let best: { key: string; params: number } | undefined;
  for (const [template, ops] of Object.entries(spec.paths)) {
    const parts = template.split('/');
    // The proxy's {proxy_path} is the rest of the path, slashes and all
    // (`…/proxy/_cluster/health`), as the spec validator and the sandbox read it.
    const here =
      parts.at(-1) === '{proxy_path}' && segments.length > parts.length
        ? [...segments.slice(0, parts.length - 1), segments.slice(parts.length - 1).join('/')]
        : segments;
    if (!(method.toLowerCase() in ops) || parts.length !== here.length) continue;
    if (!parts.every((p, i) => p.startsWith('{') || p === here[i])) continue;
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
 * sent through the client, or returned as a planned write. The values a
 * module lists as the ones its calls take (an exported array of strings:
 * PROXY_METHODS, the logging components) are tried too, one parameter at a
 * time: a call that takes `GET` for a method sends nothing with `x`.
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
  const OTHER_KINDS = ['kibana', 'apm', 'appsearch', 'enterprise_search', 'integrations_server'];
  const dir = join(ROOT, 'src', 'api');
  // This file's own extension: .ts through tsx, .js in the tests' compiled tree.
  const ext = extname(fileURLToPath(import.meta.url));
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith(ext) && !f.endsWith('.d.ts'))
    .sort()) {
    const mod = (await import(pathToFileURL(join(dir, file)).href)) as Record<string, unknown>;
    const listed = [
      ...new Set(
        Object.values(mod).flatMap((v) =>
          Array.isArray(v) && v.every((x) => typeof x === 'string') ? (v as string[]) : [],
        ),
      ),
    ].filter((v) => !values.includes(v));
    for (const fn of Object.values(mod)) {
      if (typeof fn !== 'function' || !/\bpath:/.test(String(fn)) || /^class\b/.test(String(fn)))
        continue;
      const arity = Math.min(fn.length, 5);
      const n = Math.max(arity, 2) - 1;
      // A listed value in one position, 'x' in the others.
      const listedRest = listed.flatMap((v) =>
        Array.from({ length: n }, (_, i) =>
          Array.from({ length: n }, (_, j) => (i === j ? v : 'x')),
        ),
      );
      // The first parameter: a client (typed calls), an id, or a body (builders
      // such as createUserRequest), then a listed value (a component's path segment).
      const firsts: unknown[] = [api, 'x', { security: { password: 'x' } }, ...listed];
      for (const first of firsts) {
        const combos: unknown[][] = [Array.from({ length: n }, () => 'x'), ...listedRest];
        if (typeof first !== 'string' || first === 'x') {
          // Every combination of the sample values for the parameters after the first.
          let all: unknown[][] = [[]];
          for (let i = 0; i < n; i++) all = all.flatMap((c) => values.map((v) => [...c, v]));
          combos.push(...all);
        }
        // A call that takes a resource kind is also tried with each other kind
        // in each place (the rest 'x'): the spec has an operation per kind for
        // some paths (GET …/kibana/{ref_id}).
        if (/\bkind\b/.test(String(fn)))
          for (const kind of OTHER_KINDS)
            for (let i = 1; i < Math.max(arity, 2); i++)
              combos.push(
                Array.from({ length: Math.max(arity, 2) - 1 }, (_x, j) =>
                  j === i - 1 ? kind : 'x',
                ),
              );
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

/** The operations of the spec that count as covered: in the table, and not NOT_COUNTED. */
export function countedOperations(
  spec: Spec,
  table: Record<string, string> = OPERATIONS,
): string[] {
  return specOperations(spec).filter((op) => op in table && !(op in NOT_COUNTED));
}

/** What `npm run coverage:api` prints (with --list, the covered operations too). */
export function summary(
  spec: Spec,
  list = false,
  table: Record<string, string> = OPERATIONS,
): string {
  const all = specOperations(spec);
  const covered = countedOperations(spec, table);
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
