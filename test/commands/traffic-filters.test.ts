// `ece traffic-filters list|show|create|update|delete|associate|disassociate`:
// exact requests, output and exit codes against a per-test server, then the
// life of a ruleset against the sandbox (in-process and the built binary).

import { after, afterEach, before, describe, it } from 'node:test';
import assert from '../helpers/assert.js';
import { run } from '../helpers/cli.js';
import { ece } from '../helpers/e2e.js';
import { type TestSandbox, testSandbox } from '../helpers/sandbox.js';
import { registerSecret } from '../helpers/secrets.js';
import { eceError, json } from '../helpers/server.js';
import { API_KEY, closeAll, curl, envFor, serve, ua } from './platform-admin-helpers.js';

const TF = '/api/v1/deployments/traffic-filter/rulesets';
const RS_ID = '5e1b0c0a4f0d4d3e9a8b7c6d5e4f3a2b';
const DEP_ID = '3f6c2a9e8b1d4f7a9c0e5b2d8a4f1c67';
const OFFICE = {
  id: RS_ID,
  name: 'office-network',
  description: 'The office',
  type: 'ip',
  region: 'ece-region',
  include_by_default: false,
  rules: [
    { id: 'r1', source: '203.0.113.0/24', description: 'office' },
    { id: 'r2', source: '198.51.100.7' },
  ],
  associations: [{ entity_type: 'deployment', id: DEP_ID }],
  total_associations: 1,
};
const BARE = { ...OFFICE, associations: [], total_associations: 0 };
const ROW = `${RS_ID}\toffice-network\tip\tece-region\tno\t2\t1\n`;
const search = (deployments: { id: string; name: string }[]) => ({
  'POST /deployments/_search': [
    200,
    { deployments, match_count: deployments.length, return_count: deployments.length },
  ] as [number, unknown],
});

