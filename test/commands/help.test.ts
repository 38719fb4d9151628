// Help topics, the generated reference, and mistyped commands.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { generateDocs } from '../../scripts/gen-docs.js';
import { ENVIRONMENT } from '../../src/topics.js';
import assert from '../helpers/assert.js';
import { run } from '../helpers/cli.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

describe('help', () => {
  it('ece help exit-codes matches the table in DESIGN.md', async () => {
    const design = readFileSync(join(ROOT, '../shared/DESIGN.md'), 'utf8');
    const table = design.slice(design.indexOf('## Exit codes'));
    const rows = [...table.matchAll(/^\| (\d+) \| (.+?) \|$/gm)].map((m) => [
      m[1],
      m[2]?.replace(/`/g, ''),
    ]);
    assert.equal(rows.length, 12);
    const r = await run(['help', 'exit-codes']);
    assert.equal(r.code, 0);
    for (const [code, meaning] of rows) {
      assert.match(
        r.stdout,
        new RegExp(`^ {2}${code} +${(meaning ?? '').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`, 'm'),
        `${code}`,
      );
    }
  });

  it('ece help environment names every environment variable the source reads', async () => {
    const r = await run(['help', 'environment']);
    assert.equal(r.code, 0);
    const used = new Set<string>();
    const walk = (dir: string): string[] =>
      readdirSync(dir).flatMap((f) =>
        statSync(join(dir, f)).isDirectory() ? walk(join(dir, f)) : [join(dir, f)],
      );
    // The TypeScript sources (the fast tier runs a compiled copy of this file).
    for (const file of walk(resolve('src')).filter((f) => f.endsWith('.ts'))) {
      for (const m of readFileSync(file, 'utf8').matchAll(/env\??\.([A-Z][A-Z0-9_]+)/g))
        used.add(m[1] ?? '');
    }
    const documented = ENVIRONMENT.flatMap(([k]) =>
      k.split(', ').flatMap((v) => [v, v.toLowerCase()]),
    );
    for (const v of used)
      assert.ok(
        documented.includes(v) || documented.includes(v.toUpperCase()),
        `${v} is not in ece help environment`,
      );
    assert.ok(used.size >= 10);
  });

  it('ece help formatting explains formats, --query and colour', async () => {
    const r = await run(['help', 'formatting']);
    assert.equal(r.code, 0);
    for (const s of ['--json', '-o yaml', '--query', 'NO_COLOR', 'tab-separated'])
      assert.ok(r.stdout.includes(s), s);
  });

  it('docs/commands.md is what npm run docs generates now', async () => {
    const committed = readFileSync(join(ROOT, 'docs/commands.md'), 'utf8');
    assert.ok(
      committed === (await generateDocs()),
      'docs/commands.md is stale: run `npm run docs` and commit it',
    );
  });

  it('a mistyped command suggests the closest one', async () => {
    const r = await run(['deploymets']);
    assert.deepEqual(
      [r.code, r.stderr],
      [2, "error: unknown command 'deploymets' (Did you mean deployments?)\n"],
    );
    const sub = await run(['deployments', 'lst']);
    assert.equal(sub.code, 2);
    assert.match(sub.stderr, /Did you mean (one of )?list/);
  });
});
