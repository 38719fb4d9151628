// The walkthroughs of docs/platform.md, run against the sandbox: every `ece`
// line of their ```sh blocks, in order, exits 0. A line may write stdout to
// a file (`> f`) that a later `-f f` reads, or take stdin from `<<< '…'`.

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import assert from '../helpers/assert.js';
import { run, tempDir } from '../helpers/cli.js';
import { useSandbox } from '../helpers/sandbox.js';

const DOC = readFileSync(new URL('../../docs/platform.md', import.meta.url), 'utf8');

/** The `ece` lines of the ```sh blocks in the sections titled "Walkthrough: …". */
function walkthroughLines(): string[] {
  return DOC.split(/\n## /)
    .filter((section) => section.startsWith('Walkthrough'))
    .flatMap((section) => [...section.matchAll(/```sh\n([\s\S]*?)```/g)])
    .flatMap((m) => (m[1] ?? '').split('\n'))
    .filter((line) => line.startsWith('ece '));
}

/** Splits a line as sh would, for the quoting the walkthroughs use. */
function words(line: string): string[] {
  return [...line.matchAll(/'([^']*)'|"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3] ?? '');
}

describe('docs/platform.md walkthroughs against the sandbox', () => {
  const t = useSandbox({ deployments: 2 });
  const env = t.env;

  it('every line exits 0', async () => {
    const lines = walkthroughLines();
    assert.ok(lines.length >= 10, `only ${lines.length} lines found`);
    const dir = tempDir('ece-walkthrough-');
    // A file a walkthrough shows (```json NAME) is there for its -f.
    for (const m of DOC.matchAll(/```json (\S+)\n([\s\S]*?)```/g))
      writeFileSync(join(dir, m[1] ?? ''), m[2] ?? '');
    for (const line of lines) {
      const argv = words(line).slice(1);
      let out: string | undefined;
      let stdin: string | undefined;
      const redirect = argv.indexOf('>');
      if (redirect >= 0) out = join(dir, argv.splice(redirect, 2)[1] ?? '');
      const here = argv.indexOf('<<<');
      if (here >= 0) stdin = argv.splice(here, 2)[1];
      const f = argv.indexOf('-f');
      if (f >= 0 && argv[f + 1] !== '-') argv[f + 1] = join(dir, argv[f + 1] ?? '');
      const r = await run(argv, { env, ...(stdin === undefined ? {} : { stdin }) });
      assert.equal(r.code, 0, `${line}: ${r.stderr}`);
      if (out) writeFileSync(out, r.stdout);
    }
    const maint = await run(
      ['allocators', 'show', '192.168.44.11', '--query', 'status.maintenance_mode'],
      { env },
    );
    assert.equal(maint.stdout, 'false\n');
  });
});
