// `plan history` against per-test servers that answer with the hand-written
// plan fixtures and the bodies recorded from real ECE: exact TSV (one row per
// attempt, ISO-8601 UTC), an exact table, --json byte for byte, the filter.

import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import assert from '../helpers/assert.js';
import { run } from '../helpers/cli.js';
import { json, startServer } from '../helpers/server.js';

const FILES: Record<string, string> = {
  'plan-failed-creation.json': 'test/fixtures/plans/plan-failed-creation.json',
  'plan-failed-update.json': 'test/fixtures/plans/plan-failed-update.json',
  'plan-running.json': 'test/fixtures/plans/plan-running.json',
  'deployment-apm.json': '../shared/ece-real/deployment-apm.json',
  'deployment-appsearch.json': '../shared/ece-real/deployment-appsearch.json',
  'deployment-enterprise-search.json': '../shared/ece-real/deployment-enterprise-search.json',
};

/** Every field of every row, as a pipe gets it. */
const TSV: Record<string, string[][]> = {
  'deployment-apm.json': [
    [
      'elasticsearch',
      'main-elasticsearch',
      '1',
      '85d30629-f27d-42d6-a892-11bd2a1cb824',
      '2020-07-23T04:07:32.844Z',
      '2020-07-23T04:07:50.481Z',
      '17637',
      'success',
      '-',
      'deployments.update-deployment',
      'xxxyzz',
    ],
    [
      'kibana',
      'main-kibana',
      '1',
      '3c106ce2-08f4-43c1-8d22-035f86054825',
      '2020-07-23T04:07:33.566Z',
      '2020-07-23T04:07:34.425Z',
      '859',
      'success',
      '-',
      'deployments.update-deployment',
      'xxxyzz',
    ],
    [
      'apm',
      'main-apm',
      '1',
      '4720aedc-7329-4e2f-890b-831431a0b61c',
      '2020-07-23T08:58:01.476Z',
      '2020-07-23T08:59:18.682Z',
      '77206',
      'success',
      '-',
      'deployments.update-deployment',
      '1059003638',
    ],
  ],
  'deployment-appsearch.json': [
    [
      'elasticsearch',
      'main-elasticsearch',
      '1',
      '34ea45cd-0f55-42c9-8784-87021669269b',
      '2020-07-23T08:59:37.783Z',
      '2020-07-23T09:00:27.431Z',
      '49648',
      'success',
      '-',
      'deployments.create-deployment',
      '1059003638',
    ],
    [
      'kibana',
      'main-kibana',
      '1',
      '836ae91a-b1bd-4784-89ac-4911732b8116',
      '2020-07-23T08:59:39.625Z',
      '2020-07-23T09:01:14.782Z',
      '95157',
      'success',
      '-',
      'deployments.create-deployment',
      '1059003638',
    ],
    [
      'appsearch',
      'main-appsearch',
      '1',
      'd2727d24-e0e5-4926-891c-2659e276f945',
      '2020-07-23T08:59:40.605Z',
      '2020-07-23T09:02:01.896Z',
      '141291',
      'success',
      '-',
      'deployments.create-deployment',
      '1059003638',
    ],
  ],
  'deployment-enterprise-search.json': [
    [
      'elasticsearch',
      'main-elasticsearch',
      '1',
      '1f9424b9-7430-4b2f-938a-7790cd4f911e',
      '2020-07-23T08:57:27.479Z',
      '2020-07-23T08:58:29.137Z',
      '61658',
      'success',
      '-',
      'deployments.create-deployment',
      '1059003638',
    ],
    [
      'kibana',
      'main-kibana',
      '1',
      '6edf85b3-9c7a-46c7-8f43-564000224750',
      '2020-07-23T09:00:20.618Z',
      '2020-07-23T09:01:45.233Z',
      '84615',
      'success',
      '-',
      'enterprise_search.force-kibana-plan',
      '-',
    ],
    [
      'enterprise_search',
      'main-enterprise_search',
      '1',
      'dc905b76-0cfe-4f44-b2d4-12894c99b4e5',
      '2020-07-23T08:57:30.119Z',
      '2020-07-23T09:00:20.962Z',
      '170843',
      'success',
      '-',
      'deployments.create-deployment',
      '1059003638',
    ],
  ],
  'plan-failed-creation.json': [
    [
      'elasticsearch',
      'main-elasticsearch',
      '1',
      'es-create-0001',
      '2024-05-14T09:00:00.000Z',
      '2024-05-14T09:00:11.000Z',
      '11000',
      'failed',
      'wait-until-running',
      'deployments.create-deployment',
      'ops-admin',
    ],
    [
      'kibana',
      'main-kibana',
      '1',
      'kb-create-0001',
      '2024-05-14T09:00:00.000Z',
      '2024-05-14T09:00:09.000Z',
      '9000',
      'success',
      '-',
      'deployments.create-deployment',
      'ops-admin',
    ],
  ],
  'plan-failed-update.json': [
    [
      'elasticsearch',
      'main-elasticsearch',
      '1',
      'es-create-0001',
      '2024-05-14T09:00:00.000Z',
      '2024-05-14T09:00:09.000Z',
      '9000',
      'success',
      '-',
      'deployments.create-deployment',
      'ops-admin',
    ],
    [
      'elasticsearch',
      'main-elasticsearch',
      '2',
      'es-update-0002',
      '2024-05-14T09:00:20.000Z',
      '2024-05-14T09:00:31.000Z',
      '11000',
      'failed',
      'wait-until-running',
      'deployments.update-deployment',
      'ops-admin',
    ],
    [
      'kibana',
      'main-kibana',
      '1',
      'kb-create-0001',
      '2024-05-14T09:00:00.000Z',
      '2024-05-14T09:00:09.000Z',
      '9000',
      'success',
      '-',
      'deployments.create-deployment',
      'ops-admin',
    ],
  ],
  'plan-running.json': [
    [
      'elasticsearch',
      'main-elasticsearch',
      '1',
      'es-create-0001',
      '2024-05-14T09:00:00.000Z',
      '2024-05-14T09:00:09.000Z',
      '9000',
      'success',
      '-',
      'deployments.create-deployment',
      'ops-admin',
    ],
    [
      'elasticsearch',
      'main-elasticsearch',
      '2',
      'es-update-0002',
      '2024-05-14T09:00:20.000Z',
      '-',
      '-',
      'running',
      '-',
      'deployments.update-deployment',
      'ops-admin',
    ],
    [
      'kibana',
      'main-kibana',
      '1',
      'kb-create-0001',
      '2024-05-14T09:00:00.000Z',
      '2024-05-14T09:00:09.000Z',
      '9000',
      'success',
      '-',
      'deployments.create-deployment',
      'ops-admin',
    ],
  ],
};

