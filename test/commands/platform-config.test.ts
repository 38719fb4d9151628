// `ece platform config-store|trust|extra-certs|domain-name|api-base-url|
// telemetry|global-templates`: each write's request checked against the
// spec (no server where the verb reads nothing, the sandbox's exchanges
// where it does), the version read sent back as ?version= and a 409 said
// as exit 5 with what to do, the extra certificate's private key never
// shown, and the verbs against the sandbox in-process.

import { after, afterEach, before, describe, it } from 'node:test';
import { verb as certDelete } from '../../src/commands/platform/certificates/delete.js';
import { verb as certSet } from '../../src/commands/platform/certificates/set.js';
import { verb as csCreate } from '../../src/commands/platform/config-store/create.js';
import { verb as csDelete } from '../../src/commands/platform/config-store/delete.js';
import { verb as domainSet } from '../../src/commands/platform/domain-name/set.js';
import { verb as telemetrySet } from '../../src/commands/platform/telemetry/set.js';
import { verb as trustCreate } from '../../src/commands/platform/trust/create.js';
import { verb as trustDelete } from '../../src/commands/platform/trust/delete.js';
import { verb as trustUpdate } from '../../src/commands/platform/trust/update.js';
import assert from '../helpers/assert.js';
import { run } from '../helpers/cli.js';
import { planOf } from '../helpers/plan.js';
import { useSandbox } from '../helpers/sandbox.js';
import { registerSecret } from '../helpers/secrets.js';
import { eceError, json } from '../helpers/server.js';
import { requestViolations, responseViolations } from '../helpers/spec.js';
import { makePki, type TestPki } from '../helpers/tls.js';
import { API_KEY, closeAll, envFor, serve } from './platform-admin-helpers.js';

const url = (path: string, query: Record<string, unknown> = {}) => {
  const qs = new URLSearchParams(
    Object.entries(query).map(([k, v]): [string, string] => [k, String(v)]),
  ).toString();
  return `http://x/api/v1${path}${qs ? `?${qs}` : ''}`;
};

let pki: TestPki;
let other: TestPki;
before(async () => {
  [pki, other] = await Promise.all([
    makePki(['certs.example.com'], [], { keyType: 'rsa' }),
    makePki(['other.example.com'], [], { keyType: 'rsa' }),
  ]);
  for (const k of [pki.key, other.key])
    registerSecret(...k.split('\n').filter((l) => !l.startsWith('-----')));
});

describe('platform configuration: the requests, against the spec', () => {
  it('writes that read nothing first: method, path, body, effect', async () => {
    const trust = { name: 'other-ece', public_ca_cert: pki.caCert, trust_by_default: true };
    const cases = [
      [
        csCreate,
        { name: 'opt.a', value: '1' },
        'POST',
        '/platform/configuration/store/opt.a',
        { value: '1' },
        'write',
      ],
      [
        csDelete,
        { name: 'opt.a' },
        'DELETE',
        '/platform/configuration/store/opt.a',
        undefined,
        'destructive',
      ],
      [
        trustCreate,
        { file: '-' },
        'POST',
        '/platform/configuration/trust-relationships',
        trust,
        'write',
      ],
      [
        trustUpdate,
        { id: 't1', file: '-' },
        'PUT',
        '/platform/configuration/trust-relationships/t1',
        { name: 'other-ece', public_ca_cert: pki.caCert, trust_by_default: true },
        'write',
      ],
      [
        certDelete,
        { id: 'star_x' },
        'DELETE',
        '/platform/configuration/security/extra_certs/star_x',
        undefined,
        'destructive',
      ],
      [telemetrySet, { state: 'off' }, 'PUT', '/phone-home/config', { enabled: false }, 'write'],
    ] as const;
    for (const [verb, raw, method, path, body, effect] of cases) {
      // update takes what `show --json` prints: the read-only fields are left out.
      const stdin = JSON.stringify({
        id: 't1',
        local: false,
        last_modified: '2026-01-01T00:00:00Z',
        ...trust,
      });
      const { plan } = await planOf(verb, raw, { stdin });
      const w = plan.writes?.[0];
      assert.deepEqual([w?.method, w?.path, w?.body], [method, path, body], path);
      assert.deepEqual(requestViolations(method, url(path), body), [], path);
      assert.equal(verb.effect, effect, path);
    }
  });

  it('checks files and values before any request (exit 2)', async () => {
    await assert.rejects(planOf(trustCreate, { file: '-' }, { stdin: '{"name": "x"}' }), {
      message: '<stdin>: "public_ca_cert" is required',
    });
    await assert.rejects(
      planOf(trustCreate, { file: '-' }, { stdin: '{"name": "x", "public_ca_cert": "nope"}' }),
      { message: '<stdin>: "public_ca_cert" is not a PEM certificate' },
    );
    await assert.rejects(planOf(csCreate, { name: 'a' }), {
      message: 'give the value with --value VALUE or --value-file FILE',
    });
    await assert.rejects(planOf(domainSet, { domain: 'not a domain' }), {
      message: 'invalid domain name "not a domain"',
    });
    await assert.rejects(planOf(telemetrySet, { state: 'maybe' }), {
      message: 'invalid state "maybe": use on or off',
    });
    await assert.rejects(planOf(certSet, { id: 'x', file: '-' }, { stdin: pki.key }), {
      message: '<stdin>: no PEM certificate in it',
    });
    await assert.rejects(
      planOf(certSet, { id: 'x', file: '-' }, { stdin: `${pki.cert}\n${other.key}` }),
      {
        message:
          '<stdin>: the private key does not belong to the first certificate (CN=certs.example.com)',
      },
    );
    assert.equal(trustDelete.effect, 'destructive');
  });
});

