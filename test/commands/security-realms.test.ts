// `ece security realms …`: each verb's exact request (method, path, query,
// body) checked against the spec, against the sandbox; the version read going
// back with every update and delete; and a realm's secret kept out of stdout,
// stderr, --verbose traces and --dry-run lines.

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, it } from 'node:test';
import type { Verb } from '../../src/commands/run/types.js';
import assert from '../helpers/assert.js';
import { run, tempDir } from '../helpers/cli.js';
import { planOf } from '../helpers/plan.js';
import { useSandbox } from '../helpers/sandbox.js';
import { registerSecret } from '../helpers/secrets.js';
import { eceError, json } from '../helpers/server.js';
import { requestViolations } from '../helpers/spec.js';
import { API_KEY, closeAll, envFor, serve } from './platform-admin-helpers.js';

const BASE = '/api/v1/platform/configuration/security/realms';
/** A recognisable realm secret: the audit of every run fails if it shows anywhere. */
const SECRET = 'Rlm-Bind-S3cret-4471';
const TRUSTSTORE = 'Rlm-Trust-S3cret-8812';
const LDAP = {
  id: 'corp-ldap',
  name: 'Corporate LDAP',
  urls: ['ldaps://ldap.example.com:636'],
  bind_anonymously: false,
  bind_type: 'user_search',
  bind_dn: 'cn=ece,ou=services,dc=example,dc=com',
  user_search: { base_dn: 'ou=people,dc=example,dc=com', filter: '(uid={0})' },
  role_mappings: { default_roles: ['ece_platform_viewer'], rules: [] },
};
const AD = {
  id: 'corp-ad',
  name: 'Corporate AD',
  urls: ['ldaps://ad.example.com:636'],
  domain_name: 'example.com',
  bind_anonymously: true,
};
const SAML = {
  id: 'corp-sso',
  name: 'Corporate SSO',
  idp: { entity_id: 'urn:idp', metadata_path: 'https://idp.example.com/metadata' },
  sp: { entity_id: 'urn:ece', acs: 'https://ece.example.com/acs', logout: 'https://ece/logout' },
  attributes: { principal: 'nameid', groups: 'groups' },
};

function files(docs: Record<string, unknown>): Record<string, string> {
  const dir = tempDir('ece-realms-');
  return Object.fromEntries(
    Object.entries(docs).map(([name, doc]) => {
      const path = join(dir, name);
      writeFileSync(path, JSON.stringify(doc));
      return [name, path];
    }),
  );
}

