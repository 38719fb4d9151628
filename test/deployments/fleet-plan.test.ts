// The rollout plan (fleet.ts's planRollout), without a server: what is
// skipped and why, the order (by name, canaries first), and versions compared
// as versions.

import { describe, it } from 'node:test';
import { type Member, memberOf, planRollout } from '../../src/commands/deployments/fleet.js';
import { compareVersions } from '../../src/commands/deployments/upgrade-rules.js';
import assert from '../helpers/assert.js';

const stacks = [
  { version: '8.19.0', min_upgradable_from: '8.9.0' },
  { version: '8.9.0' },
  { version: '7.17.24' },
];

function member(
  name: string,
  version: string,
  o: Partial<Member['resources'][number]> = {},
): Member {
  return {
    id: name.padEnd(32, '0'),
    name,
    system: false,
    lowest: version,
    resources: [
      {
        kind: 'elasticsearch',
        refId: 'main-elasticsearch',
        version,
        healthy: true,
        pending: false,
        status: 'started',
        ...o,
      },
      {
        kind: 'kibana',
        refId: 'main-kibana',
        version,
        healthy: true,
        pending: false,
        status: 'started',
        ...o,
      },
    ],
  };
}

describe('the rollout plan', () => {
  it('skips with a reason each: at the target, newer, no path, shut down, a pending plan, unhealthy', () => {
    const plan = planRollout(
      [
        member('zeta', '8.9.0'),
        member('at-target', '8.19.0'),
        member('newer', '8.20.0'),
        member('too-old', '7.17.24'),
        member('stopped', '8.9.0', { status: 'stopped' }),
        member('busy', '8.9.0', { pending: true }),
        member('sick', '8.9.0', { healthy: false }),
        member('alpha', '8.9.0'),
      ],
      '8.19.0',
      stacks,
      { canaries: [], byName: true },
    );
    assert.deepEqual(
      plan.order.map((m) => m.name),
      ['alpha', 'zeta'],
    );
    assert.deepEqual(
      plan.skipped.map((s) => `${s.member.name}: ${s.reason}`),
      [
        'at-target: already at 8.19.0',
        'newer: no upgrade path: elasticsearch main-elasticsearch runs 8.20.0, newer than 8.19.0',
        'too-old: no upgrade path: 8.19.0 can be reached only from 8.9.0 or later; upgrade 7.17.24 to an intermediate version first',
        'stopped: shut down',
        'busy: a plan is pending (elasticsearch main-elasticsearch, kibana main-kibana)',
        'sick: unhealthy (elasticsearch main-elasticsearch, kibana main-kibana)',
      ],
    );
  });

  it('canaries first, in the order given; names keep theirs', () => {
    const plan = planRollout(
      [member('c', '8.9.0'), member('a', '8.9.0'), member('b', '8.9.0')],
      '8.19.0',
      stacks,
      { canaries: ['b', 'a'], byName: false },
    );
    assert.deepEqual(
      plan.order.map((m) => m.name),
      ['b', 'a', 'c'],
    );
  });

  it('a deployment is as old as its oldest instance: a failed upgrade (its plan names the target) counts as below', () => {
    const m = memberOf({
      id: 'x'.repeat(32),
      name: 'half',
      resources: {
        elasticsearch: [
          {
            ref_id: 'main-elasticsearch',
            info: {
              plan_info: { current: { plan: { elasticsearch: { version: '8.19.0' } } } },
              topology: {
                instances: [{ service_version: '8.19.0' }, { service_version: '8.9.0' }],
              },
            },
          },
        ],
        integrations_server: [
          {
            ref_id: 'main-integrations_server',
            info: {
              plan_info: { current: { plan: { integrations_server: { version: '8.9.0' } } } },
            },
          },
        ],
      },
    });
    assert.equal(m.lowest, '8.9.0');
    assert.deepEqual(
      m.resources.map((r) => `${r.kind} ${r.version}`),
      ['elasticsearch 8.9.0', 'integrations_server 8.9.0'],
    );
    assert.deepEqual(['8.19.0', '8.9.0', '8.10.0-rc1', '8.10.0'].sort(compareVersions), [
      '8.9.0',
      '8.10.0-rc1',
      '8.10.0',
      '8.19.0',
    ]);
  });
});
