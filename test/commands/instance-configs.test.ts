// `ece instance-configs list|show|create|update|delete`: exact requests,
// output and exit codes against a per-test server, then the whole life of a
// configuration against the sandbox.

import { afterEach, describe, it } from 'node:test';
import assert from '../helpers/assert.js';
import { run } from '../helpers/cli.js';
import { useSandbox } from '../helpers/sandbox.js';
import { registerSecret } from '../helpers/secrets.js';
import { eceError, json } from '../helpers/server.js';
import { API_KEY, closeAll, curl, envFor, serve, ua } from './platform-admin-helpers.js';

const BASE = '/api/v1/platform/configuration/instances';
const IC = {
  id: 'data.default',
  name: 'data.default',
  instance_type: 'elasticsearch',
  node_types: ['data', 'ingest', 'master'],
  discrete_sizes: { sizes: [1024, 2048], default_size: 2048, resource: 'memory' },
  system_owned: true,
};
const NEW = {
  name: 'data.big',
  instance_type: 'elasticsearch',
  discrete_sizes: { sizes: [8192, 16384], resource: 'memory' },
};

describe('instance-configs against a per-test server', () => {
  registerSecret(API_KEY);
  afterEach(closeAll);

  it('list: a row per configuration; --json the body as sent', async () => {
    const body = `[${JSON.stringify(IC)}]`;
    const s = await serve({ 'GET /platform/configuration/instances': [200, body] }, [
      { method: 'GET', path: `${BASE}?show_deleted=true` },
    ]);
    const r = await run(['instance-configs', 'list'], { env: envFor(s) });
    assert.deepEqual(
      [r.code, r.stdout, r.stderr],
      [0, 'data.default\tdata.default\telasticsearch\tdata,ingest,master\tmemory\t2048\tyes\n', ''],
    );
    const j = await run(['ic', 'ls', '--show-deleted', '--json'], { env: envFor(s) });
    assert.equal(j.stdout, `${body}\n`);
    await s.close();
  });

  it('show: FIELD VALUE rows; a missing one is exit 3', async () => {
    const s = await serve({
      'GET /platform/configuration/instances/data.default': [200, IC],
      'GET /platform/configuration/instances/nope': (_q, res) =>
        eceError(
          res,
          404,
          'configuration.instance_configuration_not_found',
          'Instance configuration [nope] cannot be found',
        ),
    });
    const r = await run(['instance-configs', 'show', 'data.default'], { env: envFor(s) });
    assert.equal(
      r.stdout,
      'id\tdata.default\nname\tdata.default\ntype\telasticsearch\nnode_types\tdata,ingest,master\nresource\tmemory\ndefault_size\t2048\nsizes\t1024,2048\nsystem\tyes\ndescription\t-\ndeleted_on\t-\n',
    );
    const missing = await run(['instance-configs', 'show', 'nope'], { env: envFor(s) });
    assert.deepEqual(
      [missing.code, missing.stdout, missing.stderr],
      [
        3,
        '',
        'error: Instance configuration [nope] cannot be found (configuration.instance_configuration_not_found)\n',
      ],
    );
    await s.close();
  });

  it('create: POSTs the file (without the fields ECE sets), prints the new id', async () => {
    const s = await serve(
      {
        'POST /platform/configuration/instances': (_q, res) =>
          json(res, 201, { id: '4f1ab2c3d4e5f60718293a4b5c6d7e8f' }),
      },
      [{ method: 'POST', path: BASE, body: { ...NEW, id: 'data.big' } }],
    );
    const r = await run(['instance-configs', 'create', '-f', '-', '--id', 'data.big'], {
      env: envFor(s),
      stdin: JSON.stringify({ ...NEW, config_version: 3, system_owned: true }),
    });
    assert.deepEqual(
      [r.code, r.stdout, r.stderr],
      [0, '4f1ab2c3d4e5f60718293a4b5c6d7e8f\n', 'Created instance configuration data.big.\n'],
    );
    await s.close();
  });

  it('create --dry-run: the POST as curl, nothing sent', async () => {
    const s = await serve({});
    const r = await run(['instance-configs', 'create', '-f', '-', '--dry-run'], {
      env: envFor(s),
      stdin: JSON.stringify(NEW),
    });
    assert.deepEqual(
      [r.code, ua(r.stdout), r.stderr],
      [0, curl('POST', `${s.url}${BASE}`, NEW), ''],
    );
    assert.equal(s.requests.length, 0);
    await s.close();
  });

  it('create: bad input is exit 2 before any request', async () => {
    const s = await serve({});
    const none = await run(['instance-configs', 'create'], { env: envFor(s) });
    assert.deepEqual(
      [none.code, none.stderr],
      [2, 'error: give the instance configuration with -f FILE (- for stdin)\n'],
    );
    const broken = await run(['instance-configs', 'create', '-f', '-'], {
      env: envFor(s),
      stdin: '{"name": ',
    });
    assert.equal(broken.code, 2);
    assert.match(broken.stderr, /^error: <stdin>:1:\d+: /);
    assert.equal(s.requests.length, 0);
    await s.close();
  });

  it('update: checks it exists, then PUTs the whole configuration', async () => {
    const s = await serve(
      {
        'GET /platform/configuration/instances/data.default': [200, IC],
        'PUT /platform/configuration/instances/data.default': [200, { id: 'data.default' }],
        'GET /platform/configuration/instances/nope': (_q, res) =>
          eceError(
            res,
            404,
            'configuration.instance_configuration_not_found',
            'Instance configuration [nope] cannot be found',
          ),
      },
      [
        {
          method: 'PUT',
          path: `${BASE}/data.default`,
          body: { ...NEW, name: 'data.default', id: 'data.default' },
        },
      ],
    );
    const r = await run(['instance-configs', 'update', 'data.default', '-f', '-'], {
      env: envFor(s),
      stdin: JSON.stringify({ ...NEW, name: 'data.default', system_owned: true }),
    });
    assert.deepEqual(
      [r.code, r.stdout, r.stderr],
      [0, '', 'Updated instance configuration data.default.\n'],
    );
    const other = await run(['instance-configs', 'update', 'data.default', '-f', '-'], {
      env: envFor(s),
      stdin: JSON.stringify({ ...NEW, id: 'ml' }),
    });
    assert.deepEqual(
      [other.code, other.stderr],
      [2, 'error: the file is instance configuration "ml", not "data.default"\n'],
    );
    const missing = await run(['instance-configs', 'update', 'nope', '-f', '-'], {
      env: envFor(s),
      stdin: JSON.stringify(NEW),
    });
    assert.equal(missing.code, 3);
    assert.equal(s.requests.filter((q) => q.method === 'PUT').length, 1);
    await s.close();
  });

  it('delete: needs --yes without a terminal; --dry-run shows the DELETE and never asks', async () => {
    const s = await serve(
      {
        'GET /platform/configuration/instances/data.big': [
          200,
          { ...IC, id: 'data.big', system_owned: false },
        ],
        'DELETE /platform/configuration/instances/data.big': [200, {}],
      },
      [{ method: 'DELETE', path: `${BASE}/data.big` }],
    );
    const env = envFor(s);
    const noTty = await run(['instance-configs', 'delete', 'data.big'], { env });
    assert.deepEqual(
      [noTty.code, noTty.stderr],
      [2, 'error: this needs confirmation: pass --yes to run it without a terminal\n'],
    );
    assert.equal(s.requests.length, 0);
    const dry = await run(['instance-configs', 'rm', 'data.big', '--dry-run'], { env });
    assert.deepEqual(
      [dry.code, ua(dry.stdout), dry.stderr],
      [0, curl('DELETE', `${s.url}${BASE}/data.big`), `dry run: reading GET ${BASE}/data.big\n`],
    );
    assert.deepEqual(
      s.requests.map((q) => q.method),
      ['GET'],
    );
    const del = await run(['instance-configs', 'delete', 'data.big', '--yes'], { env });
    assert.deepEqual(
      [del.code, del.stdout, del.stderr],
      [0, '', 'Deleted instance configuration data.big.\n'],
    );
    await s.close();
  });
});