describe('traffic-filters against a per-test server', () => {
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
      [3, '', 'error: no traffic filter ruleset is named "nope" (give its id or exact name)\n'],
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

  it('update: reads, changes only what it is told, sends the whole ruleset', async () => {
    const want = {
      name: 'office-network',
      type: 'ip',
      region: 'ece-region',
      include_by_default: false,
      description: 'The office',
      rules: [OFFICE.rules[0], { source: '192.0.2.0/24' }],
    };
    const s = await serve(
      {
        [`GET /deployments/traffic-filter/rulesets/${RS_ID}`]: [200, OFFICE],
        [`PUT /deployments/traffic-filter/rulesets/${RS_ID}`]: [200, { id: RS_ID }],
      },
      [{ method: 'PUT', path: `${TF}/${RS_ID}`, body: want }],
    );
    const argv = [
      'traffic-filters',
      'update',
      RS_ID,
      '--add-source',
      '192.0.2.0/24',
      '--remove-source',
      '198.51.100.7',
    ];
    const dry = await run([...argv, '--dry-run'], { env: envFor(s) });
    assert.deepEqual([dry.code, ua(dry.stdout)], [0, curl('PUT', `${s.url}${TF}/${RS_ID}`, want)]);
    const r = await run(argv, { env: envFor(s) });
    assert.deepEqual(
      [r.code, r.stdout, r.stderr],
      [0, '', 'Updated traffic filter ruleset office-network.\n'],
    );
    const same = await run(['tf', 'update', RS_ID, '--add-source', '198.51.100.7'], {
      env: envFor(s),
    });
    assert.deepEqual(
      [same.code, same.stderr],
      [0, 'Ruleset office-network already is as asked: nothing to change.\n'],
    );
    const missing = await run(['tf', 'update', RS_ID, '--remove-source', '10.0.0.1'], {
      env: envFor(s),
    });
    assert.deepEqual(
      [missing.code, missing.stderr],
      [2, 'error: ruleset office-network has no rule for source 10.0.0.1\n'],
    );
    const other = await run(['tf', 'update', RS_ID, '-f', '-'], {
      env: envFor(s),
      stdin: JSON.stringify({ id: 'f'.repeat(32) }),
    });
    assert.deepEqual(
      [other.code, other.stderr],
      [2, `error: the file is ruleset "${'f'.repeat(32)}", not "${RS_ID}"\n`],
    );
    assert.equal(s.requests.filter((q) => q.method === 'PUT').length, 1);
    await s.close();
  });

  it('update -f: the file replaces the fields it names', async () => {
    const s = await serve(
      {
        [`GET /deployments/traffic-filter/rulesets/${RS_ID}`]: [200, OFFICE],
        [`PUT /deployments/traffic-filter/rulesets/${RS_ID}`]: [200, { id: RS_ID }],
      },
      [
        {
          method: 'PUT',
          path: `${TF}/${RS_ID}`,
          body: {
            name: 'office',
            type: 'ip',
            region: 'ece-region',
            include_by_default: true,
            description: 'The office',
            rules: OFFICE.rules,
          },
        },
      ],
    );
    const r = await run(['traffic-filters', 'update', RS_ID, '-f', '-', '--name', 'office'], {
      env: envFor(s),
      stdin: 'include_by_default: true\n',
    });
    assert.deepEqual([r.code, r.stderr], [0, 'Updated traffic filter ruleset office.\n']);
    await s.close();
  });

  it('delete: refused (exit 5) while deployments use it; --ignore-associations deletes it', async () => {
    const s = await serve(
      {
        [`GET /deployments/traffic-filter/rulesets/${RS_ID}`]: [200, OFFICE],
        [`DELETE /deployments/traffic-filter/rulesets/${RS_ID}`]: [200, {}],
      },
      [{ method: 'DELETE', path: `${TF}/${RS_ID}?ignore_associations=true` }],
    );
    const env = envFor(s);
    const noTty = await run(['traffic-filters', 'delete', RS_ID], { env });
    assert.deepEqual(
      [noTty.code, noTty.stderr],
      [2, 'error: this needs confirmation: pass --yes to run it without a terminal\n'],
    );
    assert.equal(s.requests.length, 0);
    const used = await run(['traffic-filters', 'delete', RS_ID, '--yes'], { env });
    assert.deepEqual(
      [used.code, used.stdout, used.stderr],
      [
        5,
        '',
        'error: traffic filter ruleset office-network is associated with 1 deployment; it was not deleted\n' +
          `hint: disassociate them (ece traffic-filters disassociate ${RS_ID} <deployment>), or pass --ignore-associations\n`,
      ],
    );
    const dry = await run(['tf', 'rm', RS_ID, '--ignore-associations', '--dry-run'], { env });
    assert.deepEqual(
      [dry.code, ua(dry.stdout), dry.stderr],
      [
        0,
        curl('DELETE', `'${s.url}${TF}/${RS_ID}?ignore_associations=true'`),
        `dry run: reading GET ${TF}/${RS_ID}\n`,
      ],
    );
    assert.equal(s.requests.filter((q) => q.method === 'DELETE').length, 0);
    const del = await run(['tf', 'delete', RS_ID, '--yes', '--ignore-associations'], { env });
    assert.deepEqual(
      [del.code, del.stdout, del.stderr],
      [0, '', 'Deleted traffic filter ruleset office-network.\n'],
    );
    await s.close();
  });

  it('delete: an unused ruleset is deleted without ignore_associations', async () => {
    const s = await serve(
      {
        [`GET /deployments/traffic-filter/rulesets/${RS_ID}`]: [200, BARE],
        [`DELETE /deployments/traffic-filter/rulesets/${RS_ID}`]: [200, {}],
      },
      [{ method: 'DELETE', path: `${TF}/${RS_ID}` }],
    );
    const r = await run(['traffic-filters', 'delete', RS_ID, '--yes'], { env: envFor(s) });
    assert.equal(r.code, 0);
    assert.equal(s.requests.at(-1)?.url, `${TF}/${RS_ID}`);
    await s.close();
  });

  it('associate: POSTs the deployment; 201 made, 200 already there', async () => {
    let n = 0;
    const s = await serve(
      {
        ...search([{ id: DEP_ID, name: 'prod-logs' }]),
        'GET /deployments/traffic-filter/rulesets': [200, { rulesets: [BARE] }],
        [`POST /deployments/traffic-filter/rulesets/${RS_ID}/associations`]: (_q, res) =>
          json(res, ++n === 1 ? 201 : 200, {}),
      },
      [
        {
          method: 'POST',
          path: `${TF}/${RS_ID}/associations`,
          body: { entity_type: 'deployment', id: DEP_ID },
          times: 2,
        },
      ],
    );
    const argv = ['traffic-filters', 'associate', 'office-network', 'prod-logs'];
    const first = await run(argv, { env: envFor(s) });
    assert.deepEqual(
      [first.code, first.stdout, first.stderr],
      [0, '', 'Associated traffic filter ruleset office-network with deployment prod-logs.\n'],
    );
    const again = await run(argv, { env: envFor(s) });
    assert.deepEqual(
      [again.code, again.stderr],
      [0, 'Deployment prod-logs already uses traffic filter ruleset office-network.\n'],
    );
    const dry = await run(['tf', 'associate', RS_ID, DEP_ID, '--dry-run'], { env: envFor(s) });
    assert.deepEqual(
      [dry.code, ua(dry.stdout), dry.stderr],
      [
        0,
        curl('POST', `${s.url}${TF}/${RS_ID}/associations`, {
          entity_type: 'deployment',
          id: DEP_ID,
        }),
        '',
      ],
    );
    await s.close();
  });

  it('disassociate: DELETEs the association; not associated is exit 3', async () => {
    let n = 0;
    const path = `/deployments/traffic-filter/rulesets/${RS_ID}/associations/deployment/${DEP_ID}`;
    const s = await serve(
      {
        [`DELETE ${path}`]: (_q, res) =>
          ++n === 1
            ? json(res, 200, {})
            : eceError(res, 404, 'traffic_filter.not_found', 'The association cannot be found'),
      },
      [{ method: 'DELETE', path: `/api/v1${path}`, times: 2 }],
    );
    const argv = ['traffic-filters', 'disassociate', RS_ID, DEP_ID];
    const r = await run(argv, { env: envFor(s) });
    assert.deepEqual(
      [r.code, r.stdout, r.stderr],
      [0, '', `Removed traffic filter ruleset ${RS_ID} from deployment ${DEP_ID}.\n`],
    );
    const again = await run(argv, { env: envFor(s) });
    assert.deepEqual(
      [again.code, again.stderr],
      [3, 'error: The association cannot be found (traffic_filter.not_found)\n'],
    );
    const dry = await run([...argv, '--dry-run'], { env: envFor(s) });
    assert.deepEqual([dry.code, ua(dry.stdout)], [0, curl('DELETE', `${s.url}/api/v1${path}`)]);
    await s.close();
  });
});

