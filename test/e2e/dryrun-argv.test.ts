// A printed dry-run line keeps every secret out of argv: while curl runs it
// (held by a slow loopback server until the process table was read), `ps -eo
// args` shows no API key, token, password, keystore value or TLS key — and
// the request that arrives carries them exactly.

import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import assert from '../helpers/assert.js';
import { run, tempDir } from '../helpers/cli.js';
import { registerSecret } from '../helpers/secrets.js';
import { json, type Recorded, startServer, type TestServer } from '../helpers/server.js';
import { makeRsaPki } from '../helpers/tls.js';
import { makeZip } from '../helpers/zip.js';

const ID = '0123456789abcdef0123456789abcdef';
const API_KEY = 'argv-test-api-key-0042';
const TOKEN = 'argv-test-bearer-token-0042';
// Quotes, a backslash, a dollar, a percent and a line break: each must reach the server as is.
const PASSWORD = 'argv-Pa$$w0rd "q" \'s\' \\ 100%\nline2';
const COOKIE = 'argv-cookie-0042';
const KEYSTORE_VALUE = '{\n  "type": "service_account",\n  "private": "argv-ks-value-0042"\n}';
// A realm's bind password, with the same awkward characters.
const BIND = 'argv-bind-"pw" $x 100%';

/** Runs a line in sh with the secrets in its environment. */
function sh(
  line: string,
  env: Record<string, string>,
): Promise<{ code: number | null; err: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('sh', ['-c', line], {
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin', ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let err = '';
    child.stderr.on('data', (c) => {
      err += c;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, err }));
  });
}

