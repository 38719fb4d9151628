// restart against a scripted server: ECE's 422 during a pending plan is exit
// 5 with a hint naming --cancel-pending, which sends cancel_pending=true;
// _main is accepted as a ref_id, and --wait follows the real resource.

import { describe, it } from 'node:test';
import assert from '../helpers/assert.js';
import { run } from '../helpers/cli.js';
import { eceError, json, startServer } from '../helpers/server.js';
import { virtualClock } from '../helpers/time.js';

const ID = 'abcdefabcdefabcdefabcdefabcdef56';
const env = (url: string) => ({ ECE_HOST: url, ECE_API_KEY: 'restart-key-1' });
const CODE = 'deployments.deployment_resource_plan_change_error';
const MESSAGE = 'There is a plan still pending for this resource: cancel it first';

const step = (id: string) => ({
  step_id: id,
  started: '2026-11-29T00:00:00Z',
  status: 'success',
  stage: 'completed',
  info_log: [],
});
const attempt = (id: string) => ({
  plan_attempt_id: id,
  healthy: true,
  plan_attempt_log: [step('plan-validator'), step('plan-completed')],
});
const deployment = (current: unknown) => ({
  id: ID,
  name: 'restartable',
  healthy: true,
  resources: {
    elasticsearch: [
      {
        ref_id: 'main-elasticsearch',
        id: 'e'.repeat(32),
        region: 'ece-region',
        info: {
          healthy: true,
          status: 'started',
          plan_info: { healthy: true, current, history: [] },
        },
      },
    ],
  },
});

describe('deployments restart', () => {
  it('during a pending plan: ECE 422 → exit 5 with a hint naming --cancel-pending; --cancel-pending sends cancel_pending=true', async () => {
    const server = await startServer((req, res) => {
      if (req.url.includes('cancel_pending=true')) return json(res, 202, {});
      return eceError(res, 422, CODE, MESSAGE);
    });
    try {
      const refused = await run(['deployments', 'restart', ID, '--ref-id', 'main-elasticsearch'], {
        env: env(server.url),
      });
      assert.deepEqual(
        [refused.code, refused.stdout, refused.stderr],
        [
          5,
          '',
          `error: ${MESSAGE} (${CODE})\nhint: a plan is pending on elasticsearch main-elasticsearch: wait for it (ece deployments plan watch ${ID}), or cancel it and restart with --cancel-pending\n`,
        ],
      );
      const forced = await run(
        ['deployments', 'restart', ID, '--ref-id', 'main-elasticsearch', '--cancel-pending'],
        { env: env(server.url) },
      );
      assert.deepEqual(
        [forced.code, forced.stderr],
        [0, `Restarting elasticsearch main-elasticsearch of deployment ${ID}.\n`],
      );
      assert.deepEqual(
        server.requests.map((r) => `${r.method} ${r.url}`),
        [
          `POST /api/v1/deployments/${ID}/elasticsearch/main-elasticsearch/_restart`,
          `POST /api/v1/deployments/${ID}/elasticsearch/main-elasticsearch/_restart?cancel_pending=true`,
        ],
      );
    } finally {
      await server.close();
    }
  });

  it('--ref-id _main is sent as is, and --wait follows the main resource', async (ctx) => {
    const clock = virtualClock(ctx);
    let polls = 0;
    const server = await startServer((req, res) => {
      if (req.method === 'POST') return json(res, 202, {});
      if (!req.url.includes('show_plan_logs=true') || polls++ === 0)
        return json(res, 200, deployment(attempt('es-1')));
      return json(res, 200, deployment(attempt('es-2')));
    });
    try {
      const r = await run(['deployments', 'restart', ID, '--ref-id', '_main', '--wait'], {
        env: env(server.url),
        clock,
      });
      assert.equal(r.code, 0, r.stderr);
      assert.ok(
        server.requests.some(
          (q) => q.url === `/api/v1/deployments/${ID}/elasticsearch/_main/_restart`,
        ),
        'the restart names _main',
      );
      assert.match(r.stderr, /^elasticsearch main-elasticsearch: finished in /m);
    } finally {
      await server.close();
    }
  });

  it("Elasticsearch's restart options from Elastic's docs: --snapshot, --group-attribute, --shard-init-wait-time, --no-restore-snapshot", async () => {
    const server = await startServer((_req, res) => json(res, 202, {}));
    try {
      const r = await run(
        [
          'deployments',
          'restart',
          ID,
          '--ref-id',
          'main-elasticsearch',
          '--snapshot',
          '--group-attribute',
          '__name__',
          '--shard-init-wait-time',
          '15m',
          '--no-restore-snapshot',
        ],
        { env: env(server.url) },
      );
      assert.equal(r.code, 0, r.stderr);
      assert.deepEqual(
        server.requests.map((q) => `${q.method} ${q.url}`),
        [
          `POST /api/v1/deployments/${ID}/elasticsearch/main-elasticsearch/_restart?skip_snapshot=false&restore_snapshot=false&group_attribute=__name__&shard_init_wait_time=900`,
        ],
      );
      const cases: [string[], string][] = [
        [
          ['--kind', 'kibana', '--ref-id', 'main-kibana', '--snapshot'],
          '--snapshot is for --kind elasticsearch; the kibana restart takes no such option',
        ],
        [
          ['--shard-init-wait-time', '1500ms'],
          'invalid --shard-init-wait-time "1500ms": use whole seconds, e.g. 600s or 15m',
        ],
      ];
      for (const [flags, message] of cases) {
        const bad = await run(['deployments', 'restart', ID, ...flags], { env: env(server.url) });
        assert.deepEqual([bad.code, bad.stdout, bad.stderr], [2, '', `error: ${message}\n`]);
      }
      assert.equal(server.requests.length, 1);
    } finally {
      await server.close();
    }
  });
});
