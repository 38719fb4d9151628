// `ece templates list|show|create|update|delete` and their region: exact
// requests, output and exit codes against a per-test server, then a
// template's whole life against the sandbox.

import { afterEach, describe, it } from 'node:test';
import assert from '../helpers/assert.js';
import { run } from '../helpers/cli.js';
import { createRequest, useSandbox } from '../helpers/sandbox.js';
import { registerSecret } from '../helpers/secrets.js';
import { eceError, json } from '../helpers/server.js';
import { API_KEY, closeAll, curl, envFor, serve, ua } from './platform-admin-helpers.js';

const BASE = '/api/v1/deployments/templates';
const PLATFORM = { version: '3.8.0', regions: [{ region_id: 'us-east-1' }] };
const RESOURCES = {
  elasticsearch: [
    {
      ref_id: 'main-elasticsearch',
      region: 'us-east-1',
      plan: { cluster_topology: [], elasticsearch: { version: '8.15.1' } },
    },
  ],
};
const TEMPLATE = {
  id: 'logs',
  name: 'Logs',
  description: 'Hot-warm logging',
  system_owned: false,
  deployment_template: { resources: RESOURCES },
  instance_configurations: [{ name: 'data.default', discrete_sizes: { sizes: [1024] } }],
};
const BODY = {
  name: 'Logs',
  description: 'Hot-warm logging',
  deployment_template: { resources: RESOURCES },
};
/** A dry run's curl line for a URL with a query (the shell needs it quoted). */
const curlQ = (method: string, url: string, body?: unknown) => curl(method, `'${url}'`, body);
const notFound = (_q: unknown, res: Parameters<typeof eceError>[0]) =>
  eceError(res, 404, 'templates.template_not_found', 'Template [nope] cannot be found');

