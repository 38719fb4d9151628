// Arrows point down (STYLE.md, habit 14): the request layer imports nothing
// from auth/, commands/ or output/; what it needs from them comes in as an
// interface. This reads every import of every file under src/api/.

import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, it } from 'node:test';
import assert from './helpers/assert.js';
import { specifiers } from './helpers/imports.js';

const SRC = resolve('src');
const FORBIDDEN = ['auth', 'commands', 'output'].map((d) => join(SRC, d));

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return files(p);
    return /\.ts$/.test(e.name) ? [p] : [];
  });
}

/** The imports of `file` that land in a forbidden directory. */
export function violations(file: string, source: string): string[] {
  return specifiers(source)
    .filter((s) => s.startsWith('.'))
    .filter((s) => {
      const target = resolve(join(file, '..'), s);
      return FORBIDDEN.some((d) => target === d || target.startsWith(`${d}/`));
    })
    .map((s) => `${relative(process.cwd(), file)} imports ${s}`);
}

describe('structure', () => {
  it('src/api/ imports nothing from src/auth/, src/commands/ or src/output/', () => {
    const found = files(join(SRC, 'api')).flatMap((f) => violations(f, readFileSync(f, 'utf8')));
    assert.deepEqual(found, []);
  });

  it('the check catches every form of import (it can fail)', () => {
    const file = join(SRC, 'api', 'x.ts');
    const source = [
      "import type { Credential } from '../auth/credentials.js';",
      "import { x } from '../output/iostreams.js';",
      "export { y } from '../commands/api/index.js';",
      "const z = await import('../auth/session.js');",
      "import '../output/color.js';",
      "import { ok } from './body.js';",
      "import { ExitCode } from '../errors.js';",
    ].join('\n');
    assert.deepEqual(violations(file, source), [
      'src/api/x.ts imports ../auth/credentials.js',
      'src/api/x.ts imports ../output/iostreams.js',
      'src/api/x.ts imports ../commands/api/index.js',
      'src/api/x.ts imports ../output/color.js',
      'src/api/x.ts imports ../auth/session.js',
    ]);
  });
});
