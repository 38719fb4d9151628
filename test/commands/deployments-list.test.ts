// `ece deployments list`: exact output for each format and terminal state.

import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { DeploymentListing, SearchHit } from '../../src/api/deployments.js';
import { grid } from '../../src/commands/deployments/list.js';
import { deploymentsListText, emptyListText } from '../fixtures/index.js';
import assert from '../helpers/assert.js';
import { run } from '../helpers/cli.js';
import { json, startServer, type TestServer } from '../helpers/server.js';

const PROD = '3f6c2a9e8b1d4f7a9c0e5b2d8a4f1c67';
const STAGING = 'b71e0d6c5a4f43e2a1d09c8b7e6f5a4d';
const METRICS = '0d8f7e6a5b4c43d2e1f0a9b8c7d6e5f4';

/** A search hit's resource as real ECE sends it (see ../shared/ece-real). */
const res = (
  ref_id: string,
  status: string,
  healthy: boolean,
  extra: { version?: string; template?: string; endpoint?: string } = {},
) => ({
  ref_id,
  id: `${ref_id}-id`,
  region: 'ece-region',
  info: {
    status,
    healthy,
    metadata: { endpoint: extra.endpoint ?? `${ref_id}.ece.local` },
    topology: { instances: [{ service_version: extra.version ?? '8.15.1' }] },
    plan_info: {
      healthy,
      current: {
        plan: {
          ...(extra.template ? { deployment_template: { id: extra.template } } : {}),
          ...(extra.version ? { elasticsearch: { version: extra.version } } : {}),
        },
      },
    },
  },
});

/** The search hits for the fixture's three deployments: one page, sorted by id. */
const HITS = {
  return_count: 3,
  match_count: 3,
  deployments: [
    {
      id: METRICS,
      name: 'metrics',
      resources: {
        elasticsearch: [
          res('main-elasticsearch', 'started', true, { version: '8.15.1', template: 'default' }),
        ],
      },
      metadata: { system_owned: true },
    },
    {
      id: PROD,
      name: 'prod-logs',
      resources: {
        elasticsearch: [
          res('main-elasticsearch', 'started', true, {
            version: '8.15.1',
            template: 'observability',
          }),
        ],
        kibana: [res('main-kibana', 'started', true)],
        apm: [res('main-apm', 'stopped', false)],
      },
      metadata: { system_owned: false },
    },
    {
      id: STAGING,
      name: 'search-staging',
      resources: {
        elasticsearch: [
          res('main-elasticsearch', 'reconfiguring', false, {
            version: '7.17.9',
            template: 'default',
          }),
        ],
        kibana: [res('main-kibana', 'started', true)],
        enterprise_search: [res('main-enterprise_search', 'initializing', false)],
      },
      metadata: { system_owned: false },
    },
  ],
};