describe('templates against a per-test server', () => {
  registerSecret(API_KEY);
  afterEach(closeAll);

  it("list: the installation's region from GET /platform; --region skips that read", async () => {
    const s = await serve(
      { 'GET /platform': [200, PLATFORM], 'GET /deployments/templates': [200, [TEMPLATE]] },
      [
        { method: 'GET', path: '/api/v1/platform', times: 1 },
        { method: 'GET', path: `${BASE}?region=us-east-1`, times: 2 },
      ],
    );
    const r = await run(['templates', 'list'], { env: envFor(s) });
    assert.deepEqual(
      [r.code, r.stdout, r.stderr],
      [0, 'logs\tLogs\telasticsearch\tno\tHot-warm logging\n', ''],
    );
    const j = await run(['templates', 'ls', '--region', 'us-east-1', '--json'], { env: envFor(s) });
    assert.equal(j.stdout, `${JSON.stringify([TEMPLATE])}\n`);
    assert.deepEqual(
      s.requests.map((q) => q.url),
      ['/api/v1/platform', `${BASE}?region=us-east-1`, `${BASE}?region=us-east-1`],
    );
    await s.close();
  });

  it('show: FIELD VALUE rows in the region; several regions or an empty --region are exit 2', async () => {
    const s = await serve({
      'GET /platform': [200, { regions: [{ region_id: 'a' }, { region_id: 'b' }] }],
      'GET /deployments/templates/logs': [200, TEMPLATE],
      'GET /deployments/templates/nope': notFound,
      'GET /deployments/templates/Logs': notFound,
      'GET /deployments/templates': [200, [TEMPLATE]],
    });
    const env = envFor(s);
    const r = await run(['templates', 'show', 'logs', '--region', 'a'], { env });
    assert.equal(
      r.stdout,
      'id\tlogs\nname\tLogs\nkinds\telasticsearch\nsystem\tno\ndescription\tHot-warm logging\ninstance_configurations\tdata.default\n',
    );
    const many = await run(['templates', 'show', 'logs'], { env });
    assert.deepEqual(
      [many.code, many.stderr],
      [2, 'error: this installation has regions a, b: pick one with --region\n'],
    );
    const empty = await run(['templates', 'show', 'logs', '--region', ''], { env });
    assert.deepEqual([empty.code, empty.stderr], [2, 'error: --region is empty\n']);
    const missing = await run(['templates', 'show', 'nope', '--region', 'a'], { env });
    assert.deepEqual(
      [missing.code, missing.stderr],
      [3, 'error: no deployment template has the id or name "nope"\n'],
    );
    // By its exact name: the read by id is a 404, then the list, then the read.
    const before = s.requests.length;
    const named = await run(['templates', 'show', 'Logs', '--region', 'a', '--json'], { env });
    assert.deepEqual([named.code, named.stdout], [0, `${JSON.stringify(TEMPLATE)}\n`]);
    assert.deepEqual(
      s.requests.slice(before).map((q) => q.url),
      [`${BASE}/Logs?region=a`, `${BASE}?region=a`, `${BASE}/logs?region=a`],
    );
    await s.close();
  });

  it('create: POSTs the file without the fields ECE sets and prints the id; --id is a create-only PUT', async () => {
    const s = await serve(
      {
        'GET /platform': [200, PLATFORM],
        'POST /deployments/templates': (_q, res) => json(res, 201, { id: 'a1b2c3' }),
        'PUT /deployments/templates/logs': (_q, res) => json(res, 201, { id: 'logs' }),
      },
      [
        { method: 'POST', path: `${BASE}?region=us-east-1`, body: BODY },
        { method: 'PUT', path: `${BASE}/logs?region=us-east-1&create_only=true`, body: BODY },
      ],
    );
    const env = envFor(s);
    const posted = await run(['templates', 'create', '-f', '-'], {
      env,
      stdin: JSON.stringify({ ...TEMPLATE, id: undefined }),
    });
    assert.deepEqual(
      [posted.code, posted.stdout, posted.stderr],
      [0, 'a1b2c3\n', 'Created deployment template Logs.\n'],
    );
    const put = await run(['templates', 'create', '-f', '-'], {
      env,
      stdin: JSON.stringify(TEMPLATE),
    });
    assert.deepEqual([put.code, put.stdout], [0, 'logs\n']);
    await s.close();
  });

  it('create: bad input is exit 2 before any request; --dry-run shows the write', async () => {
    const s = await serve({ 'GET /platform': [200, PLATFORM] });
    const env = envFor(s);
    const none = await run(['templates', 'create'], { env });
    assert.deepEqual(
      [none.code, none.stderr],
      [2, 'error: give the template with -f FILE (- for stdin)\n'],
    );
    const noDt = await run(['templates', 'create', '-f', '-'], { env, stdin: '{"name":"x"}' });
    assert.deepEqual(
      [noDt.code, noDt.stderr],
      [2, 'error: the template needs a deployment_template object (resources per kind)\n'],
    );
    assert.equal(s.requests.length, 0);
    const dry = await run(['templates', 'create', '-f', '-', '--dry-run'], {
      env,
      stdin: JSON.stringify(BODY),
    });
    assert.deepEqual(
      [dry.code, ua(dry.stdout), dry.stderr],
      [
        0,
        curlQ('POST', `${s.url}${BASE}?region=us-east-1`, BODY),
        'dry run: reading GET /api/v1/platform\n',
      ],
    );
    await s.close();
  });

  it('update: reads the template and its version, PUTs with ?version=; a conflict is exit 5', async () => {
    let conflict = false;
    const s = await serve(
      {
        'GET /deployments/templates/logs': (_q, res) =>
          json(res, 200, TEMPLATE, { 'x-cloud-resource-version': '3' }),
        'PUT /deployments/templates/logs': (_q, res) =>
          conflict
            ? eceError(res, 409, 'templates.version_conflict', 'Template [logs] changed')
            : json(res, 200, { id: 'logs' }),
        'GET /deployments/templates/nope': notFound,
        'GET /deployments/templates': [200, [TEMPLATE]],
      },
      [
        {
          method: 'PUT',
          path: `${BASE}/logs?region=r1&version=3`,
          body: { ...BODY, description: 'Thirty days' },
          times: 2,
        },
      ],
    );
    const env = envFor(s);
    const r = await run(
      ['templates', 'update', 'logs', '--region', 'r1', '--description', 'Thirty days'],
      { env },
    );
    assert.deepEqual([r.code, r.stdout, r.stderr], [0, '', 'Updated deployment template logs.\n']);
    const fromFile = await run(['templates', 'update', 'logs', '--region', 'r1', '-f', '-'], {
      env,
      stdin: JSON.stringify({ ...TEMPLATE, description: 'Thirty days' }),
    });
    assert.equal(fromFile.code, 0);
    const other = await run(['templates', 'update', 'logs', '--region', 'r1', '-f', '-'], {
      env,
      stdin: JSON.stringify({ ...TEMPLATE, id: 'metrics' }),
    });
    assert.deepEqual(
      [other.code, other.stderr],
      [2, 'error: the file is template "metrics", not "logs"\n'],
    );
    const nothing = await run(['templates', 'update', 'logs', '--region', 'r1'], { env });
    assert.deepEqual(
      [nothing.code, nothing.stderr],
      [2, 'error: give the template with -f FILE, or --name or --description\n'],
    );
    const missing = await run(['templates', 'update', 'nope', '--region', 'r1', '--name', 'x'], {
      env,
    });
    assert.deepEqual(
      [missing.code, missing.stderr],
      [3, 'error: no deployment template has the id or name "nope"\n'],
    );
    conflict = true;
    const lost = await run(['templates', 'update', 'logs', '--region', 'r1', '--name', 'Logs 2'], {
      env,
    });
    assert.deepEqual(
      [lost.code, lost.stderr],
      [5, 'error: Template [logs] changed (templates.version_conflict)\n'],
    );
    await s.close();
  });

  it('delete: needs --yes without a terminal; --dry-run never asks; ECE refusing is exit 5', async () => {
    let refuse = false;
    const s = await serve(
      {
        'GET /deployments/templates/logs': [200, TEMPLATE],
        'DELETE /deployments/templates/logs': (_q, res) =>
          refuse
            ? eceError(
                res,
                400,
                'templates.template_in_use',
                'Template [logs] is in use by deployments [a]',
              )
            : json(res, 200, {}),
      },
      [{ method: 'DELETE', path: `${BASE}/logs?region=r1`, times: 2 }],
    );
    const env = envFor(s);
    const noTty = await run(['templates', 'delete', 'logs', '--region', 'r1'], { env });
    assert.deepEqual(
      [noTty.code, noTty.stderr],
      [2, 'error: this needs confirmation: pass --yes to run it without a terminal\n'],
    );
    assert.equal(s.requests.length, 0);
    const dry = await run(['templates', 'rm', 'logs', '--region', 'r1', '--dry-run'], { env });
    assert.deepEqual(
      [dry.code, ua(dry.stdout), dry.stderr],
      [0, curlQ('DELETE', `${s.url}${BASE}/logs?region=r1`), `dry run: reading GET ${BASE}/logs\n`],
    );
    const del = await run(['templates', 'delete', 'logs', '--region', 'r1', '--yes'], { env });
    assert.deepEqual(
      [del.code, del.stdout, del.stderr],
      [0, '', 'Deleted deployment template logs.\n'],
    );
    refuse = true;
    const used = await run(['templates', 'delete', 'logs', '--region', 'r1', '--yes'], { env });
    assert.deepEqual(
      [used.code, used.stderr],
      [5, 'error: Template [logs] is in use by deployments [a] (templates.template_in_use)\n'],
    );
    await s.close();
  });
});

