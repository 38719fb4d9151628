// `ece sandbox --ece-version 4.0`: where it answers as ECE 4.0 rather than
// 3.8 (Elastic's ECE 4.0 breaking changes): GET /platform's version, no
// stateless `_upgrade` route, no 7.x stack listed, read or planned.

import { describe, it } from 'node:test';
import assert from '../helpers/assert.js';
import { useSandbox } from '../helpers/sandbox.js';

const UPGRADE = '/deployments/0123456789abcdef0123456789abcdef/kibana/main-kibana/_upgrade';
const SEVEN = {
  resources: {
    elasticsearch: [
      {
        ref_id: 'main-elasticsearch',
        region: 'ece-region',
        plan: { cluster_topology: [], elasticsearch: { version: '7.17.24' } },
      },
    ],
  },
};
const stacks = (body: unknown) =>
  ((body as { stacks: { version: string }[] }).stacks ?? []).map((s) => s.version);

describe('sandbox as ECE 3.8 (the default)', () => {
  const t = useSandbox({ deployments: 0 });
  it('reports 3.8.0, lists 7.x stacks, and the stateless _upgrade is in its spec (not simulated)', async () => {
    assert.equal(((await t.call('GET', '/platform')).body as { version: string }).version, '3.8.0');
    assert.deepEqual(stacks((await t.call('GET', '/stack/versions')).body), [
      '8.15.1',
      '8.14.3',
      '7.17.24',
    ]);
    const up = await t.call('POST', UPGRADE);
    assert.deepEqual(
      [up.status, (up.body as { errors: { code: string }[] }).errors[0]?.code],
      [501, 'sandbox.not_simulated'],
    );
  });
});

describe('sandbox as ECE 4.0', () => {
  const t = useSandbox({ deployments: 0, eceVersion: '4.0' });
  it('reports 4.0.0 and has no stateless _upgrade route (404, as for any path ECE has not)', async () => {
    const platform = (await t.call('GET', '/platform')).body as { version: string };
    assert.equal(platform.version, '4.0.0');
    const up = await t.call('POST', UPGRADE);
    assert.deepEqual(
      [up.status, up.body],
      [
        404,
        {
          errors: [
            {
              code: 'root.resource_not_found',
              message: `The requested resource [/api/v1${UPGRADE}] could not be found`,
            },
          ],
        },
      ],
    );
    // Credentials are still checked first.
    assert.equal((await t.call('POST', UPGRADE, { auth: null })).status, 401);
  });

  it('runs no 7.x stack: not listed, not found, refused in a plan', async () => {
    assert.deepEqual(stacks((await t.call('GET', '/stack/versions')).body), ['8.15.1', '8.14.3']);
    const one = await t.call('GET', '/stack/versions/7.17.24');
    assert.equal(one.status, 404);
    const create = await t.call('POST', '/deployments', { body: { name: 'old', ...SEVEN } });
    assert.deepEqual(
      [create.status, create.body],
      [
        400,
        {
          errors: [
            {
              code: 'deployments.stack_version_not_found',
              message: 'Stack version [7.17.24] is not available: ECE 4.0 runs no 7.x stack',
            },
          ],
        },
      ],
    );
  });
});