describe('a printed dry-run line puts no secret in argv', () => {
  let server: TestServer;
  let dir: string;
  let tlsKey: string;
  let keyFile: string;
  let chainFile: string;
  /** The process table, read while each write was held. */
  const tables: string[] = [];
  before(async () => {
    const pki = await makeRsaPki(['ui.example.com']);
    tlsKey = pki.key;
    registerSecret(API_KEY, TOKEN, PASSWORD, KEYSTORE_VALUE, BIND);
    server = await startServer((req: Recorded, res) => {
      const path = req.url.split('?')[0];
      if (req.method === 'GET' && path === `/api/v1/deployments/${ID}`)
        return json(res, 200, { id: ID, name: 'd', healthy: true, resources: {} });
      if (req.method === 'GET') return json(res, 200, {});
      // curl sent the request and waits for the answer: it is running now.
      tables.push(spawnSync('ps', ['-eo', 'args'], { encoding: 'utf8' }).stdout);
      json(res, 200, {});
    });
    dir = tempDir('ece-argv-');
    keyFile = join(dir, 'key.pem');
    writeFileSync(keyFile, pki.key);
    chainFile = join(dir, 'chain.pem');
    writeFileSync(chainFile, pki.cert + pki.caCert);
  });
  after(() => server.close());

  it('ps shows none of the secrets while curl runs each line, and the server gets them exactly', async () => {
    const body = join(dir, 'user.json');
    writeFileSync(body, JSON.stringify({ user_name: 'jdoe', security: { password: PASSWORD } }));
    const pw = join(dir, 'pw.json');
    writeFileSync(pw, JSON.stringify({ password: PASSWORD }));
    const realm = {
      id: 'corp',
      name: 'Corp',
      urls: ['ldaps://l:636'],
      bind_anonymously: false,
      bind_type: 'user_search',
    };
    const realmFile = join(dir, 'realm.json');
    writeFileSync(realmFile, JSON.stringify(realm));
    const realmSecrets = join(dir, 'realm-secrets.json');
    writeFileSync(realmSecrets, JSON.stringify({ bind_password: BIND }));
    const apiKey = { ECE_HOST: server.url, ECE_API_KEY: API_KEY };
    const cases: { argv: string[]; env: Record<string, string>; stdin?: string; sent: unknown }[] =
      [
        { argv: ['deployments', 'shutdown', ID], env: apiKey, sent: undefined },
        {
          argv: ['deployments', 'shutdown', ID],
          env: { ECE_HOST: server.url, ECE_TOKEN: TOKEN },
          sent: undefined,
        },
        {
          argv: ['users', 'create', 'jdoe', '--role', 'ece_platform_viewer', '--password-stdin'],
          env: apiKey,
          stdin: PASSWORD,
          sent: {
            user_name: 'jdoe',
            security: { password: PASSWORD, roles: ['ece_platform_viewer'], enabled: true },
          },
        },
        {
          argv: ['login', '-u', 'admin', '--password-stdin'],
          env: { ECE_HOST: server.url, ECE_CONFIG_DIR: tempDir('ece-config-') },
          stdin: PASSWORD,
          sent: { username: 'admin', password: PASSWORD },
        },
        {
          argv: ['deployments', 'keystore', 'set', ID, 'x.key', '--ref-id', 'es'],
          env: apiKey,
          sent: { secrets: { 'x.key': { value: KEYSTORE_VALUE, as_file: false } } },
        },
        {
          argv: ['tls', 'set', 'ui', '--chain', chainFile, '--key', keyFile],
          env: apiKey,
          sent: undefined,
        },
        {
          argv: ['api', '-X', 'POST', '/users', '--input', body],
          env: apiKey,
          sent: { user_name: 'jdoe', security: { password: PASSWORD } },
        },
        {
          // A cookie given with -H is a secret header: in the config too (the
          // line itself holds it, as ece's argv did: only curl's argv is checked for it).
          argv: ['api', '-X', 'DELETE', '/users/auth/keys/k1', '-H', `Cookie: s=${COOKIE}`],
          env: apiKey,
          sent: undefined,
        },
        {
          argv: ['deployments', 'es', ID, 'PUT', '/_security/user/x', '-f', pw, '--ref-id', 'es'],
          env: apiKey,
          sent: { password: PASSWORD },
        },
        {
          argv: [
            'security',
            'realms',
            'ldap',
            'create',
            '-f',
            realmFile,
            '--secrets',
            realmSecrets,
          ],
          env: apiKey,
          sent: { ...realm, bind_password: BIND },
        },
      ];
    const secrets = [API_KEY, TOKEN, ...PASSWORD.split('\n'), 'argv-ks-value-0042', BIND];
    // A PEM body line is long and random: none of them may show.
    secrets.push(...tlsKey.split('\n').filter((l) => l.length > 20 && !l.startsWith('-----')));
    for (const c of cases) {
      const label = c.argv.join(' ');
      const dry = await run([...c.argv, '--dry-run'], {
        env: c.env,
        ...(c.stdin === undefined ? {} : { stdin: c.stdin }),
      });
      assert.equal(dry.code, 0, `${label}: ${dry.stderr}`);
      const start = server.requests.length;
      const table = tables.length;
      const r = await sh(dry.stdout, {
        ECE_API_KEY: API_KEY,
        ECE_TOKEN: TOKEN,
        ECE_PASSWORD: PASSWORD,
        ECE_KEYSTORE_VALUE: KEYSTORE_VALUE,
        ECE_TLS_KEY: tlsKey,
        ECE_BIND_PASSWORD: BIND,
      });
      assert.equal(r.code, 0, `${label}: ${r.err}`);
      const ps = tables[table] ?? '';
      assert.match(ps, /^curl -sS /m, `${label}: curl was running when ps was read`);
      for (const s of secrets) assert.ok(!ps.includes(s), `${label}: ps shows ${s.slice(0, 8)}…`);
      const curlArgs = ps.split('\n').filter((l) => l.startsWith('curl '));
      assert.ok(!curlArgs.some((l) => l.includes(COOKIE)), `${label}: curl's argv has the cookie`);
      const sent = server.requests.slice(start).filter((q) => q.method !== 'GET');
      assert.equal(sent.length, 1, label);
      const [w] = sent;
      assert.equal(
        w?.headers.authorization,
        c.env.ECE_TOKEN ? `Bearer ${TOKEN}` : c.env.ECE_API_KEY ? `ApiKey ${API_KEY}` : undefined,
        label,
      );
      if (c.sent !== undefined) assert.deepEqual(JSON.parse(w?.body ?? ''), c.sent, label);
      if (label.includes('Cookie')) assert.equal(w?.headers.cookie, `s=${COOKIE}`);
      else if (label.startsWith('tls'))
        assert.ok(JSON.parse(w?.body ?? '').startsWith(tlsKey.trim()), `${label}: the key as is`);
    }
  });
});