describe('templates against the sandbox', () => {
  const t = useSandbox({ deployments: 1 });
  const env = t.env;

  it('copies a system template, renames it, refuses deletes ECE refuses, deletes it', async () => {
    const copy = await run(['templates', 'show', 'default', '--json'], { env });
    const created = await run(['templates', 'create', '-f', '-', '--id', 'logs'], {
      env,
      stdin: copy.stdout.replace('"name":"Default"', '"name":"Logs"'),
    });
    assert.deepEqual([created.code, created.stdout], [0, 'logs\n']);
    const again = await run(['templates', 'create', '-f', '-', '--id', 'logs'], {
      env,
      stdin: copy.stdout,
    });
    assert.deepEqual(
      [again.code, again.stderr],
      [5, 'error: Template [logs] already exists (templates.already_exists)\n'],
    );
    const renamed = await run(['templates', 'update', 'logs', '--description', 'Logs, 30 days'], {
      env,
    });
    assert.equal(renamed.code, 0, renamed.stderr);
    const list = await run(
      ['templates', 'list', '--query', "[?id=='logs'].[name,description,system_owned]"],
      {
        env,
      },
    );
    assert.equal(list.stdout, 'Logs\tLogs, 30 days\tfalse\n');
    const system = await run(['templates', 'delete', 'default', '--yes'], { env });
    assert.deepEqual(
      [system.code, system.stderr],
      [
        5,
        'error: Template [default] is system owned and cannot be deleted (templates.system_owned)\n',
      ],
    );
    // A deployment built on it keeps it in use.
    const d = createRequest('on-logs', ['elasticsearch']);
    const es = (d.resources as Record<string, { plan: Record<string, unknown> }[]>)
      .elasticsearch?.[0];
    if (es) es.plan.deployment_template = { id: 'logs' };
    const made = await run(['deployments', 'create', '-f', '-'], { env, stdin: JSON.stringify(d) });
    assert.equal(made.code, 0, made.stderr);
    const used = await run(['templates', 'delete', 'logs', '--yes'], { env });
    assert.deepEqual(
      [used.code, used.stderr],
      [
        5,
        'error: Template [logs] is in use by deployments [on-logs] (templates.template_in_use)\n',
      ],
    );
    // Without an id in the file ECE picks one.
    const { id: _id, ...noId } = JSON.parse(copy.stdout) as Record<string, unknown>;
    const posted = await run(['templates', 'create', '-f', '-'], {
      env,
      stdin: JSON.stringify(noId),
    });
    assert.equal(posted.code, 0, posted.stderr);
    const gone = await run(['templates', 'delete', posted.stdout.trim(), '--yes'], { env });
    assert.deepEqual(
      [gone.code, gone.stderr],
      [0, `Deleted deployment template ${posted.stdout.trim()}.\n`],
    );
    const missing = await run(['templates', 'show', posted.stdout.trim()], { env });
    assert.equal(missing.code, 3);
  });
});
