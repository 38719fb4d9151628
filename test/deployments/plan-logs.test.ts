// `plan logs` against per-test servers answering with the plan fixtures and a
// real recorded body: the attempt chosen by default (running, else current,
// else the latest in the history), --attempt by number or id, exact output.

import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import assert from '../helpers/assert.js';
import { run } from '../helpers/cli.js';
import { json, startServer } from '../helpers/server.js';

const QUERY = '?show_plans=true&show_plan_logs=true&show_plan_history=true';

async function serve(file: string) {
  const body = readFileSync(file, 'utf8');
  const id = (JSON.parse(body) as { id: string }).id;
  const server = await startServer((_req, res) => json(res, 200, body), {
    expect: [{ method: 'GET', path: `/api/v1/deployments/${id}${QUERY}` }],
  });
  return { server, id, env: { ECE_HOST: server.url, ECE_API_KEY: 'logs-key-1', NO_COLOR: '1' } };
}

/** A failed creation has no current plan: the attempt shown is the latest in the history. */
const TABLE = [
  'elasticsearch main-elasticsearch, attempt 1 (es-create-0001): failed at wait-until-running',
  '',
  'STEP                         STATUS   DURATION  TIME      MESSAGE',
  'plan-validator               success  1s        09:00:00  Starting step: [plan-validator]',
  '                                                09:00:01  Finished step: [plan-validator]',
  'validate-plan-prerequisites  success  1s        09:00:02  Starting step: [validate-plan-prerequisites]',
  '                                                09:00:03  Finished step: [validate-plan-prerequisites]',
  'ensure-bundles               success  1s        09:00:04  Starting step: [ensure-bundles]',
  '                                                09:00:05  Finished step: [ensure-bundles]',
  'allocate-instances           success  1s        09:00:06  Starting step: [allocate-instances]',
  '                                                09:00:07  Finished step: [allocate-instances]',
  'start-instances              success  1s        09:00:08  Starting step: [start-instances]',
  '                                                09:00:09  Finished step: [start-instances]',
  'wait-until-running           error    1s        09:00:10  Starting step: [wait-until-running]',
  '                                                09:00:11  Instances did not become healthy in time: [instance-0000000001] failed health checks',
  'plan-completed               error    1s        09:00:11  Starting step: [plan-completed]',
  '                                                09:00:11  Plan failed: Instances did not become healthy in time: [instance-0000000001] failed health checks',
  '',
].join('\n');

const TSV = [
  [
    'plan-validator',
    'success',
    '2024-05-14T09:00:20.000Z',
    '1000',
    '2024-05-14T09:00:20.000Z',
    'Starting step: [plan-validator]',
  ],
  [
    'plan-validator',
    'success',
    '2024-05-14T09:00:20.000Z',
    '1000',
    '2024-05-14T09:00:21.000Z',
    'Finished step: [plan-validator]',
  ],
  [
    'validate-plan-prerequisites',
    'success',
    '2024-05-14T09:00:22.000Z',
    '1000',
    '2024-05-14T09:00:22.000Z',
    'Starting step: [validate-plan-prerequisites]',
  ],
  [
    'validate-plan-prerequisites',
    'success',
    '2024-05-14T09:00:22.000Z',
    '1000',
    '2024-05-14T09:00:23.000Z',
    'Finished step: [validate-plan-prerequisites]',
  ],
  [
    'suspend-snapshotting',
    'success',
    '2024-05-14T09:00:24.000Z',
    '1000',
    '2024-05-14T09:00:24.000Z',
    'Starting step: [suspend-snapshotting]',
  ],
  [
    'suspend-snapshotting',
    'success',
    '2024-05-14T09:00:24.000Z',
    '1000',
    '2024-05-14T09:00:25.000Z',
    'Finished step: [suspend-snapshotting]',
  ],
  [
    'allocate-instances',
    'success',
    '2024-05-14T09:00:26.000Z',
    '1000',
    '2024-05-14T09:00:26.000Z',
    'Starting step: [allocate-instances]',
  ],
  [
    'allocate-instances',
    'success',
    '2024-05-14T09:00:26.000Z',
    '1000',
    '2024-05-14T09:00:27.000Z',
    'Finished step: [allocate-instances]',
  ],
  [
    'migrate-data',
    'success',
    '2024-05-14T09:00:28.000Z',
    '1000',
    '2024-05-14T09:00:28.000Z',
    'Starting step: [migrate-data]',
  ],
  [
    'migrate-data',
    'success',
    '2024-05-14T09:00:28.000Z',
    '1000',
    '2024-05-14T09:00:29.000Z',
    'Finished step: [migrate-data]',
  ],
  [
    'wait-until-running',
    'pending',
    '2024-05-14T09:00:30.000Z',
    '-',
    '2024-05-14T09:00:30.000Z',
    'Starting step: [wait-until-running]',
  ],
];