describe('instance-configs against the sandbox', () => {
  const t = useSandbox({ deployments: 1 });
  const env = t.env;

  it('lists the configurations the templates use; create, update, delete one', async () => {
    const ids = await run(['instance-configs', 'list', '--query', '[].id'], { env });
    assert.equal(
      ids.stdout,
      'data.default\nmaster\nml\nkibana\napm\nappsearch\nenterprise_search\nintegrations_server\n',
    );
    const created = await run(['instance-configs', 'create', '-f', '-', '--id', 'data.big'], {
      env,
      stdin: JSON.stringify(NEW),
    });
    assert.deepEqual([created.code, created.stdout], [0, 'data.big\n']);
    const again = await run(['instance-configs', 'create', '-f', '-', '--id', 'data.big'], {
      env,
      stdin: JSON.stringify(NEW),
    });
    assert.deepEqual(
      [again.code, again.stderr],
      [
        5,
        'error: Instance configuration [data.big] already exists (configuration.instance_configuration_already_exists)\n',
      ],
    );
    const updated = await run(['instance-configs', 'update', 'data.big', '-f', '-'], {
      env,
      stdin: JSON.stringify({ ...NEW, description: 'Big data nodes' }),
    });
    assert.equal(updated.code, 0);
    const show = await run(['instance-configs', 'show', 'data.big', '--query', 'description'], {
      env,
    });
    assert.equal(show.stdout, 'Big data nodes\n');
    const badSize = await run(['instance-configs', 'update', 'data.big', '-f', '-'], {
      env,
      stdin: JSON.stringify({ ...NEW, discrete_sizes: { sizes: [] } }),
    });
    assert.deepEqual(
      [badSize.code, badSize.stderr],
      [
        5,
        'error: discrete_sizes.sizes must list positive sizes (root.invalid_data) [discrete_sizes.sizes]\n',
      ],
    );
    const system = await run(['instance-configs', 'delete', 'master', '--yes'], { env });
    assert.deepEqual(
      [system.code, system.stderr],
      [
        5,
        'error: Instance configuration [master] is system owned and cannot be deleted (configuration.system_owned)\n',
      ],
    );
    const del = await run(['instance-configs', 'delete', 'data.big', '--yes'], { env });
    assert.equal(del.code, 0);
    const gone = await run(['instance-configs', 'show', 'data.big'], { env });
    assert.equal(gone.code, 3);
    const deleted = await run(
      ['instance-configs', 'list', '--show-deleted', '--query', '[?deleted_on].id'],
      {
        env,
      },
    );
    assert.equal(deleted.stdout, 'data.big\n');
  });
});