describe('a printed dry-run line does what it shows, and nothing else', () => {
  let server: TestServer;
  let dir: string;
  before(async () => {
    registerSecret(API_KEY);
    // These requests are off the specification on purpose (a bracket in an id, a text body).
    server = await startServer((_req, res) => json(res, 200, {}), { contract: false });
    dir = tempDir('ece-lines-');
  });
  after(() => server.close());
  const env = () => ({ ECE_HOST: server.url, ECE_API_KEY: API_KEY });

  /** The dry run's line, run: the requests it sent. */
  async function sent(argv: string[]): Promise<Recorded[]> {
    const dry = await run([...argv, '--dry-run'], { env: env() });
    assert.equal(dry.code, 0, dry.stderr);
    const start = server.requests.length;
    const r = await sh(dry.stdout, { ECE_API_KEY: API_KEY });
    assert.equal(r.code, 0, r.err);
    return server.requests.slice(start);
  }

  it('brackets and braces in a path are not curl globs: one request, to that path', async () => {
    const got = await sent(['api', '-X', 'DELETE', '/deployments/[1-3]{a,b}']);
    assert.deepEqual(
      got.map((q) => `${q.method} ${q.url}`),
      ['DELETE /api/v1/deployments/[1-3]{a,b}'],
    );
  });

  it('a body that starts with @ is sent as text, not read from that file', async () => {
    const body = join(dir, 'at.txt');
    writeFileSync(body, '@/etc/hostname');
    const got = await sent(['api', '-X', 'POST', '/x', '--input', body]);
    assert.deepEqual(
      got.map((q) => q.body),
      ['@/etc/hostname'],
    );
  });

  it('a comma or ;type= in an upload file name does not split the -F field', async () => {
    const pack = join(dir, 'a,b;type=text-plain.zip');
    const zip = makeZip({ 'stack.json': '{}' });
    writeFileSync(pack, zip);
    const dry = await run(['stack', 'upload', pack, '--dry-run'], { env: env() });
    assert.match(dry.stdout, / -F 'file=@"[^']*a,b;type=text-plain\.zip"'\n$/);
    const got = await sent(['stack', 'upload', pack]);
    assert.equal(got.length, 1);
    const body = got[0]?.body ?? '';
    assert.ok(body.includes('name="file"; filename="a,b;type=text-plain.zip"'), body);
    assert.ok(got[0]?.body.includes(zip.toString('utf8')), 'the file, as is');
  });

  it("tls set: the hint's path is quoted for the shell", async () => {
    const pki = await makeRsaPki(['ui.example.com']);
    const sub = join(dir, "it's a dir");
    mkdirSync(sub);
    const key = join(sub, 'k $(id).pem');
    writeFileSync(key, pki.key);
    const chain = join(dir, 'chain.pem');
    writeFileSync(chain, pki.cert + pki.caCert);
    const dry = await run(['tls', 'set', 'ui', '--chain', chain, '--key', key, '--dry-run'], {
      env: env(),
    });
    const quoted = `'${key.replace(/'/g, `'\\''`)}'`;
    assert.equal(
      dry.stderr,
      `dry run: the curl line reads the private key from $ECE_TLS_KEY: export ECE_TLS_KEY="$(cat ${quoted})"\n`,
    );
    // The hint, run, reads that very file.
    const hint = dry.stderr.slice(dry.stderr.indexOf('export '));
    const r = spawnSync('sh', ['-c', `${hint.trim()}; printf %s "$ECE_TLS_KEY"`], {
      encoding: 'utf8',
    });
    assert.equal(r.stdout, pki.key.replace(/\n+$/, ''));
  });
});