describe('ece deployments list', () => {
  let server: TestServer;
  let body = deploymentsListText;
  let hits: unknown = HITS;
  let searches = 0;
  before(async () => {
    server = await startServer((req, res) => {
      if (req.method === 'POST') {
        // One search for status, health, version and the system mark: every deployment, by id.
        searches++;
        assert.equal(req.url, '/api/v1/deployments/_search');
        assert.deepEqual(JSON.parse(req.body), { size: 500, sort: [{ id: { order: 'asc' } }] });
        if (hits === 500)
          return json(res, 500, { errors: [{ code: 'root.unknown', message: 'index down' }] });
        return json(res, 200, hits);
      }
      assert.equal(req.method, 'GET');
      assert.equal(req.url, '/api/v1/deployments');
      json(res, 200, body);
    });
  });
  after(() => server.close());
  const env = (extra: Record<string, string> = {}) => ({
    ECE_HOST: server.url,
    ECE_API_KEY: 'k',
    ECE_MAX_ATTEMPTS: '1',
    ...extra,
  });
  const withBody = async <T>(b: string, fn: () => Promise<T>) => {
    body = b;
    try {
      return await fn();
    } finally {
      body = deploymentsListText;
    }
  };
  const withHits = async <T>(h: unknown, fn: () => Promise<T>) => {
    hits = h;
    try {
      return await fn();
    } finally {
      hits = HITS;
    }
  };

  it('prints a table on a terminal: status and health per kind present, version, system mark', async () => {
    searches = 0;
    const r = await run(['deployments', 'list'], {
      env: env({ NO_COLOR: '1' }),
      tty: true,
      columns: 130,
    });
    assert.equal(r.code, 0);
    assert.equal(r.stderr, '');
    assert.equal(searches, 1);
    assert.equal(
      r.stdout,
      [
        'NAME            ID                                ES               KIBANA     APM        ENT_SEARCH      VERSION  SYSTEM',
        'prod-logs       3f6c2a9e8b1d4f7a9c0e5b2d8a4f1c67  ✓ started        ✓ started  ✗ stopped  -               8.15.1   -',
        'search-staging  b71e0d6c5a4f43e2a1d09c8b7e6f5a4d  ✗ reconfiguring  ✓ started  -          ✗ initializing  7.17.9   -',
        'metrics         0d8f7e6a5b4c43d2e1f0a9b8c7d6e5f4  ✓ started        -          -          -               8.15.1   yes',
        '',
      ].join('\n'),
    );
  });

  it('-o wide adds region, template and endpoint: a table on a terminal, TSV in a pipe', async () => {
    const table = await run(['deployments', 'list', '-o', 'wide'], {
      env: env({ NO_COLOR: '1' }),
      tty: true,
      columns: 250,
    });
    assert.equal(table.code, 0);
    assert.equal(table.stderr, '');
    assert.equal(
      table.stdout,
      [
        'NAME            ID                                ES               KIBANA     APM        ENT_SEARCH      VERSION  SYSTEM  REGION      TEMPLATE       ENDPOINT',
        'prod-logs       3f6c2a9e8b1d4f7a9c0e5b2d8a4f1c67  ✓ started        ✓ started  ✗ stopped  -               8.15.1   -       ece-region  observability  main-elasticsearch.ece.local',
        'search-staging  b71e0d6c5a4f43e2a1d09c8b7e6f5a4d  ✗ reconfiguring  ✓ started  -          ✗ initializing  7.17.9   -       ece-region  default        main-elasticsearch.ece.local',
        'metrics         0d8f7e6a5b4c43d2e1f0a9b8c7d6e5f4  ✓ started        -          -          -               8.15.1   yes     ece-region  default        main-elasticsearch.ece.local',
        '',
      ].join('\n'),
    );
    const piped = await run(['deployments', 'list', '-o', 'wide'], { env: env() });
    assert.equal(piped.code, 0);
    assert.equal(
      piped.stdout.split('\n')[0],
      `${PROD}\tprod-logs\tstarted/healthy\tstarted/healthy\tstopped/unhealthy\t-\t-\t-\t8.15.1\tfalse\tece-region\tobservability\tmain-elasticsearch.ece.local`,
    );
  });

  it('bolds the header on a colour terminal (and only the header)', async () => {
    const r = await run(['deployments', 'ls'], { env: env(), tty: true, columns: 130 });
    assert.equal(r.code, 0);
    const [head, ...rest] = r.stdout.split('\n');
    assert.equal(
      head,
      '\u001b[1mNAME\u001b[22m            \u001b[1mID\u001b[22m                                \u001b[1mES\u001b[22m               \u001b[1mKIBANA\u001b[22m     \u001b[1mAPM\u001b[22m        \u001b[1mENT_SEARCH\u001b[22m      \u001b[1mVERSION\u001b[22m  \u001b[1mSYSTEM\u001b[22m',
    );
    assert.ok(!rest.join('\n').includes('\u001b['));
  });

  it('--no-color and NO_COLOR turn colour off; FORCE_COLOR=0 too', async () => {
    for (const [argv, extra] of [
      [['--no-color'], {}],
      [[], { NO_COLOR: '1' }],
      [[], { FORCE_COLOR: '0' }],
    ] as const) {
      const r = await run(['deployments', 'list', ...argv], {
        env: env(extra),
        tty: true,
        columns: 120,
      });
      assert.ok(!r.stdout.includes('\u001b['), JSON.stringify(argv));
    }
  });

  it('fits a narrow terminal: hides low-value columns (and says so) before cutting names or ids', async () => {
    const r = await run(['deployments', 'list'], {
      env: env({ NO_COLOR: '1' }),
      tty: true,
      columns: 80,
    });
    assert.equal(r.code, 0);
    assert.equal(
      r.stdout,
      [
        'NAME            ID                                ES               KIBANA',
        'prod-logs       3f6c2a9e8b1d4f7a9c0e5b2d8a4f1c67  ✓ started        ✓ started',
        'search-staging  b71e0d6c5a4f43e2a1d09c8b7e6f5a4d  ✗ reconfiguring  ✓ started',
        'metrics         0d8f7e6a5b4c43d2e1f0a9b8c7d6e5f4  ✓ started        -',
        '',
      ].join('\n'),
    );
    assert.equal(
      r.stderr,
      'note: APM, ENT_SEARCH, VERSION, SYSTEM hidden to fit 80 columns (a wider terminal, or TSV with -o tsv, shows every column)\n',
    );
    // -o table in a pipe: the same fit, no note.
    const piped = await run(['deployments', 'list', '-o', 'table'], {
      env: env({ COLUMNS: '80' }),
      columns: 80,
    });
    assert.equal(piped.stdout, r.stdout);
    assert.equal(piped.stderr, '');
  });

  it('prints tab-separated rows with fixed columns and no header when piped', async () => {
    const r = await run(['deployments', 'list'], { env: env(), tty: false });
    assert.equal(r.code, 0);
    assert.equal(r.stderr, '');
    assert.equal(
      r.stdout,
      [
        `${PROD}\tprod-logs\tstarted/healthy\tstarted/healthy\tstopped/unhealthy\t-\t-\t-\t8.15.1\tfalse`,
        `${STAGING}\tsearch-staging\treconfiguring/unhealthy\tstarted/healthy\t-\t-\tinitializing/unhealthy\t-\t7.17.9\tfalse`,
        `${METRICS}\tmetrics\tstarted/healthy\t-\t-\t-\t-\t-\t8.15.1\ttrue`,
        '',
      ].join('\n'),
    );
  });

  it('a failed search still lists the deployments, with unknown statuses and a warning', async () => {
    const r = await withHits(500, () => run(['deployments', 'list'], { env: env() }));
    assert.equal(r.code, 0);
    assert.equal(
      r.stdout,
      [
        `${PROD}\tprod-logs\tunknown\tunknown\tunknown\t-\t-\t-\t-\tfalse`,
        `${STAGING}\tsearch-staging\tunknown\tunknown\t-\t-\tunknown\t-\t-\tfalse`,
        `${METRICS}\tmetrics\tunknown\t-\t-\t-\t-\t-\t-\tfalse`,
        '',
      ].join('\n'),
    );
    assert.match(
      r.stderr,
      /^warning: cannot read statuses \(.*index down.*\); they show as unknown\n$/,
    );
  });

  it('a deployment the search does not know shows ? (created since, or not indexed yet)', async () => {
    const only = { ...HITS, return_count: 1, match_count: 1, deployments: [HITS.deployments[1]] };
    const r = await withHits(only, () =>
      run(['deployments', 'list'], { env: env({ NO_COLOR: '1' }), tty: true, columns: 130 }),
    );
    assert.equal(
      r.stdout,
      [
        'NAME            ID                                ES         KIBANA     APM        ENT_SEARCH  VERSION',
        'prod-logs       3f6c2a9e8b1d4f7a9c0e5b2d8a4f1c67  ✓ started  ✓ started  ✗ stopped  -           8.15.1',
        'search-staging  b71e0d6c5a4f43e2a1d09c8b7e6f5a4d  ?          ?          -          ?           -',
        'metrics         0d8f7e6a5b4c43d2e1f0a9b8c7d6e5f4  ?          -          -          -           -',
        '',
      ].join('\n'),
    );
  });

  it('hits of an unexpected shape show unknown, never a crash', async () => {
    const odd = {
      return_count: 4,
      deployments: [
        null,
        'text',
        {
          id: PROD,
          resources: {
            elasticsearch: 'x',
            kibana: [null, { info: { status: 5, healthy: 'yes', topology: { instances: {} } } }],
            apm: [{ ref_id: 'main-apm', info: { healthy: false, topology: { instances: {} } } }],
          },
          metadata: null,
        },
        { id: METRICS, resources: null, metadata: { system_owned: 'true' } },
      ],
    };
    const r = await withHits(odd, () => run(['deployments', 'list'], { env: env() }));
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stderr, '');
    assert.equal(
      r.stdout,
      [
        `${PROD}\tprod-logs\tunknown\tunknown\tunknown/unhealthy\t-\t-\t-\t-\tfalse`,
        `${STAGING}\tsearch-staging\tunknown\tunknown\t-\t-\tunknown\t-\t-\tfalse`,
        `${METRICS}\tmetrics\tunknown\t-\t-\t-\t-\t-\t-\tfalse`,
        '',
      ].join('\n'),
    );
  });

  it('reads a recorded real ECE deployment (../shared/ece-real) as a search hit', async () => {
    const real = JSON.parse(
      readFileSync(
        new URL('../../../shared/ece-real/deployment-apm.json', import.meta.url),
        'utf8',
      ),
    );
    const listing = {
      deployments: [
        {
          id: real.id,
          name: real.name,
          resources: ['elasticsearch', 'kibana', 'apm'].map((kind) => ({
            kind,
            ref_id: `main-${kind}`,
            id: real.resources[kind][0].id,
            region: real.resources[kind][0].region,
          })),
        },
      ],
    };
    const r = await withBody(JSON.stringify(listing), () =>
      withHits({ return_count: 1, match_count: 1, deployments: [real] }, () =>
        run(['deployments', 'list', '-o', 'wide'], { env: env() }),
      ),
    );
    assert.equal(
      r.stdout,
      `${real.id}\tmarc-testing\tstarted/healthy\tstarted/healthy\tstarted/healthy\t-\t-\t-\t7.8.0\tfalse\tgcp-asia-east1\tgcp-io-optimized\txxx80c162ba34bc59a8f6fe44274f95a.asia-east1.gcp.elastic-cloud.153\n`,
    );
  });

  it('--json prints the body byte for byte', async () => {
    const odd =
      '{ "deployments" : [ {"id":"a","name":"n","resources":[],"extra":1.50,"big":12345678901234567890} ] }';
    for (const argv of [['--json'], ['-o', 'json'], ['--output=json']]) {
      const r = await withBody(odd, () => run(['deployments', 'list', ...argv], { env: env() }));
      assert.equal(r.code, 0);
      assert.equal(r.stdout, `${odd}\n`, argv.join(' '));
    }
    searches = 0;
    const fixture = await run(['deployments', 'list', '--json'], { env: env() });
    assert.equal(fixture.stdout, deploymentsListText);
    // The body of GET /deployments alone: no search for --json.
    assert.equal(searches, 0);
  });

  it('--json on a terminal adds a final newline only if the body lacks one', async () => {
    const r = await withBody(emptyListText, () =>
      run(['deployments', 'list', '--json'], { env: env(), tty: true }),
    );
    assert.equal(r.stdout, `${emptyListText}\n`);
  });

  it('--query filters before rendering, in every format', async () => {
    const q = ['--query', 'deployments[].name'];
    const piped = await run(['deployments', 'list', ...q], { env: env() });
    assert.equal(piped.stdout, 'prod-logs\nsearch-staging\nmetrics\n');
    const asJson = await run(['deployments', 'list', '--json', ...q], { env: env() });
    assert.equal(asJson.stdout, '[\n  "prod-logs",\n  "search-staging",\n  "metrics"\n]\n');
    const objects = await run(
      ['deployments', 'list', '--query', 'deployments[?name==`metrics`].{id: id, name: name}'],
      {
        env: env({ NO_COLOR: '1' }),
        tty: true,
      },
    );
    assert.equal(
      objects.stdout,
      'ID                                NAME\n0d8f7e6a5b4c43d2e1f0a9b8c7d6e5f4  metrics\n',
    );
    const yaml = await run(
      [
        'deployments',
        'list',
        '-o',
        'yaml',
        '--query',
        'deployments[0].resources[0].{ref: ref_id, kind: kind}',
      ],
      {
        env: env(),
      },
    );
    assert.equal(yaml.stdout, 'ref: main-elasticsearch\nkind: elasticsearch\n');
    const count = await run(['deployments', 'list', '--query', 'length(deployments)'], {
      env: env(),
    });
    assert.equal(count.stdout, '3\n');
  });

  it('an invalid --query is a usage error', async () => {
    const r = await run(['deployments', 'list', '--query', 'deployments[?'], { env: env() });
    assert.equal(r.code, 2);
    assert.match(r.stderr, /^error: invalid --query "deployments\[\?": .+\n$/);
  });

  it('-o yaml renders the body as YAML', async () => {
    const r = await withBody('{"deployments":[{"id":"a1","name":"n","resources":[]}]}', () =>
      run(['deployments', 'list', '-o', 'yaml'], { env: env() }),
    );
    assert.equal(r.stdout, 'deployments:\n  - id: a1\n    name: n\n    resources: []\n');
  });

  it('an empty list is not an error', async () => {
    await withBody(emptyListText, async () => {
      const asJson = await run(['deployments', 'list', '--json'], { env: env() });
      assert.deepEqual(
        [asJson.code, asJson.stdout, asJson.stderr],
        [0, '{"deployments":[]}\n', ''],
      );
      const tty = await run(['deployments', 'list'], { env: env(), tty: true });
      assert.deepEqual([tty.code, tty.stdout, tty.stderr], [0, '', 'No deployments.\n']);
      const piped = await run(['deployments', 'list'], { env: env() });
      assert.deepEqual([piped.code, piped.stdout, piped.stderr], [0, '', '']);
    });
  });

  it('--json with --output yaml is a usage error; -o with an unknown format too', async () => {
    const both = await run(['deployments', 'list', '--json', '-o', 'yaml'], { env: env() });
    assert.equal(both.code, 2);
    assert.equal(both.stderr, 'error: --json cannot be combined with --output yaml\n');
    const unknown = await run(['deployments', 'list', '-o', 'xml'], { env: env() });
    assert.equal(unknown.code, 2);
    assert.equal(
      unknown.stderr,
      `error: option '-o, --output <format>' argument 'xml' is invalid. Allowed choices are table, tsv, wide, json, yaml.\n`,
    );
  });

  it('-o table in a pipe prints a table without colour; -o tsv on a terminal prints TSV', async () => {
    const table = await run(['deployments', 'list', '-o', 'table'], { env: env(), columns: 200 });
    assert.ok(table.stdout.startsWith('NAME  '));
    assert.ok(!table.stdout.includes('\u001b['));
    const tsv = await run(['deployments', 'list', '-o', 'tsv'], { env: env(), tty: true });
    assert.ok(tsv.stdout.startsWith('3f6c2a9e8b1d4f7a9c0e5b2d8a4f1c67\tprod-logs\t'));
  });
});

