// Arrows point down everywhere, and never in a circle (STYLE.md, habits 14
// and 17). Every file of src/ belongs to a row of LAYERS, and imports only
// what its row allows; no chain of imports among the files of src/ comes
// back to where it started. Static imports, re-exports, `import type` and
// dynamic `import()` all count: a cycle through types or a lazy import is
// still two modules that cannot be understood (or moved) one without the other.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, it } from 'node:test';
import assert from './helpers/assert.js';
import { specifiers } from './helpers/imports.js';

const SRC = resolve('src');

/** Imported by everything above them; each imports at most errors.ts. */
const HELPERS = [
  'errors.ts',
  'interop.ts',
  'version.ts',
  'lossless.ts',
  'jsonpos.ts',
  'duration.ts',
  'sleep.ts',
  // The one rule of where a secret stands as a value (output, traces, dry runs).
  'mask.ts',
  // The one writer of local files and the one mkdir (issue 23): node: only.
  'localfile.ts',
  'mkdir.ts',
];
/** What a command (and the executor that runs commands) may use. */
const COMMAND_BASE = [
  ...HELPERS,
  'input.ts',
  'api/',
  'auth/',
  'config/',
  'output/',
  'context.ts',
  'commands/*.ts',
  '!commands/registry.ts',
  'commands/run/',
];
/**
 * Helpers that still live in one group's folder and that other groups use.
 * Each is a candidate for commands/ itself; a new one is a decision, made here.
 */
const SHARED_FROM_GROUPS = [
  'commands/deployments/resolve.ts',
  'commands/deployments/wait.ts',
  'commands/deployments/query.ts',
  // The one reader of PEM certificates: `tls`, and the platform's extra
  // certificates and trust relationships (issue 28).
  'commands/tls/pem.ts',
];

/**
 * Who may import what, from the bottom up: a file's row is the first whose
 * pattern matches its path under src/ (`x/` a folder and all below it, `*` one
 * name); an import is allowed by its row's list (same patterns, `!` excludes)
 * or when it stays inside the importer's own folder (its command group, for
 * commands/). A row may name only what is below it.
 */
export const LAYERS: [from: string, allowed: string[]][] = [
  ['errors.ts', []],
  ['interop.ts', []],
  ['version.ts', []],
  ['lossless.ts', []],
  ['jsonpos.ts', []],
  ['mask.ts', []],
  ['localfile.ts', []],
  ['mkdir.ts', []],
  // Bundled apart (dist/boot.cjs) and read by the launcher before anything else.
  ['boot.ts', ['mkdir.ts']],
  ['duration.ts', ['errors.ts']],
  ['sleep.ts', ['errors.ts']],
  ['topics.ts', ['errors.ts']],
  ['input.ts', ['errors.ts', 'interop.ts', 'jsonpos.ts', 'lossless.ts']],
  // The request layer: typed calls that never print (habit 4).
  ['api/', HELPERS],
  ['output/', HELPERS],
  ['config/', HELPERS],
  // The simulator validates with its own code and the spec, never the client's (DESIGN.md).
  ['sandbox/', HELPERS],
  ['auth/', [...HELPERS, 'api/', 'config/']],
  ['context.ts', [...HELPERS, 'api/', 'auth/', 'config/', 'output/']],
  ['commands/action.ts', [...HELPERS, 'context.ts']],
  ['commands/registry.ts', ['commands/action.ts', 'commands/run/', 'commands/*/']],
  // The one executor: flags, --dry-run, confirmation, sending, rendering, waiting.
  // It follows plans with the one plan follower, and parses the short search
  // syntax with its tokenizer: both still live in deployments/.
  [
    'commands/run/',
    [...COMMAND_BASE, 'commands/deployments/wait.ts', 'commands/deployments/query.ts'],
  ],
  ['commands/*.ts', COMMAND_BASE],
  ['commands/sandbox/', [...COMMAND_BASE, 'sandbox/']],
  // ece mcp: its command loads the server (src/mcp/) when it runs.
  ['commands/mcp/', [...COMMAND_BASE, 'mcp/']],
  ['commands/*/', [...COMMAND_BASE, ...SHARED_FROM_GROUPS]],
  // The MCP server: runs declared verbs through the executor; `ece api`'s path rule.
  ['mcp/', [...COMMAND_BASE, 'commands/api/index.ts']],
  ['complete.ts', [...HELPERS, 'api/', 'context.ts', 'output/', 'commands/run/']],
  [
    'program.ts',
    [
      ...HELPERS,
      'context.ts',
      'output/',
      'commands/action.ts',
      'commands/registry.ts',
      'commands/run/',
    ],
  ],
  [
    'reference.ts',
    [...HELPERS, 'topics.ts', 'context.ts', 'output/', 'program.ts', 'commands/run/'],
  ],
  [
    'help.ts',
    [...HELPERS, 'topics.ts', 'context.ts', 'program.ts', 'reference.ts', 'commands/run/'],
  ],
  [
    'cli.ts',
    [...HELPERS, 'context.ts', 'output/', 'program.ts', 'help.ts', 'complete.ts', 'commands/run/'],
  ],
  ['main.ts', [...HELPERS, 'output/', 'cli.ts']],
];

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return files(p);
    return /\.ts$/.test(e.name) && !/\.d\.ts$/.test(e.name) ? [p] : [];
  });
}