describe('security realms against the sandbox', () => {
  registerSecret(SECRET, TRUSTSTORE);
  const t = useSandbox({ deployments: 0 });
  const env = t.env;
  /** The last write the CLI sent, exactly, and that the spec accepts it. */
  const sent = (method: string, url: string, body?: unknown) => {
    const w = t.exchanges.filter((e) => e.method !== 'GET').at(-1);
    assert.deepEqual([w?.method, w?.url, w?.requestBody], [method, url, body]);
    assert.deepEqual(requestViolations(method, url, body), []);
  };

  it('ldap: create with a secrets file, list, show, reorder, update with ?version=, delete', async () => {
    const f = files({
      'realm.json': LDAP,
      'secrets.json': { bind_password: SECRET },
      'renamed.json': { ...LDAP, name: 'Corp LDAP' },
    });
    const made = await run(
      [
        'security',
        'realms',
        'ldap',
        'create',
        '-f',
        f['realm.json'] ?? '',
        '--secrets',
        f['secrets.json'] ?? '',
      ],
      { env },
    );
    assert.deepEqual(
      [made.code, made.stdout, made.stderr],
      [0, '', 'Created LDAP realm corp-ldap.\n'],
    );
    sent('POST', `${BASE}/ldap`, { ...LDAP, bind_password: SECRET });
    const list = await run(['security', 'realms', 'list'], { env });
    assert.equal(
      list.stdout,
      '1\tsso-okta\tsaml\tOkta single sign-on\tyes\thttps://example.okta.com/app/exk1/sso/saml/metadata\n' +
        '2\tcorp-ldap\tldap\tCorporate LDAP\tyes\tldaps://ldap.example.com:636\n',
    );
    const show = await run(['security', 'realms', 'ldap', 'show', 'corp-ldap'], { env });
    assert.equal(
      show.stdout,
      'id\tcorp-ldap\nname\tCorporate LDAP\nenabled\tyes\norder\t2\nurls\tldaps://ldap.example.com:636\n' +
        'bind_dn\tcn=ece,ou=services,dc=example,dc=com\nsecrets\t-\ndefault_roles\tece_platform_viewer\n',
    );
    const reorder = await run(['security', 'realms', 'reorder', 'corp-ldap'], { env });
    assert.deepEqual(
      [reorder.code, reorder.stderr],
      [0, 'Realms now tried in this order: corp-ldap, sso-okta.\n'],
    );
    sent('POST', `${BASE}/_reorder`, { realms: ['corp-ldap', 'sso-okta'] });
    const writes = t.exchanges.length;
    const again = await run(['security', 'realms', 'reorder', 'corp-ldap', 'sso-okta'], { env });
    assert.deepEqual(
      [again.code, again.stderr, t.exchanges.length - writes],
      [0, 'The realms are already in this order: corp-ldap, sso-okta.\n', 1],
    );
    const unknown = await run(['security', 'realms', 'reorder', 'nope'], { env });
    assert.deepEqual(
      [unknown.code, unknown.stderr],
      [3, 'error: no realm "nope" (the realms: corp-ldap, sso-okta)\n'],
    );
    const twice = await run(['security', 'realms', 'reorder', 'a', 'a'], { env });
    assert.deepEqual([twice.code, twice.stderr], [2, 'error: realm "a" is named twice\n']);
    // Created at version 1, moved by the reorder: 2.
    const update = await run(
      ['security', 'realms', 'ldap', 'update', 'corp-ldap', '-f', f['renamed.json'] ?? ''],
      { env },
    );
    assert.deepEqual([update.code, update.stderr], [0, 'Updated LDAP realm corp-ldap.\n']);
    sent('PUT', `${BASE}/ldap/corp-ldap?version=2`, { ...LDAP, name: 'Corp LDAP' });
    const other = await run(
      ['security', 'realms', 'ldap', 'update', 'sso-okta', '-f', f['renamed.json'] ?? ''],
      { env },
    );
    assert.deepEqual(
      [other.code, other.stderr],
      [3, 'error: The realm [sso-okta] cannot be found (security_realm.not_found)\n'],
    );
    const noTty = await run(['security', 'realms', 'ldap', 'delete', 'corp-ldap'], { env });
    assert.deepEqual(
      [noTty.code, noTty.stderr],
      [2, 'error: this needs confirmation: pass --yes to run it without a terminal\n'],
    );
    const del = await run(['security', 'realms', 'ldap', 'rm', 'corp-ldap', '--yes'], { env });
    assert.deepEqual([del.code, del.stderr], [0, 'Deleted LDAP realm corp-ldap.\n']);
    sent('DELETE', `${BASE}/ldap/corp-ldap?version=3`);
  });

  it('saml and active-directory (ad): create, show --json, update, delete, each request exact', async () => {
    for (const [kind, doc, secrets] of [
      ['saml', SAML, { ssl_certificate_url_truststore_password: TRUSTSTORE }],
      ['active-directory', AD, { certificate_url_truststore_password: TRUSTSTORE }],
    ] as const) {
      const f = files({ 'realm.json': doc, 'secrets.json': secrets });
      const made = await run(
        ['security', 'realms', kind, 'create', '-f', f['realm.json'] ?? '', '--secrets', '-'],
        { env, stdin: JSON.stringify(secrets) },
      );
      assert.equal(made.code, 0, made.stderr);
      sent('POST', `${BASE}/${kind}`, { ...doc, ...secrets });
      const shown = await run(['security', 'realms', kind, 'show', doc.id, '--json'], { env });
      // The sandbox returns no secret: the body as sent, with the order it was given (last).
      const { order, ...rest } = JSON.parse(shown.stdout) as { order: number };
      assert.deepEqual([rest, typeof order], [doc, 'number']);
      const update = await run(
        ['security', 'realms', kind === 'saml' ? 'saml' : 'ad', 'update', doc.id, '-f', '-'],
        { env, stdin: shown.stdout },
      );
      assert.equal(update.code, 0, update.stderr);
      sent('PUT', `${BASE}/${kind}/${doc.id}?version=1`, { ...doc, order });
      const del = await run(['security', 'realms', kind, 'delete', doc.id, '--yes'], { env });
      assert.equal(del.code, 0, del.stderr);
      sent('DELETE', `${BASE}/${kind}/${doc.id}?version=2`);
    }
  });

  it('the secret stays out of stdout, stderr, --verbose and --dry-run (a variable in the curl line)', async () => {
    const f = files({ 'realm.json': { ...LDAP, id: 'leak-check' } });
    const argv = ['security', 'realms', 'ldap', 'create', '-f', f['realm.json'] ?? ''];
    const dry = await run([...argv, '--secrets', '-', '--dry-run'], {
      env,
      stdin: JSON.stringify({ bind_password: SECRET }),
    });
    assert.equal(dry.code, 0, dry.stderr);
    assert.ok(!dry.stdout.includes(SECRET) && !dry.stderr.includes(SECRET), dry.stdout);
    assert.match(dry.stdout, /"\$ECE_BIND_PASSWORD"/);
    assert.match(dry.stdout, /^printf '[^']*' "\$ECE_API_KEY" /);
    const verbose = await run([...argv, '--secrets', '-', '--verbose', '--json'], {
      env,
      stdin: JSON.stringify({ bind_password: SECRET }),
    });
    assert.deepEqual([verbose.code, verbose.stdout], [0, '{}\n']);
    assert.ok(!verbose.stderr.includes(SECRET));
    assert.match(verbose.stderr, /"bind_password": "\*{8}"/);
    sent('POST', `${BASE}/ldap`, { ...LDAP, id: 'leak-check', bind_password: SECRET });
    // Asked on a terminal, hidden.
    const asked = await run(
      [
        ...argv.slice(0, -1),
        f['realm.json'] ?? '',
        '--id',
        'asked',
        '--ask',
        'bind_password',
        '--verbose',
      ],
      { env, stdin: `${SECRET}\n`, stdinTTY: true, stderrTTY: true },
    );
    assert.equal(asked.code, 0, asked.stderr);
    assert.ok(asked.stderr.startsWith('bind_password: \n'), asked.stderr);
    sent('POST', `${BASE}/ldap`, { ...LDAP, id: 'asked', bind_password: SECRET });
    const askDry = await run([...argv, '--ask', 'bind_password', '--dry-run'], { env });
    assert.deepEqual([askDry.code, askDry.stderr], [0, '']);
    assert.match(askDry.stdout, /"\$ECE_BIND_PASSWORD"/);
  });

  it('input mistakes: exit 2 before any request', async () => {
    const f = files({ 'realm.json': LDAP, 'bad.json': { bind_passwd: 'x' } });
    const start = t.exchanges.length;
    for (const [argv, message] of [
      [
        ['--ask', 'bind_password'],
        '--ask needs a terminal; without one put the secret in a file given with --secrets (- for stdin)',
      ],
      [
        ['--ask', 'bind_pw'],
        '--ask bind_pw: not a secret field of an LDAP realm (bind_password, certificate_url_truststore_password)',
      ],
      [
        ['--secrets', f['bad.json'] ?? ''],
        `${f['bad.json']}: "bind_passwd" is not a secret field of an LDAP realm (bind_password, certificate_url_truststore_password)`,
      ],
    ] as const) {
      const r = await run(
        ['security', 'realms', 'ldap', 'create', '-f', f['realm.json'] ?? '', ...argv],
        { env },
      );
      assert.deepEqual([r.code, r.stdout, r.stderr], [2, '', `error: ${message}\n`]);
    }
    const both = await run(['security', 'realms', 'saml', 'create', '-f', '-', '--secrets', '-'], {
      env,
    });
    assert.deepEqual(
      [both.code, both.stderr],
      [2, 'error: -f - and --secrets - cannot both read standard input\n'],
    );
    const noFile = await run(['security', 'realms', 'ldap', 'create'], { env });
    assert.deepEqual(
      [noFile.code, noFile.stderr],
      [2, "error: required option '-f, --file <file>' not specified\n"],
    );
    assert.equal(t.exchanges.length, start);
  });
});