describe('ece deployments list: the search behind the table', () => {
  it('reads every page through the cursor, on one connection, with one GET', async () => {
    const [first, second, third] = HITS.deployments;
    const server = await startServer(
      (req, res) => {
        if (req.method === 'GET') return json(res, 200, deploymentsListText);
        const body = JSON.parse(req.body);
        if (body.cursor === undefined)
          return json(res, 200, {
            return_count: 2,
            match_count: 3,
            deployments: [first, second],
            cursor: 'page-2',
          });
        assert.deepEqual(body, { cursor: 'page-2' });
        json(res, 200, { return_count: 1, match_count: 3, deployments: [third] });
      },
      {
        expect: [
          { method: 'GET', path: '/api/v1/deployments', times: 1 },
          {
            method: 'POST',
            path: '/api/v1/deployments/_search',
            body: { size: 500, sort: [{ id: { order: 'asc' } }] },
            times: 1,
          },
          {
            method: 'POST',
            path: '/api/v1/deployments/_search',
            body: { cursor: 'page-2' },
            times: 1,
          },
        ],
      },
    );
    try {
      const r = await run(['deployments', 'list'], {
        env: { ECE_HOST: server.url, ECE_API_KEY: 'k' },
      });
      assert.equal(r.code, 0, r.stderr);
      assert.equal(
        r.stdout
          .split('\n')
          .map((l) => l.split('\t').slice(1, 3).join(' '))
          .join('|'),
        'prod-logs started/healthy|search-staging reconfiguring/unhealthy|metrics started/healthy|',
      );
      assert.equal(server.requests.length, 3);
      assert.equal(server.connections, 1);
    } finally {
      await server.close();
    }
  });

  it('--dry-run still shows the table: the search is a read (noted on stderr)', async () => {
    const server = await startServer((req, res) =>
      req.method === 'GET' ? json(res, 200, deploymentsListText) : json(res, 200, HITS),
    );
    try {
      const r = await run(['deployments', 'list', '--dry-run'], {
        env: { ECE_HOST: server.url, ECE_API_KEY: 'k' },
      });
      assert.equal(r.code, 0, r.stderr);
      assert.equal(r.stdout.split('\n').length, 4);
      assert.equal(
        r.stderr,
        'dry run: reading GET /api/v1/deployments\ndry run: reading POST /api/v1/deployments/_search\n',
      );
    } finally {
      await server.close();
    }
  });
});