/** A path under src/ matches `x/` (that folder and below), `a/*.ts`, `a/*\/` or itself. */
function matches(pattern: string, path: string): boolean {
  const re = new RegExp(
    `^${pattern
      .replace(/[.+?^${}()|[\]\\]/g, '\\$&')
      .replace(/\*/g, '[^/]+')}${pattern.endsWith('/') ? '' : '$'}`,
  );
  return re.test(path);
}

/** The row of a file (a path under src/), or undefined when no row names it. */
export function rowOf(path: string): [from: string, allowed: string[]] | undefined {
  return LAYERS.find(([from]) => matches(from, path));
}

/** The folder inside which imports are free: a command group, or the top folder. */
function home(path: string): string | undefined {
  const parts = path.split('/');
  if (parts.length === 1) return undefined;
  if (parts[0] === 'commands') return parts.length > 2 ? `commands/${parts[1]}/` : undefined;
  return `${parts[0]}/`;
}

function allowed(from: string, to: string): boolean {
  const own = home(from);
  if (own && to.startsWith(own)) return true;
  const list = rowOf(from)?.[1] ?? [];
  if (list.some((p) => p.startsWith('!') && matches(p.slice(1), to))) return false;
  return list.some((p) => !p.startsWith('!') && matches(p, to));
}

/** The file under src/ a relative specifier names (`./x.js` is `x.ts`). */
function target(fromPath: string, spec: string): string {
  const abs = resolve(dirname(join(SRC, fromPath)), spec);
  const ts = abs.replace(/\.js$/, '.ts');
  return relative(SRC, existsSync(ts) || !existsSync(abs) ? ts : abs);
}

/** The imports of one file (a path under src/) that its row does not allow. */
export function violations(path: string, source: string): string[] {
  if (!rowOf(path)) return [`src/${path} is in no row of LAYERS`];
  return specifiers(source)
    .filter((s) => s.startsWith('.'))
    .map((s) => [s, target(path, s)] as const)
    .filter(([, to]) => !allowed(path, to))
    .map(([s]) => `src/${path} imports ${s}`);
}

/** The import graph: each file (a path under src/) and the files it imports. */
export function graph(sources: Map<string, string>): Map<string, string[]> {
  const g = new Map<string, string[]>();
  for (const [path, source] of sources)
    g.set(
      path,
      specifiers(source)
        .filter((s) => s.startsWith('.'))
        .map((s) => target(path, s)),
    );
  return g;
}

