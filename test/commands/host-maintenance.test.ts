// The host maintenance walkthrough of docs/platform.md, run against the
// sandbox: every `ece` line of its ```sh blocks, in order, exits 0, and the
// allocator is where the text says after each step (in maintenance, then
// empty with its instances elsewhere, out of maintenance, finally deleted).

import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import assert from '../helpers/assert.js';
import { run } from '../helpers/cli.js';
import { useSandbox } from '../helpers/sandbox.js';

const DOC = readFileSync(new URL('../../docs/platform.md', import.meta.url), 'utf8');
const HOST = '192.168.44.11';

/** The `ece` lines of the section's ```sh blocks, block by block. */
function blocks(): string[][] {
  const section = DOC.split(/\n## /).find((s) => s.startsWith('Host maintenance walkthrough'));
  assert.ok(section, 'docs/platform.md has no "Host maintenance walkthrough" section');
  return [...section.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) =>
    (m[1] ?? '').split('\n').filter((line) => line.startsWith('ece ')),
  );
}

type Allocator = { instances: unknown[]; status: { maintenance_mode: boolean } };

describe('docs/platform.md host maintenance walkthrough against the sandbox', () => {
  const t = useSandbox({ deployments: 2, planDurationMs: 1_000 });
  const env = t.env;

  const state = async () => {
    const r = await t.call('GET', `/platform/infrastructure/allocators/${HOST}`);
    return { status: r.status, body: r.body as Allocator };
  };
  const runAll = async (lines: string[]) => {
    const out: Record<string, string> = {};
    for (const line of lines) {
      const r = await run(line.split(/\s+/).slice(1), { env });
      assert.equal(r.code, 0, `${line}: ${r.stderr}`);
      out[line] = r.stdout;
    }
    return out;
  };

  it('maintenance on → vacate → wait → work → maintenance off; then retire the host', async () => {
    const [drain, back, retire, ...rest] = blocks();
    assert.deepEqual(rest, []);
    assert.ok(drain && back && retire);
    assert.equal((await state()).body.instances.length, 5);

    const drained = await runAll(drain);
    assert.equal(
      drained['ece allocators list --filter zone=ece-zone-2'],
      `${HOST}\tece-zone-2\tece-host-2.ece.local\t20480\t65536\t5\tyes\tno\n`,
    );
    assert.match(
      drained[`ece allocators vacate ${HOST} --dry-run`] ?? '',
      /^(printf .* \| curl -sS -g -K - -X POST \S+\/clusters\/elasticsearch\/_move .*\n){5}$/,
    );
    const after1 = await state();
    assert.deepEqual([after1.body.instances, after1.body.status.maintenance_mode], [[], true]);
    assert.match(drained[`ece allocators show ${HOST}`] ?? '', /\ninstances\t0\n/);
    const others = await run(
      ['allocators', 'list', '--query', 'zones[].allocators[].instances[] | length(@)'],
      { env },
    );
    assert.equal(others.stdout, '15\n');

    const restored = await runAll(back);
    assert.equal((await state()).body.status.maintenance_mode, false);
    assert.equal(restored['ece allocators list --filter maintenance=true'], '');

    const retired = await runAll(retire);
    assert.equal((await state()).status, 404);
    assert.doesNotMatch(retired['ece allocators list'] ?? '', /192\.168\.44\.11/);
  });
});
