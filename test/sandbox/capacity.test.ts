// Allocator capacity in the sandbox: instances go where there is free memory
// (their zone's allocator first, then another zone's), a plan that does not
// fit fails at allocate-instances as ECE's does (the create itself is
// accepted), no allocator ever shows more used than it has, and after a
// vacate an instance lists the zone it moved to.

import { after, before, describe, it } from 'node:test';
import assert from '../helpers/assert.js';
import { run } from '../helpers/cli.js';
import { type TestSandbox, testSandbox } from '../helpers/sandbox.js';
import { registerSecret } from '../helpers/secrets.js';

const GB32 = 32_768;
const ALLOC = '/platform/infrastructure/allocators';

/** An Elasticsearch deployment of one instance of `memory` MB in `zones` zones. */
function big(name: string, memory = GB32, zones = 1): Record<string, unknown> {
  return {
    name,
    resources: {
      elasticsearch: [
        {
          ref_id: 'main-elasticsearch',
          region: 'ece-region',
          plan: {
            cluster_topology: [
              {
                id: 'hot_content',
                zone_count: zones,
                instance_configuration_id: 'data.default',
                size: { resource: 'memory', value: memory },
              },
            ],
            elasticsearch: { version: '8.15.1' },
          },
        },
      ],
    },
  };
}

interface Instance {
  zone: string;
  allocator_id: string;
}
interface EsInfo {
  info: {
    status: string;
    topology: { instances: Instance[] };
    plan_info: {
      current?: unknown;
      history: {
        healthy: boolean;
        error?: { failure_type: string; message: string; details: { step: string } };
        plan_attempt_log: { step_id: string; status: string }[];
      }[];
    };
  };
}
interface Allocator {
  allocator_id: string;
  capacity: { memory: { total: number; used: number } };
  instances: { deployment_id: string; node_memory: number }[];
}