describe('platform configuration: versions and conflicts (a per-test server)', () => {
  afterEach(closeAll);

  it('config-store update sends the version read; a 409 is exit 5 with what to do', async () => {
    const s = await serve(
      {
        'GET /platform/configuration/store/opt.a': (_q, res) =>
          json(
            res,
            200,
            { name: 'opt.a', value: '1', changed: false },
            { 'x-cloud-resource-version': '7' },
          ),
        'PUT /platform/configuration/store/opt.a': (_q, res) =>
          eceError(
            res,
            409,
            'platform.config.store.version_conflict',
            'There is a version conflict.',
          ),
      },
      [
        {
          method: 'PUT',
          path: '/api/v1/platform/configuration/store/opt.a?version=7',
          body: { value: '2' },
        },
      ],
    );
    const r = await run(['platform', 'config-store', 'update', 'opt.a', '--value', '2'], {
      env: envFor(s),
    });
    assert.deepEqual(
      [r.code, r.stdout, r.stderr],
      [
        5,
        '',
        'error: config store option opt.a changed since it was read\nhint: read it again (ece platform config-store show opt.a) and run the command again\n',
      ],
    );
  });

  it('domain-name and api-base-url send the version read, none when nothing is configured', async () => {
    const s = await serve(
      {
        'GET /platform/configuration/networking/deployment_domain_name/kibana': (_q, res) =>
          eceError(
            res,
            404,
            'networking.cname.not_found',
            'There is no configured Deployment Domain Name',
          ),
        'PUT /platform/configuration/networking/deployment_domain_name/kibana': [
          200,
          { value: 'kb.example.com' },
        ],
        'GET /platform/configuration/api_base_url': (_q, res) =>
          json(res, 200, { value: 'https://old:12443' }, { 'x-cloud-resource-version': '3' }),
        'PUT /platform/configuration/api_base_url': (_q, res) =>
          eceError(
            res,
            409,
            'adminconsole.base_url.version_conflict',
            'There was an optimistic locking version conflict.',
          ),
      },
      [
        {
          method: 'PUT',
          path: '/api/v1/platform/configuration/networking/deployment_domain_name/kibana?skip_cascading_operations=true',
          body: { value: 'kb.example.com' },
        },
        {
          method: 'PUT',
          path: '/api/v1/platform/configuration/api_base_url?version=3',
          body: { value: 'https://new:12443' },
        },
      ],
    );
    const env = envFor(s);
    const d = await run(
      [
        'platform',
        'domain-name',
        'set',
        'kb.example.com',
        '--kind',
        'kibana',
        '--skip-cascading',
        '--yes',
      ],
      { env },
    );
    assert.deepEqual([d.code, d.stderr], [0, 'Set the kibana domain name to kb.example.com.\n']);
    const u = await run(['platform', 'api-base-url', 'set', 'https://new:12443'], { env });
    assert.deepEqual(
      [u.code, u.stderr],
      [
        5,
        'error: the API base URL changed since it was read\nhint: read it again (ece platform api-base-url show) and run the command again\n',
      ],
    );
    for (const [m, path, body] of [
      [
        'PUT',
        '/platform/configuration/networking/deployment_domain_name/kibana',
        { value: 'x.example.com' },
      ],
      ['PUT', '/platform/configuration/api_base_url', { value: 'https://new:12443' }],
    ] as const)
      assert.deepEqual(requestViolations(m, url(path, { version: '3' }), body), []);
  });

  it('domain-name set asks first (destructive): no terminal and no --yes is exit 2, nothing read', async () => {
    const s = await serve({});
    const r = await run(['platform', 'domain-name', 'set', 'ece.example.com'], { env: envFor(s) });
    assert.deepEqual(
      [r.code, r.stderr],
      [2, 'error: this needs confirmation: pass --yes to run it without a terminal\n'],
    );
  });
});

