// `ece traffic-filters list|show|create`: exact requests, output and exit
// codes against a per-test server (writes to existing rulesets are in
// traffic-filters-writes.test.ts, the sandbox runs in
// traffic-filters-sandbox.test.ts and test/e2e/traffic-filters.test.ts).

import { afterEach, describe, it } from 'node:test';
import assert from '../helpers/assert.js';
import { run } from '../helpers/cli.js';
import { registerSecret } from '../helpers/secrets.js';
import { eceError, json } from '../helpers/server.js';
import { API_KEY, closeAll, curl, envFor, serve, ua } from './platform-admin-helpers.js';
import { BARE, DEP_ID, OFFICE, ROW, RS_ID, search, TF } from './traffic-filters-fixtures.js';

describe('traffic-filters list, show, create against a per-test server', () => {
  registerSecret(API_KEY);
  afterEach(closeAll);

  it('list: a row per ruleset with its rule and association counts; --json as sent', async () => {
    const body = JSON.stringify({ rulesets: [OFFICE] });
    const s = await serve({ 'GET /deployments/traffic-filter/rulesets': [200, body] }, [
      { method: 'GET', path: `${TF}?include_associations=true`, times: 3 },
    ]);
    const r = await run(['traffic-filters', 'list'], { env: envFor(s) });
    assert.deepEqual([r.code, r.stdout, r.stderr], [0, ROW, '']);
    const t = await run(['tf', 'ls'], {
      env: { ...envFor(s), NO_COLOR: '1' },
      tty: true,
      columns: 120,
    });
    assert.equal(
      t.stdout,
      [
        'ID                                NAME            TYPE  REGION      INCLUDE_BY_DEFAULT  RULES  ASSOCIATIONS',
        `${RS_ID}  office-network  ip    ece-region  no                  2      1`,
        '',
      ].join('\n'),
    );
    const j = await run(['traffic-filters', 'list', '--json'], { env: envFor(s) });
    assert.equal(j.stdout, `${body}\n`);
    await s.close();
  });

  it('list --deployment: only the rulesets ECE says the deployment has', async () => {
    const other = { ...BARE, id: 'f'.repeat(32), name: 'vpn' };
    const s = await serve(
      {
        ...search([{ id: DEP_ID, name: 'prod-logs' }]),
        [`GET /deployments/traffic-filter/associations/deployment/${DEP_ID}/rulesets`]: [
          200,
          { rulesets: [RS_ID] },
        ],
        'GET /deployments/traffic-filter/rulesets': [200, { rulesets: [OFFICE, other] }],
      },
      [
        {
          method: 'GET',
          path: `/api/v1/deployments/traffic-filter/associations/deployment/${DEP_ID}/rulesets`,
        },
      ],
    );
    const r = await run(['traffic-filters', 'list', '--deployment', 'prod-logs'], {
      env: envFor(s),
    });
    assert.deepEqual([r.code, r.stdout, r.stderr], [0, ROW, '']);
    const j = await run(['traffic-filters', 'list', '--deployment', DEP_ID, '--json'], {
      env: envFor(s),
    });
    assert.deepEqual(JSON.parse(j.stdout), { rulesets: [OFFICE] });
    await s.close();
  });

  it('show by name: fields, rule sources and the associated deployments by name', async () => {
    const s = await serve(
      {
        'GET /deployments/traffic-filter/rulesets': [200, { rulesets: [BARE] }],
        [`GET /deployments/traffic-filter/rulesets/${RS_ID}`]: [200, OFFICE],
        'GET /deployments': [200, { deployments: [{ id: DEP_ID, name: 'prod-logs' }] }],
      },
      [
        { method: 'GET', path: `${TF}?include_associations=false` },
        { method: 'GET', path: `${TF}/${RS_ID}?include_associations=true` },
      ],
    );
    const r = await run(['traffic-filters', 'show', 'office-network'], { env: envFor(s) });
    assert.deepEqual(
      [r.code, r.stdout, r.stderr],
      [
        0,
        `id\t${RS_ID}\nname\toffice-network\ntype\tip\nregion\tece-region\ninclude_by_default\tno\ndescription\tThe office\nrules\t203.0.113.0/24,198.51.100.7\nassociations\tprod-logs (${DEP_ID})\n`,
        '',
      ],
    );
    // --json: the body as sent, and no deployment lookup.
    const before = s.requests.length;
    const j = await run(['traffic-filters', 'show', RS_ID, '--json'], { env: envFor(s) });
    assert.deepEqual(JSON.parse(j.stdout), OFFICE);
    assert.deepEqual(
      s.requests.slice(before).map((q) => `${q.method} ${q.url}`),
      [`GET ${TF}/${RS_ID}?include_associations=true`],
    );
    await s.close();
  });

  it('a name that matches none is exit 3, several exit 2 with their ids', async () => {
    const twin = { ...BARE, id: 'e'.repeat(32) };
    const s = await serve({
      'GET /deployments/traffic-filter/rulesets': [200, { rulesets: [BARE, twin] }],
    });
    const none = await run(['traffic-filters', 'show', 'nope'], { env: envFor(s) });
    assert.deepEqual(
      [none.code, none.stdout, none.stderr],
      [3, '', 'error: no traffic filter ruleset has the id or name "nope"\n'],
    );
    const two = await run(['traffic-filters', 'delete', 'office-network', '--yes'], {
      env: envFor(s),
    });
    assert.deepEqual(
      [two.code, two.stderr],
      [
        2,
        `error: 2 traffic filter rulesets are named "office-network"; give one of their ids: ${RS_ID}, ${'e'.repeat(32)}\n`,
      ],
    );
    await s.close();
  });

  it('show: a missing id is exit 3 with ECE message', async () => {
    const s = await serve({
      [`GET /deployments/traffic-filter/rulesets/${RS_ID}`]: (_q, res) =>
        eceError(
          res,
          404,
          'traffic_filter.not_found',
          `The traffic filter ruleset [${RS_ID}] cannot be found`,
        ),
    });
    const r = await run(['traffic-filters', 'show', RS_ID], { env: envFor(s) });
    assert.deepEqual(
      [r.code, r.stdout, r.stderr],
      [
        3,
        '',
        `error: The traffic filter ruleset [${RS_ID}] cannot be found (traffic_filter.not_found)\n`,
      ],
    );
    await s.close();
  });

  it('create from flags: the region of the installation, one rule per --source', async () => {
    const body = {
      name: 'vpn',
      type: 'ip',
      region: 'ece-region',
      include_by_default: true,
      description: 'VPN users',
      rules: [{ source: '10.8.0.0/16' }, { source: '2001:db8::/32' }],
    };
    const s = await serve(
      {
        'GET /platform': [200, { regions: [{ region_id: 'ece-region' }] }],
        'POST /deployments/traffic-filter/rulesets': (_q, res) => json(res, 201, { id: RS_ID }),
      },
      [{ method: 'POST', path: TF, body }],
    );
    const argv = [
      'traffic-filters',
      'create',
      '--name',
      'vpn',
      '--source',
      '10.8.0.0/16',
      '--source',
      '2001:db8::/32',
      '--include-by-default',
      '--description',
      'VPN users',
    ];
    const r = await run(argv, { env: envFor(s) });
    assert.deepEqual(
      [r.code, r.stdout, r.stderr],
      [0, `${RS_ID}\n`, 'Created traffic filter ruleset vpn.\n'],
    );
    const dry = await run([...argv, '--dry-run'], { env: envFor(s) });
    assert.deepEqual(
      [dry.code, ua(dry.stdout), dry.stderr],
      [0, curl('POST', `${s.url}${TF}`, body), 'dry run: reading GET /api/v1/platform\n'],
    );
    assert.equal(s.requests.filter((q) => q.method === 'POST').length, 1);
    await s.close();
  });

  it('create -f: the file without what ECE adds; --region skips the platform read', async () => {
    const s = await serve(
      {
        'POST /deployments/traffic-filter/rulesets': (_q, res) => json(res, 201, { id: RS_ID }),
      },
      [
        {
          method: 'POST',
          path: TF,
          body: {
            name: 'office-network',
            description: 'The office',
            type: 'ip',
            region: 'ece-region',
            include_by_default: false,
            rules: OFFICE.rules,
          },
        },
        {
          method: 'POST',
          path: TF,
          body: {
            name: 'one',
            type: 'ip',
            region: 'west',
            include_by_default: false,
            rules: [{ source: '192.0.2.1' }],
          },
        },
      ],
    );
    const r = await run(['traffic-filters', 'create', '-f', '-', '--json'], {
      env: envFor(s),
      stdin: JSON.stringify(OFFICE),
    });
    assert.deepEqual(
      [r.code, r.stdout, r.stderr],
      [0, `{"id":"${RS_ID}"}\n`, 'Created traffic filter ruleset office-network.\n'],
    );
    const flags = await run(
      ['tf', 'create', '--name', 'one', '--source', '192.0.2.1', '--region', 'west'],
      { env: envFor(s) },
    );
    assert.equal(flags.code, 0);
    await s.close();
  });

  it('create: bad input is exit 2 before any request', async () => {
    const s = await serve({});
    const cases: [string[], string][] = [
      [
        ['--name', 'x', '--source', '10.0.0.300'],
        'invalid --source "10.0.0.300": give an IP address or a CIDR block such as 10.0.0.0/8',
      ],
      [
        ['--name', 'x', '--source', '10.0.0.0/33'],
        'invalid --source "10.0.0.0/33": give an IP address or a CIDR block such as 10.0.0.0/8',
      ],
      [['--source', '10.0.0.0/8'], 'give the ruleset a --name (or the whole ruleset with -f FILE)'],
      [['--name', 'x'], 'give at least one --source (an IP address or CIDR block)'],
      [
        ['-f', 'r.json', '--name', 'x', '--source', '10.0.0.0/8'],
        '-f cannot be combined with --name, --source: put them in the file',
      ],
    ];
    for (const [args, message] of cases) {
      const r = await run(['traffic-filters', 'create', ...args], { env: envFor(s) });
      assert.deepEqual(
        [r.code, r.stdout, r.stderr],
        [2, '', `error: ${message}\n`],
        args.join(' '),
      );
    }
    const regions = await serve({
      'GET /platform': [200, { regions: [{ region_id: 'east' }, { region_id: 'west' }] }],
    });
    const two = await run(['tf', 'create', '--name', 'x', '--source', '10.0.0.0/8'], {
      env: envFor(regions),
    });
    assert.deepEqual(
      [two.code, two.stderr],
      [2, "error: give the ruleset's --region (this installation has east, west)\n"],
    );
    assert.equal(s.requests.length, 0);
    await s.close();
  });
});