const QUERY = '?show_plans=true&show_plan_logs=true&show_plan_history=true';

/** A server that answers the deployment's GET with the file as it is. */
async function serve(name: string) {
  const body = readFileSync(FILES[name] ?? '', 'utf8');
  const id = (JSON.parse(body) as { id: string }).id;
  const server = await startServer((_req, res) => json(res, 200, body), {
    expect: [{ method: 'GET', path: `/api/v1/deployments/${id}${QUERY}` }],
  });
  return {
    server,
    id,
    body,
    env: { ECE_HOST: server.url, ECE_API_KEY: 'history-key-1', NO_COLOR: '1' },
  };
}

describe('deployments plan history', () => {
  for (const name of Object.keys(FILES)) {
    it(`TSV for ${name}: one row per attempt, oldest first per resource`, async () => {
      const { server, id, env } = await serve(name);
      try {
        const r = await run(['deployments', 'plan', 'history', id], { env });
        assert.deepEqual([r.code, r.stderr], [0, '']);
        const expected = (TSV[name] ?? []).map((row) => row.join('\t')).join('\n');
        assert.equal(r.stdout, `${expected}\n`);
      } finally {
        await server.close();
      }
    });
  }

  it('a table on a terminal: the failed step and who started each attempt', async () => {
    const { server, id, env } = await serve('plan-failed-update.json');
    try {
      const r = await run(['deployments', 'plan', 'history', id], { env, tty: true, columns: 160 });
      assert.equal(r.code, 0, r.stderr);
      assert.equal(
        r.stdout,
        [
          'KIND           REF_ID              ATTEMPT  STARTED              DURATION  RESULT   FAILED STEP         SOURCE',
          'elasticsearch  main-elasticsearch  1        2024-05-14 09:00:00  9s        success  -                   create-deployment by ops-admin',
          'elasticsearch  main-elasticsearch  2        2024-05-14 09:00:20  11s       failed   wait-until-running  update-deployment by ops-admin',
          'kibana         main-kibana         1        2024-05-14 09:00:00  9s        success  -                   create-deployment by ops-admin',
          '',
        ].join('\n'),
      );
    } finally {
      await server.close();
    }
  });

  it('a table for a real recorded body: a change ECE made itself names its facilitator', async () => {
    const { server, id, env } = await serve('deployment-enterprise-search.json');
    try {
      const r = await run(['deployments', 'plan', 'history', id, '--kind', 'kibana'], {
        env,
        tty: true,
        columns: 160,
      });
      assert.equal(r.code, 0, r.stderr);
      assert.equal(
        r.stdout,
        [
          'KIND    REF_ID       ATTEMPT  STARTED              DURATION  RESULT   FAILED STEP  SOURCE',
          'kibana  main-kibana  1        2020-07-23 09:00:20  1m25s     success  -            enterprise_search.force-kibana-plan via constructor',
          '',
        ].join('\n'),
      );
    } finally {
      await server.close();
    }
  });

  it('a running attempt has no duration and no end', async () => {
    const { server, id, env } = await serve('plan-running.json');
    try {
      const r = await run(
        [
          'deployments',
          'plan',
          'history',
          id,
          '--kind',
          'elasticsearch',
          '--ref-id',
          'main-elasticsearch',
        ],
        { env },
      );
      assert.equal(r.code, 0, r.stderr);
      assert.equal(r.stdout.split('\n').length, 3);
      assert.match(
        r.stdout,
        /\n.*\t2\tes-update-0002\t2024-05-14T09:00:20.000Z\t-\t-\trunning\t-\t/,
      );
    } finally {
      await server.close();
    }
  });

  it('--json prints the body of the GET it sent, byte for byte', async () => {
    const { server, id, env, body } = await serve('deployment-apm.json');
    try {
      const r = await run(['deployments', 'plan', 'history', id, '--json'], { env });
      assert.equal(r.code, 0, r.stderr);
      assert.equal(r.stdout, body.endsWith('\n') ? body : `${body}\n`);
    } finally {
      await server.close();
    }
  });

  it('a kind the deployment lacks is exit 3; an unknown kind is exit 2 before any request', async () => {
    const { server, id, env } = await serve('deployment-apm.json');
    try {
      const none = await run(['deployments', 'plan', 'history', id, '--kind', 'appsearch'], {
        env,
      });
      assert.deepEqual(
        [none.code, none.stdout, none.stderr],
        [3, '', `error: deployment marc-testing (${id}) has no appsearch resource\n`],
      );
      const before = server.requests.length;
      const bad = await run(['deployments', 'plan', 'history', id, '--kind', 'elastic'], { env });
      assert.deepEqual(
        [bad.code, bad.stderr],
        [
          2,
          'error: invalid --kind "elastic" (valid: elasticsearch, kibana, apm, integrations_server, enterprise_search, appsearch)\n',
        ],
      );
      assert.equal(server.requests.length, before);
    } finally {
      await server.close();
    }
  });
});
