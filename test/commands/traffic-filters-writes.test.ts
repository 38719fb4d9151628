// `ece traffic-filters update|delete|associate|disassociate`: exact
// requests (read-modify-write, ignore_associations, the association body),
// output and exit codes against a per-test server.

import { afterEach, describe, it } from 'node:test';
import assert from '../helpers/assert.js';
import { run } from '../helpers/cli.js';
import { registerSecret } from '../helpers/secrets.js';
import { eceError, json } from '../helpers/server.js';
import { API_KEY, closeAll, curl, envFor, serve, ua } from './platform-admin-helpers.js';
import { BARE, DEP_ID, OFFICE, RS_ID, search, TF } from './traffic-filters-fixtures.js';

describe('traffic-filters update, delete, associate against a per-test server', () => {
  registerSecret(API_KEY);
  afterEach(closeAll);

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

  it('update with nothing to change is exit 2 before any request', async () => {
    const s = await serve({});
    const r = await run(['traffic-filters', 'update', RS_ID], { env: envFor(s) });
    assert.deepEqual(
      [r.code, r.stdout, r.stderr],
      [
        2,
        '',
        'error: nothing to update: give -f or at least one of --name, --description, --[no-]include-by-default, --add-source, --remove-source\n',
      ],
    );
    assert.equal(s.requests.length, 0);
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