describe('security realm plans, no server', () => {
  registerSecret(SECRET);

  it('create: the body as the file has it, --id over the file, the secret a variable', async () => {
    const f = files({
      'realm.json': { ...SAML, id: undefined },
      'secrets.json': { signing_certificate_url_password: SECRET },
    });
    const { plan, curls } = await planOf(
      (await import('../../src/commands/security/realms/create.js')).verbFor(
        'saml',
      ) as Verb<unknown>,
      { file: f['realm.json'], secrets: f['secrets.json'], ask: [], id: 'corp-sso' },
    );
    const body = { ...SAML, signing_certificate_url_password: SECRET };
    assert.deepEqual(
      plan.writes?.map((w) => [w.method, w.path, w.body, w.variables]),
      [
        [
          'POST',
          '/platform/configuration/security/realms/saml',
          body,
          { [SECRET]: 'ECE_SIGNING_CERTIFICATE_URL_PASSWORD' },
        ],
      ],
    );
    assert.deepEqual(requestViolations('POST', `${BASE}/saml`, body), []);
    assert.deepEqual(
      [plan.done, curls[0]?.includes(SECRET)],
      ['Created SAML realm corp-sso.', false],
    );
    const none = files({ 'realm.json': { name: 'x' } });
    await assert.rejects(
      planOf(
        (await import('../../src/commands/security/realms/create.js')).verbFor(
          'ldap',
        ) as Verb<unknown>,
        { file: none['realm.json'], ask: [] },
      ),
      /the realm needs an id: an "id" in the file, or --id/,
    );
  });
});

