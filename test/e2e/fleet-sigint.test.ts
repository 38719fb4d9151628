// Ctrl-C (a real SIGINT to the built binary) during a fleet rollout: exit
// 130, nothing new starts, the plans already sent go on in ECE, and the
// summary says what is done and what is left. The sandbox's clock stands
// still, so the two plans sent are still running when the signal comes.

import type { ChildProcess } from 'node:child_process';
import { describe, it } from 'node:test';
import assert from '../helpers/assert.js';
import { ece } from '../helpers/e2e.js';
import { createRequest, type SuiteSandbox, useSandbox } from '../helpers/sandbox.js';

describe('fleet rollout and SIGINT (built binary)', () => {
  let child: ChildProcess | undefined;
  let puts = 0;
  const t: SuiteSandbox = useSandbox({
    deployments: 0,
    fakeClock: true,
    planDurationMs: 60_000,
    onExchange: (e) => {
      if (e.method === 'PUT' && ++puts === 2) child?.kill('SIGINT');
    },
  });

  it('exit 130 after the second update: no third one, the two left running in ECE', async () => {
    const ids = new Map<string, string>();
    for (const name of ['sig-1', 'sig-2', 'sig-3', 'sig-4']) {
      const body = createRequest(name);
      const res = body.resources as Record<string, { plan: Record<string, { version: string }> }[]>;
      for (const [kind, list] of Object.entries(res))
        for (const x of list) (x.plan[kind] as { version: string }).version = '8.14.3';
      const made = await t.call('POST', '/deployments', { body });
      assert.equal(made.status, 201);
      ids.set(name, (made.body as { id: string }).id);
    }
    t.advance(120_000);
    const r = await ece(
      [
        'deployments',
        'upgrade',
        '--search',
        'name:sig-*',
        '--version',
        '8.15.1',
        '--concurrency',
        '2',
        '--yes',
        '--wait',
      ],
      {
        env: t.env,
        onSpawn: (c) => {
          child = c;
        },
      },
    );
    assert.equal(r.code, 130, r.stderr);
    assert.equal(puts, 2);
    assert.match(
      r.stderr,
      /\nInterrupted: 0 upgraded, 0 failed, 0 skipped, 2 still upgrading in ECE \(sig-1, sig-2\), 2 not started; run the same command again to go on\.\n$/,
    );
    assert.deepEqual(
      r.stdout
        .trim()
        .split('\n')
        .map((l) => l.split('\t'))
        .map((c) => `${c[0]} ${c[1]} ${c[4]} ${c[5]}`),
      [
        `sig-1 ${ids.get('sig-1')} running 130`,
        `sig-2 ${ids.get('sig-2')} running 130`,
        `sig-3 ${ids.get('sig-3')} not started 0`,
        `sig-4 ${ids.get('sig-4')} not started 0`,
      ],
    );
    // The plans sent go on in ECE.
    const shown = await t.call('GET', `/deployments/${ids.get('sig-1')}`);
    const es = (
      shown.body as {
        resources: { elasticsearch: { info: { plan_info: { pending?: unknown } } }[] };
      }
    ).resources.elasticsearch[0];
    assert.ok(es?.info.plan_info.pending, 'the plan is still pending in ECE');
  });
});
