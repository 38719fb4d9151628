// `ece deployments list`: exact output for each format and terminal state.

import { after, before, describe, it } from 'node:test';
import type { DeploymentListing } from '../../src/api/deployments.js';
import { grid } from '../../src/commands/deployments/list.js';
import { deploymentsListText, emptyListText } from '../fixtures/index.js';
import assert from '../helpers/assert.js';
import { run } from '../helpers/cli.js';
import { json, startServer, type TestServer } from '../helpers/server.js';

const METRICS = '0d8f7e6a5b4c43d2e1f0a9b8c7d6e5f4';

describe('ece deployments list', () => {
  let server: TestServer;
  let body = deploymentsListText;
  before(async () => {
    server = await startServer((req, res) => {
      if (req.method === 'POST') {
        // Which are system-owned: a search on metadata.system_owned (here: metrics).
        assert.equal(req.url, '/api/v1/deployments/_search');
        assert.deepEqual(JSON.parse(req.body), {
          query: { term: { 'metadata.system_owned': { value: 'true' } } },
          size: 100,
        });
        return json(res, 200, {
          return_count: 1,
          match_count: 1,
          deployments: [{ id: METRICS, name: 'metrics', metadata: { system_owned: true } }],
        });
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

  it('prints a table on a terminal, one column per kind present', async () => {
    const r = await run(['deployments', 'list'], {
      env: env({ NO_COLOR: '1' }),
      tty: true,
      columns: 130,
    });
    assert.equal(r.code, 0);
    assert.equal(r.stderr, '');
    assert.equal(
      r.stdout,
      [
        'ID                                NAME            ELASTICSEARCH       KIBANA       APM       ENTERPRISE_SEARCH       SYSTEM',
        '3f6c2a9e8b1d4f7a9c0e5b2d8a4f1c67  prod-logs       main-elasticsearch  main-kibana  main-apm  -                       -',
        'b71e0d6c5a4f43e2a1d09c8b7e6f5a4d  search-staging  main-elasticsearch  main-kibana  -         main-enterprise_search  -',
        '0d8f7e6a5b4c43d2e1f0a9b8c7d6e5f4  metrics         main-elasticsearch  -            -         -                       yes',
        '',
      ].join('\n'),
    );
  });

  it('bolds the header on a colour terminal (and only the header)', async () => {
    const r = await run(['deployments', 'ls'], { env: env(), tty: true, columns: 120 });
    assert.equal(r.code, 0);
    const [head, ...rest] = r.stdout.split('\n');
    assert.equal(
      head,
      '\u001b[1mID\u001b[22m                                \u001b[1mNAME\u001b[22m            \u001b[1mELASTICSEARCH\u001b[22m       \u001b[1mKIBANA\u001b[22m       \u001b[1mAPM\u001b[22m       \u001b[1mENTERPRISE_SEARCH\u001b[22m    \u001b[1mSYSTEM\u001b[22m',
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

  it('fits a narrow terminal, truncating names before ids', async () => {
    const r = await run(['deployments', 'list'], {
      env: env({ NO_COLOR: '1' }),
      tty: true,
      columns: 80,
    });
    assert.equal(
      r.stdout,
      [
        'ID                                NAME    ELAST…  KIBANA  APM     ENTER…  SYSTEM',
        '3f6c2a9e8b1d4f7a9c0e5b2d8a4f1c67  prod-…  main-…  main-…  main-…  -       -',
        'b71e0d6c5a4f43e2a1d09c8b7e6f5a4d  searc…  main-…  main-…  -       main-…  -',
        '0d8f7e6a5b4c43d2e1f0a9b8c7d6e5f4  metri…  main-…  -       -       -       yes',
        '',
      ].join('\n'),
    );
    for (const line of r.stdout.trimEnd().split('\n')) assert.ok(line.length <= 80, line);
  });

  it('prints tab-separated rows with fixed columns and no header when piped', async () => {
    const r = await run(['deployments', 'list'], { env: env(), tty: false });
    assert.equal(r.code, 0);
    assert.equal(r.stderr, '');
    assert.equal(
      r.stdout,
      [
        '3f6c2a9e8b1d4f7a9c0e5b2d8a4f1c67\tprod-logs\tmain-elasticsearch\tmain-kibana\tmain-apm\t-\t-\t-\tfalse',
        'b71e0d6c5a4f43e2a1d09c8b7e6f5a4d\tsearch-staging\tmain-elasticsearch\tmain-kibana\t-\t-\tmain-enterprise_search\t-\tfalse',
        '0d8f7e6a5b4c43d2e1f0a9b8c7d6e5f4\tmetrics\tmain-elasticsearch\t-\t-\t-\t-\t-\ttrue',
        '',
      ].join('\n'),
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
    const fixture = await run(['deployments', 'list', '--json'], { env: env() });
    assert.equal(fixture.stdout, deploymentsListText);
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
      `error: option '-o, --output <format>' argument 'xml' is invalid. Allowed choices are table, tsv, json, yaml.\n`,
    );
  });

  it('-o table in a pipe prints a table without colour; -o tsv on a terminal prints TSV', async () => {
    const table = await run(['deployments', 'list', '-o', 'table'], { env: env(), columns: 200 });
    assert.ok(table.stdout.startsWith('ID  '));
    assert.ok(!table.stdout.includes('\u001b['));
    const tsv = await run(['deployments', 'list', '-o', 'tsv'], { env: env(), tty: true });
    assert.ok(tsv.stdout.startsWith('3f6c2a9e8b1d4f7a9c0e5b2d8a4f1c67\tprod-logs\t'));
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

describe('deployments list rows', () => {
  it('a pipe gets every kind, in a fixed order', () => {
    const g = grid(list, 'tsv');
    assert.deepEqual(g.headers, [
      'ID',
      'NAME',
      'ELASTICSEARCH',
      'KIBANA',
      'APM',
      'INTEGRATIONS_SERVER',
      'ENTERPRISE_SEARCH',
      'APPSEARCH',
      'SYSTEM',
    ]);
    assert.deepEqual(g.rows, [
      [
        'a',
        'name-a',
        'main-elasticsearch,second-elasticsearch',
        'main-kibana',
        '-',
        '-',
        '-',
        '-',
        'false',
      ],
      ['b', 'name-b', 'main-elasticsearch', '-', '-', '-', '-', '-', 'false'],
    ]);
    assert.deepEqual(grid(list, 'tsv', new Set(['b'])).rows[1]?.at(-1), 'true');
  });

  it('a terminal gets the kinds some deployment has', () => {
    const g = grid(list, 'table');
    assert.deepEqual(g.headers, ['ID', 'NAME', 'ELASTICSEARCH', 'KIBANA']);
    assert.deepEqual(g.rows, [
      ['a', 'name-a', 'main-elasticsearch,second-elasticsearch', 'main-kibana'],
      ['b', 'name-b', 'main-elasticsearch', '-'],
    ]);
    assert.deepEqual(grid([], 'table').headers, ['ID', 'NAME']);
    const marked = grid(list, 'table', new Set(['a']));
    assert.deepEqual(marked.headers, ['ID', 'NAME', 'ELASTICSEARCH', 'KIBANA', 'SYSTEM']);
    assert.deepEqual(
      marked.rows.map((r) => r.at(-1)),
      ['yes', '-'],
    );
  });
});