describe('platform configuration against the sandbox', () => {
  const t = useSandbox();
  const env = t.env;
  registerSecret(API_KEY);
  after(closeAll);

  it('config store: create, update with the version read, show, delete', async () => {
    const none = await run(['platform', 'config-store', 'list', '--json'], { env });
    assert.deepEqual([none.code, none.stdout], [0, '{"values":[]}\n']);
    const c = await run(['platform', 'config-store', 'create', 'opt.a', '--value-file', '-'], {
      env,
      stdin: 'one\n',
    });
    assert.deepEqual([c.code, c.stderr], [0, 'Created config store option opt.a.\n']);
    const again = await run(['platform', 'config-store', 'create', 'opt.a', '--value', 'x'], {
      env,
    });
    assert.deepEqual(
      [again.code, again.stderr],
      [
        5,
        'error: Config Store Option [opt.a] already exists (platform.config.store.already_exists)\nhint: it exists: change it with ece platform config-store update opt.a\n',
      ],
    );
    const u = await run(['platform', 'config-store', 'update', 'opt.a', '--value', 'two'], { env });
    assert.deepEqual([u.code, u.stderr], [0, 'Updated config store option opt.a.\n']);
    const put = t.exchanges.filter((e) => e.method === 'PUT' && e.url.includes('/store/'));
    assert.deepEqual(
      put.map((e) => e.url),
      ['/api/v1/platform/configuration/store/opt.a?version=1'],
    );
    const list = await run(['platform', 'config-store', 'list'], { env });
    assert.equal(list.stdout, 'opt.a\ttwo\tyes\n');
    const d = await run(['platform', 'config-store', 'delete', 'opt.a', '--yes'], { env });
    assert.deepEqual([d.code, d.stderr], [0, 'Deleted config store option opt.a.\n']);
  });

  it('trust relationships: create, show, update, delete', async () => {
    const trust = JSON.stringify({
      name: 'other-ece',
      public_ca_cert: pki.caCert,
      installation_id: 'inst-2',
    });
    const c = await run(['platform', 'trust', 'create', '-f', '-', '--json'], {
      env,
      stdin: trust,
    });
    assert.equal(c.code, 0, c.stderr);
    const id = (JSON.parse(c.stdout) as { id: string }).id;
    assert.equal(c.stderr, `Created trust relationship other-ece (${id}).\n`);
    const list = await run(['platform', 'trust', 'list', '--query', 'trust_relationships[].name'], {
      env,
    });
    assert.equal(list.stdout, 'ECE sandbox (this installation)\nother-ece\n');
    const u = await run(['platform', 'trust', 'update', id, '-f', '-'], {
      env,
      stdin: '{"trust_by_default": true}',
    });
    assert.deepEqual([u.code, u.stderr], [0, `Updated trust relationship ${id}.\n`]);
    const shown = await run(['platform', 'trust', 'show', id], { env });
    assert.match(
      shown.stdout,
      new RegExp(`^id\\t${id}\\nname\\tother-ece\\nlocal\\tno\\ntrust_all\\tyes\\n`),
    );
    assert.match(shown.stdout, /\nca_subject\t.*\n$/);
    const d = await run(['platform', 'trust', 'delete', id, '--yes'], { env });
    assert.deepEqual([d.code, d.stderr], [0, `Deleted trust relationship "other-ece" (${id}).\n`]);
  });

  it("extra certificates: the key never shown; a replacement asks; a dry run names the key's variable", async () => {
    const bundle = `${pki.cert}\n${pki.key}`;
    const dry = await run(
      ['platform', 'extra-certs', 'set', 'star_example', '-f', '-', '--dry-run'],
      { env, stdin: bundle },
    );
    assert.equal(dry.code, 0, dry.stderr);
    assert.match(dry.stdout, /\$ECE_EXTRA_CERT_KEY/);
    assert.match(
      dry.stdout,
      /-X PUT .*\/platform\/configuration\/security\/extra_certs\/star_example .*Content-Type: application\/text/,
    );
    assert.ok(!dry.stdout.includes('PRIVATE KEY-----\n'));
    const add = await run(
      ['platform', 'extra-certs', 'set', 'star_example', '-f', '-', '--verbose'],
      { env, stdin: bundle },
    );
    assert.equal(add.code, 0, add.stderr);
    assert.match(
      add.stderr,
      /Added extra certificate star_example \(CN=certs\.example\.com, valid until \S+\)\.\n$/,
    );
    assert.ok(!add.stderr.includes(pki.key.split('\n')[1] ?? '-'));
    const replace = await run(['platform', 'extra-certs', 'set', 'star_example', '-f', '-'], {
      env,
      stdin: bundle,
    });
    assert.deepEqual(
      [replace.code, replace.stderr],
      [2, 'error: this needs confirmation: pass --yes to run it without a terminal\n'],
    );
    const list = await run(['platform', 'extra-certs', 'list'], { env });
    assert.match(list.stdout, /^star_example\tCN=certs\.example\.com\t\S+\t1\n$/);
    const kept = await run(['platform', 'extra-certs', 'show', 'star_example', '--json'], { env });
    assert.deepEqual(JSON.parse(kept.stdout), { chain: [pki.cert.trim()] });
    const d = await run(['platform', 'extra-certs', 'delete', 'star_example', '--yes'], { env });
    assert.deepEqual([d.code, d.stderr], [0, 'Deleted extra certificate star_example.\n']);
  });

  it('domain name, API base URL, telemetry, global templates', async () => {
    const shown = await run(['platform', 'domain-name', 'show'], { env });
    assert.equal(shown.stdout, 'kind\tdefault\nvalue\t192.168.44.10.ip.es.io\n');
    const set = await run(['platform', 'domain-name', 'set', 'ece.example.com', '--yes'], { env });
    assert.deepEqual(
      [set.code, set.stderr],
      [0, 'Set the deployment domain name to ece.example.com.\n'],
    );
    const none = await run(['platform', 'domain-name', 'show', '--kind', 'kibana'], { env });
    assert.equal(none.code, 3);
    const base = await run(['platform', 'api-base-url', 'set', 'https://ece.example.com:12443'], {
      env,
    });
    assert.deepEqual(
      [base.code, base.stderr],
      [0, 'Set the API base URL to https://ece.example.com:12443.\n'],
    );
    const urls = t.exchanges
      .filter((e) => e.method === 'PUT' && /api_base_url|deployment_domain_name/.test(e.url))
      .map((e) => e.url);
    assert.deepEqual(urls, [
      '/api/v1/platform/configuration/networking/deployment_domain_name?version=1',
      '/api/v1/platform/configuration/api_base_url?version=1',
    ]);
    const off = await run(['platform', 'telemetry', 'set', 'off'], { env });
    assert.deepEqual([off.code, off.stderr], [0, 'Telemetry is off.\n']);
    const tel = await run(['platform', 'telemetry', 'show', '--json'], { env });
    assert.equal(tel.stdout, '{"enabled":false}\n');
    const g = await run(
      ['platform', 'global-templates', '--query', '[].regions[].deployment_template_id'],
      { env },
    );
    assert.equal(g.stdout, 'default\nobservability\nsecurity\nenterprise-search\n');
  });

  it("the sandbox's answers validate against the spec", () => {
    const mine = t.exchanges.filter((e) =>
      /configuration\/(store|trust-relationships|security\/extra_certs|networking|api_base_url|templates\/deployments\/global)|phone-home/.test(
        e.url,
      ),
    );
    assert.ok(mine.length > 20);
    for (const e of mine)
      assert.deepEqual(
        responseViolations(e.method, `http://x${e.url}`, e.status, e.body),
        [],
        `${e.method} ${e.url} ${e.status}`,
      );
  });
});
