// `ece tls show|set`: the certificate read from the chain ECE returns; the
// files checked locally (exit 2) before anything is sent; the private key
// never shown, and a dry run's curl line that really sends the same chain
// with the key from $ECE_TLS_KEY. Then against the sandbox.

import { createPrivateKey, generateKeyPairSync, X509Certificate } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, before, describe, it } from 'node:test';
import { verb as set } from '../../src/commands/tls/set.js';
import assert from '../helpers/assert.js';
import { run, tempDir } from '../helpers/cli.js';
import { planOf } from '../helpers/plan.js';
import { useSandbox } from '../helpers/sandbox.js';
import { registerSecret } from '../helpers/secrets.js';
import { shell } from '../helpers/shell.js';
import { makePki, type TestPki } from '../helpers/tls.js';
import {
  API_KEY,
  closeAll,
  envFor,
  inConfig,
  secretCurl,
  secretVar,
  serve,
  ua,
} from './platform-admin-helpers.js';

const BASE = '/platform/configuration/security/tls';
const block = (pem: string) => pem.trim();
/** The key as ECE takes it and set sends it: PKCS#1. */
const pkcs1 = (pem: string) =>
  String(createPrivateKey(pem).export({ type: 'pkcs1', format: 'pem' })).trim();

describe('tls against a per-test server', () => {
  let pki: TestPki;
  let other: TestPki;
  let dir: string;
  const file = (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };
  before(async () => {
    registerSecret(API_KEY);
    // RSA, as ECE takes; selfsigned writes the keys as PKCS#8, which set converts.
    [pki, other] = await Promise.all([
      makePki(['ui.example.com'], ['10.0.0.1'], { keyType: 'rsa' }),
      makePki(['other.example.com'], [], { keyType: 'rsa' }),
    ]);
    dir = tempDir('ece-tls-');
    for (const k of [pki.key, other.key])
      registerSecret(...k.split('\n').filter((l) => !l.startsWith('-----')));
  });
  afterEach(closeAll);

  it('show: subject, issuer, validity, SANs and who supplied it; --json is the body', async () => {
    const body = {
      user_supplied: true,
      chain: [pki.cert, pki.caCert],
      chain_status: { expiration_date: '2027-01-01T00:00:00Z', first_certificate_to_expire: 'x' },
      api_managed: true,
    };
    const s = await serve({ [`GET ${BASE}/ui`]: [200, body] });
    const env = envFor(s);
    const x = new X509Certificate(pki.cert);
    const r = await run(['tls', 'show', 'ui'], { env });
    assert.deepEqual(
      [r.code, r.stdout, r.stderr],
      [
        0,
        [
          'service\tui',
          'user_supplied\tyes',
          'subject\tCN=ui.example.com',
          'issuer\tCN=ECE sandbox CA',
          `not_before\t${new Date(x.validFrom).toISOString()}`,
          `not_after\t${new Date(x.validTo).toISOString()}`,
          'sans\tDNS:ui.example.com,IP Address:10.0.0.1',
          `fingerprint_sha256\t${x.fingerprint256}`,
          'chain\t2 certificates',
          'chain_expires\t2027-01-01T00:00:00.000Z',
          'api_managed\tyes',
          '',
        ].join('\n'),
        '',
      ],
    );
    const json = await run(['tls', 'show', 'ui', '--json'], { env });
    assert.equal(json.stdout, `${JSON.stringify(body)}\n`);
    const bad = await run(['tls', 'show', 'mail'], { env });
    assert.deepEqual(
      [bad.code, bad.stderr],
      [2, 'error: invalid service "mail": use ui, proxy, adminconsole, internalca\n'],
    );
  });

  it('set plans one POST of the PKCS#1 key and the chain; a dry run says how to set $ECE_TLS_KEY', async () => {
    const chain = file('plan-chain.pem', pki.cert + pki.caCert);
    const key = file('plan-key.pem', pki.key);
    const { plan, stderr } = await planOf(
      set,
      { service: 'ui', chain, key },
      {
        flags: { dryRun: true },
      },
    );
    const sent = `${pkcs1(pki.key)}\n${block(pki.cert)}\n${block(pki.caCert)}\n`;
    assert.deepEqual(
      plan.writes?.map((w) => [w.method, w.path, w.body]),
      [['POST', `${BASE}/ui`, JSON.stringify(sent)]],
    );
    const until = new Date(new X509Certificate(pki.cert).validTo).toISOString();
    assert.equal(
      plan.confirm,
      `Replace the ui certificate with CN=ui.example.com (valid until ${until})? ECE restarts the ui service.`,
    );
    assert.equal(
      stderr,
      `dry run: the curl line reads the private key from $ECE_TLS_KEY: export ECE_TLS_KEY="$(openssl pkey -traditional -in ${key})"\n`,
    );
  });

  it('set: files that do not parse or match are exit 2 before any request', async () => {
    const s = await serve({});
    const env = envFor(s);
    const chain = file('chain.pem', pki.cert + pki.caCert);
    const key = file('key.pem', pki.key);
    const { privateKey: encrypted } = generateKeyPairSync('ec', {
      namedCurve: 'P-256',
      publicKeyEncoding: { type: 'spki', format: 'pem' },
      privateKeyEncoding: { type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'pw' },
    });
    const expired = await makePki(['old.example.com'], [], {
      keyType: 'rsa',
      notBefore: new Date('2020-01-01T00:00:00Z'),
      notAfter: new Date('2021-01-01T00:00:00Z'),
    });
    registerSecret(...expired.key.split('\n').filter((l) => !l.startsWith('-----')));
    const ecKey = (await makePki(['ui.example.com'], [])).key;
    const sec1Key = generateKeyPairSync('ec', {
      namedCurve: 'P-256',
      publicKeyEncoding: { type: 'spki', format: 'pem' },
      privateKeyEncoding: { type: 'sec1', format: 'pem' },
    }).privateKey;
    const encryptedPkcs1 = generateKeyPairSync('rsa', {
      modulusLength: 2048,
      publicKeyEncoding: { type: 'spki', format: 'pem' },
      privateKeyEncoding: { type: 'pkcs1', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'pw' },
    }).privateKey;
    for (const k of [ecKey, sec1Key, encryptedPkcs1])
      registerSecret(
        ...k
          .split('\n')
          .filter((l) => l.length >= 16 && !l.startsWith('-----') && !l.includes(':')),
      );
    const cases: [string[], string][] = [
      [
        ['tls', 'set', 'adminconsole', '--chain', chain, '--key', key],
        'invalid service "adminconsole": use ui or proxy',
      ],
      [
        ['tls', 'set', 'ui', '--chain', chain],
        'give the certificate chain with --chain FILE and its key with --key FILE',
      ],
      [
        ['tls', 'set', 'ui', '--chain', join(dir, 'none.pem'), '--key', key],
        `cannot read ${join(dir, 'none.pem')}: no such file`,
      ],
      [
        ['tls', 'set', 'ui', '--chain', file('empty.pem', 'hello\n'), '--key', key],
        `${join(dir, 'empty.pem')}: no PEM certificate in it`,
      ],
      [
        [
          'tls',
          'set',
          'ui',
          '--chain',
          file('broken.pem', '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n'),
          '--key',
          key,
        ],
        `${join(dir, 'broken.pem')}: certificate 1 is not a valid X.509 certificate`,
      ],
      [
        ['tls', 'set', 'ui', '--chain', file('withkey.pem', pki.key + pki.cert), '--key', key],
        `${join(dir, 'withkey.pem')} holds a private key: give the key with --key and only certificates in --chain`,
      ],
      [
        ['tls', 'set', 'ui', '--chain', chain, '--key', chain],
        `${chain}: no PEM private key in it`,
      ],
      [
        ['tls', 'set', 'ui', '--chain', chain, '--key', file('enc.pem', encrypted)],
        `${join(dir, 'enc.pem')}: the key is encrypted; ECE needs it without a passphrase`,
      ],
      [
        ['tls', 'set', 'ui', '--chain', chain, '--key', file('ec.pem', ecKey)],
        `${join(dir, 'ec.pem')}: ECE takes an RSA private key, and this is an EC key; make an RSA key (openssl genrsa) and a certificate for it`,
      ],
      [
        ['tls', 'set', 'ui', '--chain', chain, '--key', file('sec1.pem', sec1Key)],
        `${join(dir, 'sec1.pem')}: ECE takes an RSA private key, and this is an EC key; make an RSA key (openssl genrsa) and a certificate for it`,
      ],
      [
        ['tls', 'set', 'ui', '--chain', chain, '--key', file('enc1.pem', encryptedPkcs1)],
        `${join(dir, 'enc1.pem')}: the key is encrypted; ECE needs it without a passphrase`,
      ],
      [
        ['tls', 'set', 'ui', '--chain', chain, '--key', file('other.pem', other.key)],
        `${join(dir, 'other.pem')} does not belong to the server certificate in ${chain} (CN=ui.example.com)`,
      ],
      [
        ['tls', 'set', 'ui', '--chain', file('mixed.pem', pki.cert + other.caCert), '--key', key],
        `${join(dir, 'mixed.pem')}: certificate 2 (CN=ECE sandbox CA) did not issue certificate 1 (CN=ui.example.com): put the server certificate first, then each issuer`,
      ],
      [
        [
          'tls',
          'set',
          'ui',
          '--chain',
          file('old.pem', expired.cert),
          '--key',
          file('oldkey.pem', expired.key),
        ],
        `${join(dir, 'old.pem')}: the server certificate expired on 2021-01-01T00:00:00.000Z`,
      ],
      [
        ['tls', 'set', 'ui', '--chain', chain, '--key', key],
        'this needs confirmation: pass --yes to run it without a terminal',
      ],
    ];
    for (const [argv, message] of cases) {
      const r = await run(argv, { env });
      assert.deepEqual(
        [r.code, r.stdout, r.stderr],
        [2, '', `error: ${message}\n`],
        argv.join(' '),
      );
    }
    assert.equal(s.requests.length, 0);
  });

  it('set --yes posts key, server certificate and chain as one JSON string; the key is never shown', async () => {
    const sent = `${pkcs1(pki.key)}\n${block(pki.cert)}\n${block(pki.caCert)}\n`;
    const s = await serve({ [`POST ${BASE}/proxy`]: [202, { service: 'proxy' }] }, [
      { method: 'POST', path: `/api/v1${BASE}/proxy`, body: JSON.stringify(sent), times: 2 },
    ]);
    const env = envFor(s);
    const chain = file('chain.pem', pki.cert + pki.caCert);
    const key = file('key.pem', pki.key);
    const until = new Date(new X509Certificate(pki.cert).validTo).toISOString();
    const r = await run(['tls', 'set', 'proxy', '--chain', chain, '--key', key, '--yes'], { env });
    assert.deepEqual(
      [r.code, r.stdout, r.stderr],
      [
        0,
        '',
        `ECE accepted the new proxy certificate (CN=ui.example.com, valid until ${until}); the service restarts to use it.\n`,
      ],
    );
    assert.equal(s.requests[0]?.headers['content-type'], 'application/json');
    const verbose = await run(
      ['tls', 'set', 'proxy', '--chain', chain, '--key', key, '--yes', '--verbose', '--json'],
      { env },
    );
    assert.equal(verbose.code, 0);
    assert.equal(verbose.stdout, '{"service":"proxy"}\n');
    assert.ok(verbose.stderr.includes('********'), verbose.stderr);
    assert.ok(!verbose.stderr.includes('PRIVATE KEY-----\\n'), 'the key is masked in the trace');
  });

  it('set --dry-run: a curl line that takes the key from $ECE_TLS_KEY and sends the same chain', async () => {
    const sent = `${pkcs1(pki.key)}\n${block(pki.cert)}\n${block(pki.caCert)}\n`;
    const s = await serve({ [`POST ${BASE}/ui`]: [202, { service: 'ui' }] }, [
      { method: 'POST', path: `/api/v1${BASE}/ui`, body: JSON.stringify(sent) },
    ]);
    const env = envFor(s);
    const key = file('key.pem', pki.key);
    const dry = await run(
      [
        'tls',
        'set',
        'ui',
        '--chain',
        file('chain.pem', pki.cert + pki.caCert),
        '--key',
        key,
        '--dry-run',
      ],
      { env },
    );
    assert.equal(dry.code, 0);
    assert.equal(
      dry.stderr,
      `dry run: the curl line reads the private key from $ECE_TLS_KEY: export ECE_TLS_KEY="$(openssl pkey -traditional -in ${key})"\n`,
    );
    const chainJson = JSON.stringify(`\n${block(pki.cert)}\n${block(pki.caCert)}\n`).slice(1, -1);
    assert.equal(
      ua(dry.stdout),
      secretCurl(
        'POST',
        `${s.url}/api/v1${BASE}/ui`,
        `${inConfig('"')}${secretVar('ECE_TLS_KEY')}${inConfig(`${chainJson}"`)}`,
      ),
    );
    assert.equal(s.requests.length, 0);
    // The line works: the shell fills in the key as the export above sets it.
    // The export line as stderr printed it: OpenSSL turns the PKCS#8 file into PKCS#1.
    const exportLine = dry.stderr.replace(/^.*?: (export .*)\n$/, '$1');
    const sh = await shell(`${exportLine}; ${dry.stdout}`, {
      ECE_API_KEY: API_KEY,
    });
    assert.deepEqual([sh.code, sh.stdout], [0, '{"service":"ui"}']);
  });
});

