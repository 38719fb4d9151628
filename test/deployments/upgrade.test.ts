// upgrade: one update with every resource at the new version, Elasticsearch
// first; no plan strategy (ECE's default), a major upgrade included; a downgrade,
// a version the installation lacks and one it cannot reach are exit 2 before
// anything is sent; against the sandbox --wait upgrades every resource.

import { after, before, describe, it } from 'node:test';
import assert from '../helpers/assert.js';
import { run } from '../helpers/cli.js';
import { type TestSandbox, testSandbox } from '../helpers/sandbox.js';
import { json, type Recorded, startServer } from '../helpers/server.js';
import { useVirtualClock } from '../helpers/time.js';

const ID = 'abcdefabcdefabcdefabcdefabcdef17';
const env = (url: string) => ({ ECE_HOST: url, ECE_API_KEY: 'upgrade-key-1' });

const plan = (kind: string, version: string) => ({
  cluster_topology: [{ zone_count: 1, size: { resource: 'memory', value: 1024 } }],
  [kind]: { version },
});
const resource = (kind: string, version: string) => ({
  ref_id: `main-${kind}`,
  id: 'e'.repeat(32),
  region: 'ece-region',
  ...(kind === 'elasticsearch' ? {} : { elasticsearch_cluster_ref_id: 'main-elasticsearch' }),
  info: {
    healthy: true,
    status: 'started',
    plan_info: {
      healthy: true,
      current: { healthy: true, plan_attempt_log: [], plan: plan(kind, version) },
      history: [],
    },
  },
});
// Kibana listed before Elasticsearch on purpose: the request must put Elasticsearch first.
const deployment = (version: string) => ({
  id: ID,
  name: 'upgradable',
  healthy: true,
  resources: {
    kibana: [resource('kibana', version)],
    apm: [resource('apm', version)],
    elasticsearch: [resource('elasticsearch', version)],
  },
});
const stacks = {
  stacks: [
    { version: '8.15.3', upgradable_to: [], min_upgradable_from: '7.17.0' },
    { version: '8.14.3', upgradable_to: ['8.15.3'] },
    { version: '7.17.24', upgradable_to: ['8.14.3', '8.15.3'] },
    { version: '7.10.2', upgradable_to: ['7.17.24'] },
  ],
};

async function ece(version: string) {
  return startServer((req: Recorded, res) => {
    if (req.url === '/api/v1/stack/versions') return json(res, 200, stacks);
    if (req.method === 'GET') {
      res.setHeader('x-cloud-resource-version', '3');
      return json(res, 200, deployment(version));
    }
    return json(res, 200, { id: ID, name: 'upgradable', resources: [] });
  });
}

