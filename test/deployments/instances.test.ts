// deployments instances list|stop|start|maintenance against a scripted
// server (instances-fixtures.ts): exact requests, output and exit codes;
// unknown instances named before anything is sent; --all on the
// every-instance operations; --dry-run as curl; confirmation needed.

import { describe, it } from 'node:test';
import assert from '../helpers/assert.js';
import { run } from '../helpers/cli.js';
import { eceError, json, startServer } from '../helpers/server.js';
import { DEPLOYMENT, ES, env, ID, sent, server } from './instances-fixtures.js';

describe('deployments instances list', () => {
  it('a table of every instance; TSV in a pipe; -o wide adds version and configuration', async () => {
    const s = await server();
    try {
      const table = await run(['deployments', 'instances', 'list', ID], {
        env: { ...env(s.url), NO_COLOR: '1' },
        tty: true,
        columns: 120,
      });
      assert.equal(table.code, 0, table.stderr);
      assert.equal(
        table.stdout,
        [
          'INSTANCE               KIND           REF ID              ZONE    ALLOCATOR  SIZE  STATUS     MAINTENANCE',
          'instance-0000000000    elasticsearch  main-elasticsearch  zone-a  alloc-1    4g    running    no',
          'instance-0000000001    elasticsearch  main-elasticsearch  zone-b  alloc-2    4g    running    yes',
          'tiebreaker-0000000002  elasticsearch  main-elasticsearch  zone-a  alloc-1    512m  stopped    no',
          'instance-0000000000    kibana         main-kibana         zone-a  alloc-1    1g    unhealthy  no',
          '',
        ].join('\n'),
      );
      const tsv = await run(
        ['deployments', 'instances', 'list', ID, '--kind', 'kibana', '-o', 'wide'],
        {
          env: env(s.url),
        },
      );
      assert.deepEqual(
        [tsv.code, tsv.stdout, tsv.stderr],
        [
          0,
          'instance-0000000000\tkibana\tmain-kibana\tzone-a\talloc-1\t1g\tunhealthy\tno\t8.15.1\tdata.default\n',
          '',
        ],
      );
    } finally {
      await s.close();
    }
  });

  it('--json: the deployment cut down to its instances, as ECE sent them; --ref-id filters', async () => {
    const s = await server();
    try {
      const r = await run(
        ['deployments', 'instances', 'list', ID, '--ref-id', 'main-kibana', '--json'],
        { env: env(s.url) },
      );
      assert.equal(r.code, 0, r.stderr);
      assert.deepEqual(JSON.parse(r.stdout), {
        id: ID,
        name: 'fleet',
        resources: {
          kibana: [
            {
              ref_id: 'main-kibana',
              id: `main${'0'.repeat(28)}`,
              info: {
                topology: { instances: DEPLOYMENT.resources.kibana[0]?.info.topology.instances },
              },
            },
          ],
        },
      });
      const none = await run(['deployments', 'instances', 'list', ID, '--kind', 'apm'], {
        env: env(s.url),
      });
      assert.deepEqual(
        [none.code, none.stdout, none.stderr],
        [3, '', `error: deployment fleet (${ID}) has no apm resource\n`],
      );
      const bad = await run(['deployments', 'instances', 'list', ID, '--kind', 'kibanna'], {
        env: env(s.url),
      });
      assert.equal(bad.code, 2);
      assert.match(bad.stderr, /^error: invalid --kind "kibanna" \(valid: elasticsearch, kibana/);
    } finally {
      await s.close();
    }
  });
});

describe('deployments instances stop|start|maintenance', () => {
  it('stop sends the named instances, comma-separated; --all uses the every-instance operation', async () => {
    const s = await server();
    try {
      const one = await run(
        [
          'deployments',
          'instances',
          'stop',
          ID,
          'instance-0000000000',
          'instance-0000000001',
          '--yes',
        ],
        { env: env(s.url) },
      );
      assert.deepEqual(
        [one.code, one.stdout, one.stderr],
        [
          0,
          '',
          `Stopping instance-0000000000, instance-0000000001 of elasticsearch main-elasticsearch in deployment fleet (${ID}).\n`,
        ],
      );
      const all = await run(
        ['deployments', 'instances', 'start', ID, '--kind', 'kibana', '--all'],
        {
          env: env(s.url),
        },
      );
      assert.equal(all.code, 0, all.stderr);
      const on = await run(
        // The state word after the deployment (as every on/off verb has it)…
        ['deployments', 'instances', 'maintenance', ID, 'on', 'tiebreaker-0000000002', '--yes'],
        { env: env(s.url) },
      );
      assert.equal(on.code, 0, on.stderr);
      // …and the old order, before the deployment, still accepted.
      const off = await run(['deployments', 'instances', 'maintenance', 'off', ID, '--all'], {
        env: env(s.url),
      });
      assert.deepEqual(
        [off.code, off.stderr],
        [
          0,
          `Maintenance mode off for every instance of elasticsearch main-elasticsearch in deployment fleet (${ID}).\n`,
        ],
      );
      assert.deepEqual(sent(s.requests), [
        `POST ${ES}/instances/instance-0000000000,instance-0000000001/_stop`,
        `POST /api/v1/deployments/${ID}/kibana/main-kibana/instances/_start`,
        `POST ${ES}/instances/tiebreaker-0000000002/maintenance-mode/_start`,
        `POST ${ES}/instances/maintenance-mode/_stop`,
      ]);
    } finally {
      await s.close();
    }
  });

  it('maintenance: a bad state word is exit 2; "on" without a terminal needs --yes; "off" does not ask', async () => {
    const s = await server();
    try {
      const bad = await run(['deployments', 'instances', 'maintenance', ID, 'maybe', '--all'], {
        env: env(s.url),
      });
      assert.deepEqual(
        [bad.code, bad.stdout, bad.stderr],
        [2, '', 'error: invalid maintenance state "maybe": use on or off\n'],
      );
      const on = await run(['deployments', 'instances', 'maintenance', ID, 'on', '--all'], {
        env: env(s.url),
      });
      assert.deepEqual(
        [on.code, on.stderr],
        [2, 'error: this needs confirmation: pass --yes to run it without a terminal\n'],
      );
      assert.equal(s.requests.length, 0);
      const off = await run(['deployments', 'instances', 'maintenance', ID, 'OFF', '--all'], {
        env: env(s.url),
      });
      assert.equal(off.code, 0, off.stderr);
      assert.deepEqual(sent(s.requests), [`POST ${ES}/instances/maintenance-mode/_stop`]);
    } finally {
      await s.close();
    }
  });

  it('an unknown instance is exit 3 naming it, before anything is sent', async () => {
    const s = await server();
    try {
      const r = await run(
        ['deployments', 'instances', 'stop', ID, 'instance-0000000000', 'instance-7', '--yes'],
        { env: env(s.url) },
      );
      assert.deepEqual(
        [r.code, r.stdout, r.stderr],
        [
          3,
          '',
          `error: elasticsearch main-elasticsearch of deployment fleet (${ID}) has no instance "instance-7" (it has: instance-0000000000, instance-0000000001, tiebreaker-0000000002)\n`,
        ],
      );
      assert.deepEqual(sent(s.requests), []);
    } finally {
      await s.close();
    }
  });

  it('usage: names and --all, neither, a bad state; stop without --yes and a terminal is exit 2 before any request', async () => {
    const s = await server();
    try {
      const cases: [string[], string][] = [
        [
          ['stop', ID, 'instance-0000000000', '--all', '--yes'],
          '--all cannot be combined with instance names',
        ],
        [
          ['start', ID],
          'name the instances (see ece deployments instances list), or pass --all for every instance',
        ],
        [['maintenance', ID, 'maybe', '--all'], 'invalid maintenance state "maybe": use on or off'],
        [
          ['stop', ID, 'instance-0000000000'],
          'this needs confirmation: pass --yes to run it without a terminal',
        ],
        [
          ['maintenance', 'on', ID, '--all'],
          'this needs confirmation: pass --yes to run it without a terminal',
        ],
      ];
      for (const [args, message] of cases) {
        const r = await run(['deployments', 'instances', ...args], { env: env(s.url) });
        assert.deepEqual(
          [r.code, r.stdout, r.stderr],
          [2, '', `error: ${message}\n`],
          args.join(' '),
        );
      }
      assert.deepEqual(s.requests, []);
    } finally {
      await s.close();
    }
  });

  it('--dry-run prints the write as curl, reads only, and never asks', async () => {
    const s = await server();
    try {
      const r = await run(
        ['deployments', 'instances', 'stop', ID, 'instance-0000000001', '--dry-run'],
        { env: env(s.url) },
      );
      assert.deepEqual(
        [r.code, r.stdout, r.stderr],
        [
          0,
          `printf 'header = "Authorization: ApiKey %s"\\n' "$ECE_API_KEY" | curl -sS -g -K - -X POST ${s.url}${ES}/instances/instance-0000000001/_stop -H 'Accept: application/json' -H 'User-Agent: ${/User-Agent: ([^']+)/.exec(r.stdout)?.[1]}'\n`,
          `dry run: reading GET /api/v1/deployments/${ID}\n`,
        ],
      );
      assert.deepEqual(sent(s.requests), []);
    } finally {
      await s.close();
    }
  });

  it("ECE's errors and warnings: a 403 is exit 4 with its message; warnings go to stderr", async () => {
    const s = await server((req) =>
      req.url.includes('/_start')
        ? [
            202,
            {
              warnings: [{ code: 'deployments.something', message: 'Instance is already running' }],
            },
          ]
        : undefined,
    );
    try {
      const r = await run(['deployments', 'instances', 'start', ID, 'instance-0000000000'], {
        env: env(s.url),
      });
      assert.deepEqual(
        [r.code, r.stderr],
        [
          0,
          `warning: Instance is already running (deployments.something)\nStarting instance-0000000000 of elasticsearch main-elasticsearch in deployment fleet (${ID}).\n`,
        ],
      );
    } finally {
      await s.close();
    }
    const refused = await startServer((req, res) =>
      req.method === 'GET'
        ? json(res, 200, DEPLOYMENT)
        : eceError(
            res,
            403,
            'deployments.instance_update_prohibited_error',
            'Not allowed on this resource',
          ),
    );
    try {
      const r = await run(['deployments', 'instances', 'stop', ID, '--all', '--yes'], {
        env: env(refused.url),
      });
      assert.deepEqual(
        [r.code, r.stderr],
        [4, 'error: Not allowed on this resource (deployments.instance_update_prohibited_error)\n'],
      );
    } finally {
      await refused.close();
    }
  });
});