/** Every cycle, as its files in order (strongly connected components, Tarjan). */
export function cycles(g: Map<string, string[]>): string[][] {
  let index = 0;
  const at = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string): void => {
    at.set(v, index);
    low.set(v, index++);
    stack.push(v);
    onStack.add(v);
    for (const w of g.get(v) ?? []) {
      if (!g.has(w)) continue;
      if (!at.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v) ?? 0, low.get(w) ?? 0));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v) ?? 0, at.get(w) ?? 0));
    }
    if (low.get(v) !== at.get(v)) return;
    const scc: string[] = [];
    let w: string | undefined;
    do {
      w = stack.pop();
      if (w === undefined) break;
      onStack.delete(w);
      scc.push(w);
    } while (w !== v);
    if (scc.length > 1 || (g.get(v) ?? []).includes(v)) found.push(scc.sort());
  };
  for (const v of [...g.keys()].sort()) if (!at.has(v)) visit(v);
  return found;
}

const sources = () =>
  new Map(files(SRC).map((f) => [relative(SRC, f), readFileSync(f, 'utf8')] as const));

describe('structure', () => {
  it('every file of src/ imports only what its row of LAYERS allows', () => {
    const found = [...sources()].flatMap(([path, source]) => violations(path, source));
    assert.deepEqual(found, []);
  });

  it('no import cycle anywhere in src/', () => {
    assert.deepEqual(cycles(graph(sources())), []);
  });

  it('every relative import names a file that exists', () => {
    const missing = [...graph(sources())].flatMap(([from, tos]) =>
      tos.filter((to) => !existsSync(join(SRC, to))).map((to) => `src/${from} → src/${to}`),
    );
    assert.deepEqual(missing, []);
  });

  it('the layer check catches every form of import (it can fail)', () => {
    const source = [
      "import type { Credential } from '../auth/credentials.js';",
      "import { x } from '../output/iostreams.js';",
      "export { y } from '../commands/api/index.js';",
      "const z = await import('../auth/session.js');",
      "import '../output/color.js';",
      "import { ok } from './body.js';",
      "import { ExitCode } from '../errors.js';",
    ].join('\n');
    assert.deepEqual(violations('api/x.ts', source), [
      'src/api/x.ts imports ../auth/credentials.js',
      'src/api/x.ts imports ../output/iostreams.js',
      'src/api/x.ts imports ../commands/api/index.js',
      'src/api/x.ts imports ../output/color.js',
      'src/api/x.ts imports ../auth/session.js',
    ]);
    assert.deepEqual(violations('nowhere/x.ts', ''), ['src/nowhere/x.ts is in no row of LAYERS']);
  });

  it('commands: free inside a group, not across groups nor into the registry', () => {
    const source = [
      "import { a } from './common.js';",
      "import { b } from '../../deployments/wait.js';",
      "import { c } from '../../users/show.js';",
      "import { d } from '../../registry.js';",
      "import { e } from '../../write.js';",
      "import { f } from '../../run/executor.js';",
    ].join('\n');
    assert.deepEqual(violations('commands/allocators/x/y.ts', source), [
      'src/commands/allocators/x/y.ts imports ../../users/show.js',
      'src/commands/allocators/x/y.ts imports ../../registry.js',
    ]);
  });

  it('the cycle check finds cycles through any kind of import (it can fail)', () => {
    const g = graph(
      new Map([
        ['a.ts', "import type { B } from './b.js';"],
        ['b.ts', "const a = await import('./a.js');"],
        ['c.ts', "import { a } from './a.js';"],
        ['d/x.ts', "export * from './y.js';"],
        ['d/y.ts', "import './x.js';"],
      ]),
    );
    assert.deepEqual(cycles(g), [
      ['a.ts', 'b.ts'],
      ['d/x.ts', 'd/y.ts'],
    ]);
  });
});