describe('ece deployments search shows its rows like list', () => {
  it('the same columns from the hits alone, on a terminal, in TSV and with -o wide', async () => {
    const server = await startServer((_req, res) => json(res, 200, HITS), {
      expect: [{ method: 'POST', path: '/api/v1/deployments/_search', times: 3 }],
    });
    try {
      const env = { ECE_HOST: server.url, ECE_API_KEY: 'k', NO_COLOR: '1' };
      const tsv = await run(['deployments', 'search'], { env });
      assert.equal(tsv.code, 0, tsv.stderr);
      assert.equal(
        tsv.stdout,
        [
          `${METRICS}\tmetrics\tstarted/healthy\t-\t-\t-\t-\t-\t8.15.1\ttrue`,
          `${PROD}\tprod-logs\tstarted/healthy\tstarted/healthy\tstopped/unhealthy\t-\t-\t-\t8.15.1\tfalse`,
          `${STAGING}\tsearch-staging\treconfiguring/unhealthy\tstarted/healthy\t-\t-\tinitializing/unhealthy\t-\t7.17.9\tfalse`,
          '',
        ].join('\n'),
      );
      const table = await run(['deployments', 'search'], { env, tty: true, columns: 130 });
      assert.equal(
        table.stdout.split('\n')[0],
        'NAME            ID                                ES               KIBANA     APM        ENT_SEARCH      VERSION  SYSTEM',
      );
      const wide = await run(['deployments', 'search', '-o', 'wide'], { env });
      assert.ok(
        wide.stdout.startsWith(
          `${METRICS}\tmetrics\tstarted/healthy\t-\t-\t-\t-\t-\t8.15.1\ttrue\tece-region\tdefault\tmain-elasticsearch.ece.local\n`,
        ),
        wide.stdout,
      );
      assert.equal(server.requests.length, 3);
    } finally {
      await server.close();
    }
  });
});

