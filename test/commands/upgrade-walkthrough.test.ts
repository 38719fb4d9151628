// The upgrade walkthrough of docs/platform.md, run against the sandbox: every
// `ece` line of its ```sh blocks, in order, exits 0, with the stack pack it
// uploads written first. Afterwards every resource of the deployment runs the
// new version and the templates build on it.

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import assert from '../helpers/assert.js';
import { run, tempDir } from '../helpers/cli.js';
import { useSandbox } from '../helpers/sandbox.js';
import { makeZip } from '../helpers/zip.js';

const DOC = readFileSync(new URL('../../docs/platform.md', import.meta.url), 'utf8');

function walkthroughLines(): string[] {
  const section = DOC.split(/\n## /).find((s) => s.startsWith('Upgrade walkthrough')) ?? '';
  return [...section.matchAll(/```sh\n([\s\S]*?)```/g)]
    .flatMap((m) => (m[1] ?? '').split('\n'))
    .filter((line) => line.startsWith('ece '));
}

/** Splits a line as sh would, for the quoting the walkthrough uses. */
function words(line: string): string[] {
  return [...line.matchAll(/'([^']*)'|"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3] ?? '');
}

describe('docs/platform.md upgrade walkthrough against the sandbox', () => {
  const t = useSandbox({ deployments: 1, planDurationMs: 300 });
  const env = t.env;

  it('every line exits 0, and the deployment ends on the new version', async () => {
    const lines = walkthroughLines();
    assert.deepEqual(
      lines.map((l) => words(l).slice(1, 3).join(' ')),
      [
        'stack upload',
        'stack show',
        'stack versions',
        'templates list',
        'templates show',
        'deployments upgrade',
        'deployments upgrade',
        'deployments show',
      ],
    );
    const dir = tempDir('ece-upgrade-walkthrough-');
    writeFileSync(join(dir, '8.16.0.zip'), makeZip({ '8.16.0/stackpack.json': '{}' }));
    for (const line of lines) {
      const argv = words(line)
        .slice(1)
        .map((w) => (w.endsWith('.zip') ? join(dir, w) : w));
      const r = await run(argv, { env });
      assert.equal(r.code, 0, `${line}: ${r.stderr}`);
      if (line.startsWith('ece templates show'))
        assert.equal(r.stdout, '8.16.0\n', 'templates build on the uploaded version');
    }
    // TSV rows: kind, ref_id, id, status, healthy, version, …
    const shown = await run(['deployments', 'show', 'prod-logs'], { env });
    assert.equal(shown.code, 0, shown.stderr);
    const found = shown.stdout
      .trim()
      .split('\n')
      .map((row) => row.split('\t'))
      .map((c) => `${c[0]} ${c[5]}`);
    assert.deepEqual(found, ['elasticsearch 8.16.0', 'kibana 8.16.0', 'apm 8.16.0']);
  });
});
