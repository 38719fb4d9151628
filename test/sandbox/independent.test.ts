// The sandbox is an oracle for the client, so it must not share the client's
// code: a rule it borrowed from src/api/ could never catch a bug in that rule.
// Every file under src/sandbox/ is read with TypeScript's own import scanner
// (static imports, re-exports, `import type`, `import()`), and none may reach
// src/api/, src/commands/, src/auth/ or src/config/.

import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, it } from 'node:test';
import ts from 'typescript';
import assert from '../helpers/assert.js';

const SRC = resolve('src');
const CLIENT = ['api', 'commands', 'auth', 'config'].map((d) => join(SRC, d));

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return files(p);
    return e.name.endsWith('.ts') ? [p] : [];
  });
}

/** The imports of `file` (given its source) that land in the client's folders. */
function clientImports(file: string, source: string): string[] {
  return ts
    .preProcessFile(source, true, true)
    .importedFiles.map((f) => f.fileName)
    .filter((spec) => spec.startsWith('.'))
    .filter((spec) => {
      const target = resolve(dirname(file), spec);
      return CLIENT.some((d) => target === d || target.startsWith(`${d}/`));
    })
    .map((spec) => `${relative(process.cwd(), file)} imports ${spec}`);
}

describe('the sandbox is independent of the client', () => {
  it('no file of src/sandbox/ imports from src/api, src/commands, src/auth or src/config', () => {
    const found = files(join(SRC, 'sandbox')).flatMap((f) =>
      clientImports(f, readFileSync(f, 'utf8')),
    );
    assert.deepEqual(found, []);
  });

  it('the check sees every form of import (it can fail)', () => {
    const file = join(SRC, 'sandbox', 'x.ts');
    const source = [
      "import { KINDS } from '../api/kinds.js';",
      "import type { Context } from '../commands/run/index.js';",
      "export { y } from '../auth/credentials.js';",
      "const z = await import('../config/profiles.js');",
      "import '../api/client.js';",
      "import { iso } from './ids.js';",
      "import { cjs } from '../interop.js';",
      "import { BlockList } from 'node:net';",
    ].join('\n');
    assert.deepEqual(clientImports(file, source), [
      'src/sandbox/x.ts imports ../api/kinds.js',
      'src/sandbox/x.ts imports ../commands/run/index.js',
      'src/sandbox/x.ts imports ../auth/credentials.js',
      'src/sandbox/x.ts imports ../config/profiles.js',
      'src/sandbox/x.ts imports ../api/client.js',
    ]);
  });
});