describe('sandbox: allocator capacity', () => {
  let t: TestSandbox;
  let env: Record<string, string>;
  before(async () => {
    // Long plan steps (100 s): the real time the test takes moves no plan.
    t = await testSandbox({
      fakeClock: true,
      planDurationMs: 1_000_000,
      deployments: 0,
      systemDeployments: false,
    });
    registerSecret(t.sb.apiKey);
    env = t.env;
  });
  after(() => t.close());

  const allocators = async () => {
    const r = await t.call('GET', ALLOC);
    return (r.body as { zones: { allocators: Allocator[] }[] }).zones.flatMap((z) => z.allocators);
  };
  /**
   * Every allocator's used memory, checked against its total (API and `ece
   * allocators show`); with no update running, it is the sum of its instances.
   */
  const used = async (updating = false) => {
    const out: Record<string, number> = {};
    for (const a of await allocators()) {
      const { total, used } = a.capacity.memory;
      assert.ok(used <= total, `${a.allocator_id}: ${used} MB used of ${total}`);
      if (!updating)
        assert.equal(
          used,
          a.instances.map((i) => i.node_memory).reduce((x, y) => x + y, 0),
        );
      const shown = await run(['allocators', 'show', a.allocator_id], { env });
      const field = (name: string) =>
        Number(shown.stdout.match(new RegExp(`^${name}\\t(\\d+)$`, 'm'))?.[1]);
      assert.deepEqual(
        [shown.code, field('memory_used_mb'), field('memory_total_mb')],
        [0, used, total],
      );
      out[a.allocator_id] = used;
    }
    return out;
  };
  const es = async (id: string, query = '') =>
    (
      (await t.call('GET', `/deployments/${id}${query}`)).body as {
        resources: { elasticsearch: EsInfo[] };
      }
    ).resources.elasticsearch[0]?.info as EsInfo['info'];
  const create = async (name: string, memory = GB32, zones = 1) => {
    const r = await t.call('POST', '/deployments', { body: big(name, memory, zones) });
    // ECE accepts the plan; whether it fits shows in the plan.
    assert.equal(r.status, 201, JSON.stringify(r.body));
    return (r.body as { id: string }).id;
  };

  it('fills an allocator, then places the next deployment elsewhere, then fails the plan', async () => {
    const ids: string[] = [];
    const zones: string[] = [];
    for (let n = 0; n < 6; n++) {
      const id = await create(`big-${n}`);
      ids.push(id);
      await used();
      t.advance(2_000_000);
      const info = await es(id);
      assert.equal(info.status, 'started');
      zones.push(info.topology.instances.map((i) => `${i.zone}@${i.allocator_id}`).join());
      await used();
    }
    // Two of 32 GB fill a 64 GB allocator; the third goes to the next zone.
    assert.deepEqual(zones, [
      'ece-zone-1@192.168.44.10',
      'ece-zone-1@192.168.44.10',
      'ece-zone-2@192.168.44.11',
      'ece-zone-2@192.168.44.11',
      'ece-zone-3@192.168.44.12',
      'ece-zone-3@192.168.44.12',
    ]);
    assert.deepEqual(await used(), {
      '192.168.44.10': 65_536,
      '192.168.44.11': 65_536,
      '192.168.44.12': 65_536,
    });
    // Every allocator is full: the create is accepted and its plan fails at allocation.
    const full = await create('no-room', 1024);
    assert.deepEqual(Object.values(await used()), [65_536, 65_536, 65_536]);
    t.advance(2_000_000);
    const info = await es(full, '?show_plan_logs=true&show_plan_history=true');
    const attempt = info.plan_info.history.at(-1);
    assert.equal(info.plan_info.current, undefined);
    assert.equal(info.status, 'stopped');
    assert.deepEqual(attempt?.healthy, false);
    assert.deepEqual(attempt?.error?.details.step, 'allocate-instances');
    assert.equal(attempt?.error?.failure_type, 'InstanceAllocationFailure:InsufficientCapacity');
    assert.equal(
      attempt?.error?.message,
      'Not enough capacity to allocate [1] instance(s) of [1024MB] in different zones of [ece-region]: the most free memory on an allocator is [0MB]',
    );
    assert.deepEqual(
      attempt?.plan_attempt_log.map((s) => `${s.step_id}:${s.status}`),
      [
        'plan-validator:success',
        'validate-plan-prerequisites:success',
        'ensure-bundles:success',
        'allocate-instances:error',
        'plan-completed:error',
      ],
    );
    // A failed creation holds no memory.
    assert.deepEqual(Object.values(await used()), [65_536, 65_536, 65_536]);
    for (const id of ids) await t.call('POST', `/deployments/${id}/_shutdown`);
    t.advance(2_000_000);
    assert.deepEqual(Object.values(await used()), [0, 0, 0]);
    for (const id of ids) await t.call('DELETE', `/deployments/${id}`);
  });

  it('a plan whose zones cannot all hold an instance fails; a smaller one fits', async () => {
    // 48 GB used in zones 1 and 2: three zones of 32 GB do not fit, three of 16 GB do.
    const a = await create('wide-a', 32_768, 2);
    const b = await create('wide-b', 16_384, 2);
    t.advance(2_000_000);
    assert.deepEqual(await used(), {
      '192.168.44.10': 49_152,
      '192.168.44.11': 49_152,
      '192.168.44.12': 0,
    });
    const wide = await create('wide-c', 32_768, 3);
    t.advance(2_000_000);
    assert.equal((await es(wide)).status, 'stopped');
    const narrow = await create('wide-d', 16_384, 3);
    t.advance(2_000_000);
    assert.deepEqual(
      (await es(narrow)).topology.instances.map((i) => i.zone),
      ['ece-zone-1', 'ece-zone-2', 'ece-zone-3'],
    );
    assert.deepEqual(Object.values(await used()), [65_536, 65_536, 16_384]);
    for (const id of [a, b, wide, narrow]) await t.call('POST', `/deployments/${id}/_shutdown`);
    t.advance(2_000_000);
    for (const id of [a, b, wide, narrow]) await t.call('DELETE', `/deployments/${id}`);
  });

  it('after a vacate an instance lists the zone of the allocator it moved to', async () => {
    const id = await create('movable', 4096);
    t.advance(2_000_000);
    assert.deepEqual(
      (await es(id)).topology.instances.map((i) => `${i.zone}@${i.allocator_id}`),
      ['ece-zone-1@192.168.44.10'],
    );
    const moved = await t.call('POST', `${ALLOC}/192.168.44.10/clusters/_move`);
    assert.equal(moved.status, 202);
    t.advance(2_000_000);
    assert.deepEqual(
      (await es(id)).topology.instances.map((i) => `${i.zone}@${i.allocator_id}`),
      ['ece-zone-2@192.168.44.11'],
    );
    assert.deepEqual(await used(), {
      '192.168.44.10': 0,
      '192.168.44.11': 4096,
      '192.168.44.12': 0,
    });
    // A later update keeps the instance where it runs now; while it runs,
    // the new instance takes room beside the old one.
    const put = await t.call('PUT', `/deployments/${id}`, {
      body: { prune_orphans: false, ...big('movable', 8192) },
    });
    assert.equal(put.status, 200);
    assert.deepEqual(Object.values(await used(true)), [0, 4096 + 8192, 0]);
    t.advance(2_000_000);
    assert.deepEqual(
      (await es(id)).topology.instances.map((i) => i.zone),
      ['ece-zone-2'],
    );
    assert.deepEqual(Object.values(await used()), [0, 8192, 0]);
    await t.call('POST', `/deployments/${id}/_shutdown`);
    t.advance(2_000_000);
    await t.call('DELETE', `/deployments/${id}`);
  });

  it('a restore takes room where there is room, at once', async () => {
    const a = await create('restored', GB32);
    t.advance(2_000_000);
    await t.call('POST', `/deployments/${a}/_shutdown`);
    t.advance(2_000_000);
    // Its allocator fills up while it is shut down.
    const b = await create('filler', 65_536);
    t.advance(2_000_000);
    assert.deepEqual(Object.values(await used()), [65_536, 0, 0]);
    assert.equal((await t.call('POST', `/deployments/${a}/_restore`)).status, 200);
    assert.deepEqual(Object.values(await used()), [65_536, GB32, 0]);
    t.advance(2_000_000);
    const info = await es(a);
    assert.deepEqual(
      [info.status, info.topology.instances.map((i) => `${i.zone}@${i.allocator_id}`)],
      ['started', ['ece-zone-2@192.168.44.11']],
    );
    assert.deepEqual(Object.values(await used()), [65_536, GB32, 0]);
    for (const id of [a, b]) await t.call('POST', `/deployments/${id}/_shutdown`);
    t.advance(2_000_000);
  });
});