describe('tls against the sandbox', () => {
  const t = useSandbox({ deployments: 0 });
  const env = t.env;

  it('shows the generated certificates; a set replaces the ui one only', async () => {
    const field = async (service: string, query: string) =>
      (await run(['tls', 'show', service, '--query', query], { env })).stdout;
    assert.equal(await field('ui', 'user_supplied'), 'false\n');
    const generated = await run(['tls', 'show', 'proxy'], { env });
    assert.match(generated.stdout, /^subject\tCN=ece\.sandbox\.local$/m);
    assert.match(generated.stdout, /^issuer\tCN=ECE sandbox CA$/m);
    const pki = await makePki(['kibana.example.com'], [], { keyType: 'rsa' });
    registerSecret(...pki.key.split('\n').filter((l) => !l.startsWith('-----')));
    const dir = tempDir('ece-tls-');
    writeFileSync(join(dir, 'chain.pem'), pki.cert + pki.caCert);
    writeFileSync(join(dir, 'key.pem'), pki.key);
    const set = await run(
      ['tls', 'set', 'ui', '--chain', join(dir, 'chain.pem'), '--key', join(dir, 'key.pem'), '-y'],
      { env },
    );
    assert.equal(set.code, 0, set.stderr);
    const shown = await run(['tls', 'show', 'ui'], { env });
    assert.match(shown.stdout, /^user_supplied\tyes$/m);
    assert.match(shown.stdout, /^subject\tCN=kibana\.example\.com$/m);
    assert.match(shown.stdout, /^sans\tDNS:kibana\.example\.com$/m);
    assert.equal(await field('proxy', 'user_supplied'), 'false\n');
    const ca = await run(['tls', 'show', 'internalca', '--query', 'api_managed'], { env });
    assert.equal(ca.stdout, 'false\n');
    // Sent as is (through `ece api`), a PKCS#8 key is refused as ECE refuses it.
    const raw = await run(
      ['api', '-X', 'POST', '/platform/configuration/security/tls/proxy', '--input', '-'],
      {
        env,
        stdin: JSON.stringify(`${block(pki.key)}\n${block(pki.cert)}\n${block(pki.caCert)}\n`),
      },
    );
    assert.equal(raw.code, 5);
    assert.match(raw.stderr, /\(cert\.invalid_cert_chain\)/);
    assert.equal(await field('proxy', 'user_supplied'), 'false\n');
  });
});