describe('traffic-filters against the sandbox', () => {
  let t: TestSandbox;
  let env: Record<string, string>;
  before(async () => {
    t = await testSandbox({ deployments: 2 });
    registerSecret(t.sb.apiKey);
    env = { ECE_HOST: t.sb.url, ECE_API_KEY: t.sb.apiKey };
  });
  after(() => t.close());

  it('the seeded ruleset guards prod-logs; create, associate, update, delete another', async () => {
    const prod = t.sb.state.list().find((d) => d.name === 'prod-logs')?.id ?? '';
    const seeded = await run(['tf', 'show', 'office-network', '--query', 'associations[].id'], {
      env,
    });
    assert.equal(seeded.stdout, `${prod}\n`);
    const created = await run(['tf', 'create', '--name', 'vpn', '--source', '10.8.0.0/16'], {
      env,
    });
    assert.equal(created.code, 0);
    const id = created.stdout.trim();
    assert.match(id, /^[0-9a-f]{32}$/);
    assert.equal((await run(['tf', 'associate', 'vpn', 'prod-logs'], { env })).code, 0);
    const mine = await run(
      ['tf', 'list', '--deployment', 'prod-logs', '--query', 'rulesets[].name'],
      {
        env,
      },
    );
    assert.equal(mine.stdout, 'office-network\nvpn\n');
    const updated = await run(['tf', 'update', 'vpn', '--add-source', '192.0.2.1'], { env });
    assert.equal(updated.code, 0);
    const show = await run(['tf', 'show', 'vpn'], { env });
    assert.match(show.stdout, /^rules\t10\.8\.0\.0\/16,192\.0\.2\.1$/m);
    assert.match(show.stdout, new RegExp(`^associations\tprod-logs \\(${prod}\\)$`, 'm'));
    const refused = await run(['tf', 'delete', 'vpn', '--yes'], { env });
    assert.equal(refused.code, 5);
    assert.equal((await run(['tf', 'disassociate', 'vpn', 'prod-logs'], { env })).code, 0);
    const gone = await run(['tf', 'disassociate', 'vpn', 'prod-logs'], { env });
    assert.equal(gone.code, 3);
    const del = await run(['tf', 'delete', 'vpn', '--yes'], { env });
    assert.deepEqual([del.code, del.stderr], [0, 'Deleted traffic filter ruleset vpn.\n']);
    const list = await run(['tf', 'list', '--query', 'rulesets[].name'], { env });
    assert.equal(list.stdout, 'office-network\n');
  });

  it('the built binary: rows, exit codes, no stack trace', async () => {
    const cases: [string[], number, string | RegExp][] = [
      [['traffic-filters', 'list', '--query', 'rulesets[].name'], 0, 'office-network\n'],
      [['traffic-filters', 'show', 'nope'], 3, ''],
      [['traffic-filters', 'delete', 'office-network', '--yes'], 5, ''],
      [['traffic-filters', 'create', '--name', 'x', '--source', 'nope'], 2, ''],
      [['traffic-filters', '--help'], 0, /ece traffic-filters associate office-network prod-logs/],
    ];
    for (const [argv, code, stdout] of cases) {
      const r = await ece(argv, { env });
      assert.equal(r.code, code, `${argv.join(' ')}: ${r.stderr}`);
      if (typeof stdout === 'string') assert.equal(r.stdout, stdout, argv.join(' '));
      else assert.match(r.stdout, stdout);
      assert.ok(!/\n\s+at /.test(r.stderr), `${argv.join(' ')}: a stack trace`);
    }
  });
});