describe('deployments plan logs', () => {
  it('a failed creation: the table names the attempt and its failed step, one row per message', async () => {
    const { server, id, env } = await serve('test/fixtures/plans/plan-failed-creation.json');
    try {
      const r = await run(['deployments', 'plan', 'logs', id], { env, tty: true, columns: 160 });
      assert.deepEqual([r.code, r.stderr], [0, '']);
      assert.equal(r.stdout, TABLE);
    } finally {
      await server.close();
    }
  });

  it('a running plan: its steps so far, piped, the pending one without a duration', async () => {
    const { server, id, env } = await serve('test/fixtures/plans/plan-running.json');
    try {
      const r = await run(['deployments', 'plan', 'logs', id], { env });
      assert.deepEqual([r.code, r.stderr], [0, '']);
      assert.equal(r.stdout, `${TSV.map((row) => row.join('\t')).join('\n')}\n`);
    } finally {
      await server.close();
    }
  });

  it('--attempt takes the number of `plan history` or the attempt id', async () => {
    const { server, id, env } = await serve('test/fixtures/plans/plan-failed-update.json');
    try {
      const heading = async (attempt: string) => {
        const r = await run(['deployments', 'plan', 'logs', id, '--attempt', attempt], {
          env,
          tty: true,
          columns: 160,
        });
        assert.equal(r.code, 0, r.stderr);
        return r.stdout.split('\n')[0];
      };
      assert.equal(
        await heading('1'),
        'elasticsearch main-elasticsearch, attempt 1 (es-create-0001): success',
      );
      assert.equal(
        await heading('es-update-0002'),
        'elasticsearch main-elasticsearch, attempt 2 (es-update-0002): failed at wait-until-running',
      );
      const missing = await run(['deployments', 'plan', 'logs', id, '--attempt', '3'], { env });
      assert.deepEqual(
        [missing.code, missing.stdout, missing.stderr],
        [
          3,
          '',
          'error: elasticsearch main-elasticsearch has no attempt 3 (attempts 1 to 2; see `ece deployments plan history`)\n',
        ],
      );
      const kibana = await run(['deployments', 'plan', 'logs', id, '--kind', 'kibana'], { env });
      assert.equal(kibana.code, 0, kibana.stderr);
      assert.equal(kibana.stdout.split('\n')[0]?.split('\t')[0], 'plan-validator');
      assert.equal(kibana.stdout.split('\n').length, 11);
    } finally {
      await server.close();
    }
  });

  it('a real recorded body without logs: the attempt is named and the missing steps said', async () => {
    const { server, id, env } = await serve('../shared/ece-real/deployment-apm.json');
    try {
      const r = await run(['deployments', 'plan', 'logs', id, '--kind', 'apm'], {
        env,
        tty: true,
        columns: 160,
      });
      assert.deepEqual(
        [r.code, r.stdout, r.stderr],
        [
          0,
          'apm main-apm, attempt 1 (4720aedc-7329-4e2f-890b-831431a0b61c): success\n',
          'ECE sent no steps for this attempt.\n',
        ],
      );
      const piped = await run(['deployments', 'plan', 'logs', id, '--kind', 'apm'], { env });
      assert.deepEqual([piped.code, piped.stdout, piped.stderr], [0, '', '']);
    } finally {
      await server.close();
    }
  });

  it('an empty --attempt is exit 2 before any request', async () => {
    const r = await run(
      ['deployments', 'plan', 'logs', 'abcdefabcdefabcdefabcdefabcdef12', '--attempt', ' '],
      { env: { ECE_HOST: 'http://127.0.0.1:9', ECE_API_KEY: 'logs-key-1' } },
    );
    assert.deepEqual(
      [r.code, r.stderr],
      [2, 'error: --attempt is empty: give a number or an attempt id\n'],
    );
  });

  it('text from ECE never drives the terminal: escapes in ids and messages are shown, not run', async () => {
    const d = JSON.parse(readFileSync('test/fixtures/plans/plan-failed-update.json', 'utf8'));
    const current = d.resources.elasticsearch[0].info.plan_info;
    current.pending = {
      ...current.current,
      plan_attempt_id: 'evil\u001b[31m\u202e',
      plan_attempt_log: [
        {
          ...current.current.plan_attempt_log[0],
          info_log: [
            {
              timestamp: '2024-05-14T09:00:20.000Z',
              stage: 'starting',
              message: 'bad \u001b]0;title\u0007 msg',
              details: {},
            },
          ],
        },
      ],
    };
    const server = await startServer((_req, res) => json(res, 200, d));
    try {
      const r = await run(['deployments', 'plan', 'logs', d.id], {
        env: { ECE_HOST: server.url, ECE_API_KEY: 'logs-key-1', NO_COLOR: '1' },
        tty: true,
        columns: 160,
      });
      assert.equal(r.code, 0, r.stderr);
      assert.equal(
        r.stdout,
        [
          'elasticsearch main-elasticsearch, attempt 3 (evil\\e[31m\\u202e): running',
          '',
          'STEP            STATUS   DURATION  TIME      MESSAGE',
          'plan-validator  success  1s        09:00:20  bad \\e]0;title\\a msg',
          '',
        ].join('\n'),
      );
    } finally {
      await server.close();
    }
  });
});