describe('security realms against a per-test server', () => {
  registerSecret(API_KEY, SECRET, TRUSTSTORE);
  afterEach(closeAll);
  const realm = { ...LDAP, bind_password: SECRET, certificate_url_truststore_password: TRUSTSTORE };
  const versioned = (body: unknown) => (_q: unknown, res: Parameters<typeof json>[0]) =>
    json(res, 200, body, { 'x-cloud-resource-version': '7' });

  it('show: secrets that ECE returns are masked in the table and in --json', async () => {
    const s = await serve({
      'GET /platform/configuration/security/realms/ldap/corp-ldap': versioned(realm),
    });
    const env = envFor(s);
    const table = await run(['security', 'realms', 'ldap', 'show', 'corp-ldap'], { env });
    assert.match(table.stdout, /^secrets\tbind_password,certificate_url_truststore_password$/m);
    const traced = await run(['security', 'realms', 'ldap', 'show', 'corp-ldap', '--verbose'], {
      env,
    });
    assert.match(traced.stderr, /"bind_password": "\*{8}"/);
    const j = await run(['security', 'realms', 'ldap', 'show', 'corp-ldap', '--json'], { env });
    assert.deepEqual(JSON.parse(j.stdout), {
      ...LDAP,
      bind_password: '********',
      certificate_url_truststore_password: '********',
    });
    await s.close();
  });

  it('update: a masked secret is left out; a change in between (409) is exit 5 with a hint', async () => {
    const s = await serve(
      {
        'GET /platform/configuration/security/realms/ldap/corp-ldap': versioned(realm),
        'PUT /platform/configuration/security/realms/ldap/corp-ldap': (_q, res) =>
          eceError(res, 409, 'security_realm.version_conflict', 'There is a version conflict.'),
      },
      [{ method: 'PUT', path: `${BASE}/ldap/corp-ldap?version=7`, body: LDAP }],
    );
    const r = await run(['security', 'realms', 'ldap', 'update', 'corp-ldap', '-f', '-'], {
      env: envFor(s),
      stdin: JSON.stringify({ ...LDAP, bind_password: '********' }),
    });
    assert.deepEqual(
      [r.code, r.stdout, r.stderr],
      [
        5,
        '',
        'warning: bind_password is masked in the file: left out (give it with --secrets or --ask)\n' +
          'error: There is a version conflict. (security_realm.version_conflict)\n' +
          'hint: LDAP realm corp-ldap changed since it was read: read it again (show) and run the command again\n',
      ],
    );
    await s.close();
  });
});
