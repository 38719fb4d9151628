// deployments versions: every deployment's version per kind from one search,
// grouped by the lowest version it runs; --below is a gate (exit 10 when
// any is below, 0 when none); system deployments only with --include-system.
// The sandbox seeds its deployments on an older version (seedVersion).

import { describe, it } from 'node:test';
import assert from '../helpers/assert.js';
import { run } from '../helpers/cli.js';
import { createRequest, useSandbox } from '../helpers/sandbox.js';

const NOTE =
  'note: Left out 3 system deployments (admin-console-elasticsearch, logging-and-metrics, security-cluster); --include-system to include them\n';

describe('deployments versions (sandbox seeded on 8.14.3)', () => {
  const t = useSandbox({ deployments: 3, seedVersion: '8.14.3', fakeClock: true });
  const ids = new Map<string, string>();

  it('one row per deployment: its lowest version, then each kind; system deployments left out, said on stderr', async () => {
    const list = await t.call('GET', '/deployments');
    for (const d of (list.body as { deployments: { id: string; name: string }[] }).deployments)
      ids.set(d.name, d.id);
    const r = await run(['deployments', 'versions'], { env: t.env });
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stderr, NOTE);
    assert.equal(
      r.stdout,
      [
        `8.14.3\tmetrics\t${ids.get('metrics')}\t8.14.3\t-\t-\t-\n`,
        `8.14.3\tprod-logs\t${ids.get('prod-logs')}\t8.14.3\t8.14.3\t8.14.3\t-\n`,
        `8.14.3\tsearch-staging\t${ids.get('search-staging')}\t8.14.3\t8.14.3\t-\t8.14.3\n`,
      ].join(''),
    );
    const table = await run(['deployments', 'versions'], {
      env: { ...t.env, NO_COLOR: '1' },
      tty: true,
      columns: 200,
    });
    assert.equal(table.code, 0, table.stderr);
    const pad = (n: string) => n.padEnd(14);
    assert.equal(
      table.stdout,
      [
        'VERSION  NAME            ID                                ELASTICSEARCH  KIBANA  APM     ENTERPRISE_SEARCH',
        `8.14.3   ${pad('metrics')}  ${ids.get('metrics')}  8.14.3         -       -       -`,
        `8.14.3   ${pad('prod-logs')}  ${ids.get('prod-logs')}  8.14.3         8.14.3  8.14.3  -`,
        `8.14.3   ${pad('search-staging')}  ${ids.get('search-staging')}  8.14.3         8.14.3  -       8.14.3`,
        '',
      ].join('\n'),
    );
  });

  it('--include-system shows them, marked; --json is the report for scripts', async () => {
    const r = await run(['deployments', 'versions', '--include-system'], { env: t.env });
    assert.deepEqual([r.code, r.stderr], [0, '']);
    assert.deepEqual(
      r.stdout
        .trim()
        .split('\n')
        .map((l) => l.split('\t').slice(0, 2).join(' ')),
      [
        '8.14.3 metrics',
        '8.14.3 prod-logs',
        '8.14.3 search-staging',
        '8.15.1 admin-console-elasticsearch (system)',
        '8.15.1 logging-and-metrics (system)',
        '8.15.1 security-cluster (system)',
      ],
    );
    const j = await run(['deployments', 'versions', '--json'], { env: t.env });
    assert.equal(j.code, 0, j.stderr);
    const body = JSON.parse(j.stdout);
    assert.deepEqual(body.versions, { '8.14.3': 3 });
    assert.deepEqual(body.deployments[0], {
      id: ids.get('metrics'),
      name: 'metrics',
      version: '8.14.3',
      system_owned: false,
      resources: [{ kind: 'elasticsearch', ref_id: 'main-elasticsearch', version: '8.14.3' }],
    });
  });

  it('--below: exit 10 listing those under it, 0 when none; a kind left behind counts', async () => {
    const below = await run(['deployments', 'versions', '--below', '8.15.1'], { env: t.env });
    assert.equal(below.code, 10, below.stderr);
    assert.equal(below.stdout.trim().split('\n').length, 3);
    assert.equal(below.stderr, '3 deployments run a version below 8.15.1.\n');
    const none = await run(['deployments', 'versions', '--below', '8.9.0'], { env: t.env });
    assert.deepEqual(
      [none.code, none.stdout, none.stderr],
      [0, '', 'No deployment runs a version below 8.9.0.\n'],
    );
    // Compared as versions: 8.14.3 is below 8.100.0 (as text it would not be).
    const numeric = await run(['deployments', 'versions', '--below', '8.100.0'], { env: t.env });
    assert.equal(numeric.code, 10);

    // Elasticsearch and Kibana upgraded, Integrations Server left on 8.14.3.
    const body = createRequest('apm-mixed', ['elasticsearch', 'kibana', 'integrations_server']);
    const res = body.resources as Record<string, { plan: Record<string, { version: string }> }[]>;
    const server = res.integrations_server?.[0]?.plan.integrations_server;
    if (server) server.version = '8.14.3';
    const made = await t.call('POST', '/deployments', { body });
    assert.equal(made.status, 201, JSON.stringify(made.body));
    t.advance(60_000);
    const mixed = await run(
      ['deployments', 'versions', '--below', '8.15.1', '--json', '--query', 'deployments[].name'],
      { env: t.env },
    );
    assert.equal(mixed.code, 10, mixed.stderr);
    assert.deepEqual(JSON.parse(mixed.stdout), [
      'apm-mixed',
      'metrics',
      'prod-logs',
      'search-staging',
    ]);
  });

  it('a bad --below is exit 2 before any request', async () => {
    const r = await run(['deployments', 'versions', '--below', 'eight'], { env: t.env });
    assert.deepEqual(
      [r.code, r.stdout, r.stderr],
      [2, '', 'error: invalid --below "eight": give a stack version like 8.15.3\n'],
    );
  });
});