describe('deployments upgrade (per-test server)', () => {
  it('a major upgrade: one PUT, Elasticsearch first, then the others; no strategy (ECE forbids only rolling by zone)', async () => {
    const server = await ece('7.17.24');
    try {
      const r = await run(['deployments', 'upgrade', ID, '--version', '8.15.3', '--yes'], {
        env: env(server.url),
      });
      assert.deepEqual(
        [r.code, r.stdout, r.stderr],
        [0, '', 'Upgrading upgradable from 7.17.24 to 8.15.3 (elasticsearch, kibana, apm).\n'],
      );
      const put = server.requests.filter((q) => q.method === 'PUT');
      assert.deepEqual(
        put.map((q) => q.url),
        [`/api/v1/deployments/${ID}?version=3`],
      );
      const body = JSON.parse(put[0]?.body ?? '{}');
      assert.deepEqual(Object.keys(body.resources), ['elasticsearch', 'kibana', 'apm']);
      assert.deepEqual(body.resources.elasticsearch[0].plan, plan('elasticsearch', '8.15.3'));
      assert.deepEqual(body.resources.kibana[0].plan, plan('kibana', '8.15.3'));
      assert.deepEqual(body.resources.apm[0].plan, plan('apm', '8.15.3'));
      assert.equal(body.prune_orphans, false);
    } finally {
      await server.close();
    }
  });

  it('a minor upgrade keeps ECE’s default strategy', async () => {
    const server = await ece('8.14.3');
    try {
      const r = await run(['deployments', 'upgrade', ID, '--version', '8.15.3', '--yes'], {
        env: env(server.url),
      });
      assert.equal(r.code, 0, r.stderr);
      const body = JSON.parse(server.requests.find((q) => q.method === 'PUT')?.body ?? '{}');
      assert.deepEqual(body.resources.elasticsearch[0].plan, plan('elasticsearch', '8.15.3'));
    } finally {
      await server.close();
    }
  });

  it('a version missing from upgradable_to is sent: ECE decides, as with every Elastic client', async () => {
    const server = await ece('7.10.2');
    try {
      const r = await run(['deployments', 'upgrade', ID, '--version', '8.14.3', '--yes'], {
        env: env(server.url),
      });
      assert.equal(r.code, 0, r.stderr);
      const body = JSON.parse(server.requests.find((q) => q.method === 'PUT')?.body ?? '{}');
      assert.equal(body.resources.elasticsearch[0].plan.elasticsearch.version, '8.14.3');
    } finally {
      await server.close();
    }
  });

  it('refused before sending (exit 2): a downgrade, an unknown version, one not reachable from the current one', async () => {
    const cases: [string, string, string][] = [
      [
        '8.14.3',
        '7.17.24',
        'error: 7.17.24 is older than 8.14.3: ECE cannot downgrade a deployment\n',
      ],
      [
        '8.14.3',
        '8.16.0',
        'error: the installation has no stack version 8.16.0 (newer than 8.14.3: 8.15.3)\n',
      ],
      [
        '7.10.2',
        '8.15.3',
        'error: 8.15.3 can be reached only from 7.17.0 or later; upgrade 7.10.2 to an intermediate version first\n',
      ],
      ['8.14.3', 'latest', 'error: invalid --version "latest": give a stack version like 8.15.3\n'],
    ];
    for (const [from, to, stderr] of cases) {
      const server = await ece(from);
      try {
        const r = await run(['deployments', 'upgrade', ID, '--version', to, '--yes'], {
          env: env(server.url),
        });
        assert.deepEqual([r.code, r.stdout, r.stderr], [2, '', stderr], `${from} → ${to}`);
        assert.ok(!server.requests.some((q) => q.method === 'PUT'), `${from} → ${to}: no PUT`);
      } finally {
        await server.close();
      }
    }
  });

  it('already at the version: nothing sent, exit 0; --dry-run shows the PUT as curl', async () => {
    const server = await ece('8.15.3');
    try {
      const same = await run(['deployments', 'upgrade', ID, '--version', '8.15.3', '--yes'], {
        env: env(server.url),
      });
      assert.deepEqual(
        [same.code, same.stdout, same.stderr],
        [0, '', 'upgradable already runs 8.15.3: nothing to upgrade.\n'],
      );
    } finally {
      await server.close();
    }
    const older = await ece('8.14.3');
    try {
      const dry = await run(['deployments', 'upgrade', ID, '--version', '8.15.3', '--dry-run'], {
        env: env(older.url),
      });
      assert.equal(dry.code, 0, dry.stderr);
      assert.match(
        dry.stdout,
        new RegExp(
          `^printf .* \\| curl -sS -g -K - -X PUT '${older.url}/api/v1/deployments/${ID}\\?version=3' .*\n$`,
        ),
      );
      assert.ok(!older.requests.some((q) => q.method === 'PUT'));
      // Destructive: without a terminal it needs --yes, and nothing is read or sent.
      const from = older.requests.length;
      const refused = await run(['deployments', 'upgrade', ID, '--version', '8.15.3'], {
        env: env(older.url),
      });
      assert.deepEqual(
        [refused.code, refused.stdout, refused.stderr],
        [2, '', 'error: this needs confirmation: pass --yes to run it without a terminal\n'],
      );
      assert.equal(older.requests.length, from);
      // On a terminal it asks, naming the versions; "n" sends nothing.
      const asked = await run(['deployments', 'upgrade', ID, '--version', '8.15.3'], {
        env: env(older.url),
        stdinTTY: true,
        stderrTTY: true,
        stdin: 'n\n',
      });
      assert.equal(asked.code, 2);
      assert.match(
        asked.stderr,
        /Upgrade deployment upgradable from 8\.14\.3 to 8\.15\.3 \(elasticsearch[^)]*\)\? ECE cannot downgrade it afterwards\./,
      );
      assert.ok(!older.requests.some((q) => q.method === 'PUT'));
      // A terminal that goes away before an answer: exit 2 at once (it used to wait for ever).
      const gone = await run(['deployments', 'upgrade', ID, '--version', '8.15.3'], {
        env: env(older.url),
        stdinTTY: true,
        stderrTTY: true,
        stdin: '',
      });
      assert.deepEqual([gone.code, gone.stderr.split('\n').at(-2)], [2, 'error: no answer given']);
      assert.ok(!older.requests.some((q) => q.method === 'PUT'));
    } finally {
      await older.close();
    }
  });
});

describe('deployments upgrade against the sandbox', () => {
  // Plans take 600 ms of the sandbox's time; --wait moves it on (no real wait).
  const clock = useVirtualClock();
  let t: TestSandbox;
  before(async () => {
    t = await testSandbox({ deployments: 0, planDurationMs: 600 });
    const made = await t.call('POST', '/deployments', {
      body: { name: 'legacy', version: '8.14.3' },
    });
    assert.equal(made.status, 201);
    // The first plan ends on the sandbox's clock.
    clock.advance(900);
  });
  after(() => t.close());

  it('--wait upgrades every resource; 8.15.3 (not installed) is exit 2', async () => {
    const env2 = t.env;
    const missing = await run(
      ['deployments', 'upgrade', 'legacy', '--version', '8.15.3', '--yes'],
      {
        env: env2,
      },
    );
    assert.deepEqual(
      [missing.code, missing.stderr],
      [2, 'error: the installation has no stack version 8.15.3 (newer than 8.14.3: 8.15.1)\n'],
    );
    const r = await run(
      ['deployments', 'upgrade', 'legacy', '--version', '8.15.1', '--yes', '--wait'],
      {
        env: env2,
        clock,
      },
    );
    assert.equal(r.code, 0, r.stderr);
    assert.match(
      r.stderr,
      /^Upgrading legacy from 8\.14\.3 to 8\.15\.1 \(elasticsearch, kibana\)\.\n/,
    );
    const shown = await run(['deployments', 'show', 'legacy'], { env: env2 });
    const versions = shown.stdout
      .trim()
      .split('\n')
      .map((l) =>
        l
          .split('\t')
          .slice(0, 1)
          .concat(l.split('\t')[5] ?? ''),
      );
    assert.deepEqual(versions, [
      ['elasticsearch', '8.15.1'],
      ['kibana', '8.15.1'],
    ]);
  });
});