// The rows themselves: several resources of one kind are joined with commas.
const d = (id: string, resources: [kind: string, ref: string][]) =>
  ({
    id,
    name: `name-${id}`,
    resources: resources.map(([kind, ref_id]) => ({ kind, ref_id, id: `${id}-${ref_id}` })),
  }) as unknown as DeploymentListing;

const list = [
  d('a', [
    ['elasticsearch', 'main-elasticsearch'],
    ['kibana', 'main-kibana'],
    ['elasticsearch', 'second-elasticsearch'],
  ]),
  d('b', [['elasticsearch', 'main-elasticsearch']]),
];

const found = new Map<string, SearchHit>([
  [
    'a',
    {
      id: 'a',
      resources: {
        elasticsearch: [
          res('second-elasticsearch', 'stopped', false, { version: '8.1.0' }),
          res('main-elasticsearch', 'started', true, { version: '8.15.1' }),
        ],
        kibana: [res('main-kibana', 'restarting', true)],
      },
    },
  ],
  ['b', { id: 'b', resources: { elasticsearch: [] }, metadata: { system_owned: true } }],
]);

describe('deployments list rows', () => {
  it('a pipe gets every kind, in a fixed order, then VERSION and SYSTEM', () => {
    const g = grid(list, 'tsv', found);
    assert.deepEqual(g.headers, [
      'ID',
      'NAME',
      'ELASTICSEARCH',
      'KIBANA',
      'APM',
      'INTEGRATIONS_SERVER',
      'ENTERPRISE_SEARCH',
      'APPSEARCH',
      'VERSION',
      'SYSTEM',
    ]);
    assert.deepEqual(g.rows, [
      [
        'a',
        'name-a',
        'started/healthy,stopped/unhealthy',
        'restarting/healthy',
        '-',
        '-',
        '-',
        '-',
        '8.15.1,8.1.0',
        'false',
      ],
      ['b', 'name-b', 'unknown', '-', '-', '-', '-', '-', '-', 'true'],
    ]);
    assert.deepEqual(grid(list, 'tsv').rows[1], [
      'b',
      'name-b',
      'unknown',
      '-',
      '-',
      '-',
      '-',
      '-',
      '-',
      'false',
    ]);
  });

  it('a terminal gets the kinds some deployment has, name first', () => {
    const g = grid(list, 'table', found);
    assert.deepEqual(g.headers, ['NAME', 'ID', 'ES', 'KIBANA', 'VERSION', 'SYSTEM']);
    assert.deepEqual(g.rows, [
      ['name-a', 'a', '✓ started,✗ stopped', '✓ restarting', '8.15.1,8.1.0', '-'],
      ['name-b', 'b', '?', '-', '-', 'yes'],
    ]);
    // The id is the last to be cut, then the name; short codes are whole or hidden.
    assert.deepEqual(g.keep, [1, 0]);
    assert.deepEqual(g.drop, [5, 4, 3, 2]);
    assert.deepEqual(g.whole, [2, 3, 4, 5]);
    assert.deepEqual(grid([], 'table').headers, ['NAME', 'ID', 'VERSION']);
    assert.deepEqual(grid(list, 'table').headers, ['NAME', 'ID', 'ES', 'KIBANA', 'VERSION']);
    const wide = grid(list, 'table', found, { wide: true });
    assert.deepEqual(wide.headers.slice(-3), ['REGION', 'TEMPLATE', 'ENDPOINT']);
    assert.deepEqual(wide.drop?.slice(0, 3), [8, 7, 6]);
  });
});
