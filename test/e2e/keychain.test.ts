// The real OS keychain (a private gnome-keyring over D-Bus) with the real
// binary: login stores the secret there and nowhere else; without a Secret
// Service login fails with the alternatives, and --insecure-storage says so.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import assert from '../helpers/assert.js';
import { tempDir } from '../helpers/cli.js';
import { ece } from '../helpers/e2e.js';
import {
  missingSecretService,
  type SecretService,
  startSecretService,
} from '../helpers/keyring.js';
import { type TestSandbox, testSandbox } from '../helpers/sandbox.js';
import { registerSecret } from '../helpers/secrets.js';

const missing = missingSecretService();
if (missing) console.log(`# keychain tests ${missing}`);

describe('the OS keychain', { skip: missing }, () => {
  let keyring: SecretService;
  let t: TestSandbox;
  before(async () => {
    keyring = await startSecretService();
    t = await testSandbox({ deployments: 2, password: 'keychain-test-pw' });
    registerSecret(t.sb.apiKey, 'keychain-test-pw');
  });
  after(async () => {
    await t.close();
    await keyring.stop();
  });

  it('login --api-key-stdin stores the key in the Secret Service and in no file; commands then need no env', async () => {
    const configDir = tempDir('ece-config-');
    const env = { ...keyring.env, ECE_CONFIG_DIR: configDir };
    const login = await ece(['login', '--host', t.sb.url, '--api-key-stdin'], {
      env,
      input: `${t.sb.apiKey}\n`,
    });
    assert.equal(
      login.stderr,
      `Signed in to ${t.sb.url} as sandbox-admin with an API key (profile "default").\n`,
    );
    assert.equal(login.code, 0);
    const stored = keyring.lookup('ece-cli', 'default');
    assert.ok(stored, 'nothing in the Secret Service');
    assert.deepEqual(JSON.parse(stored), {
      type: 'apikey',
      secret: t.sb.apiKey,
      origin: t.sb.url,
      user: 'sandbox-admin',
    });

    const list = await ece(['deployments', 'list'], { env });
    assert.equal(list.code, 0, list.stderr);
    assert.equal(
      list.stdout.trim().split('\n').length,
      5,
      'two seeded and three system deployments',
    );
    const status = await ece(['auth', 'status'], { env });
    assert.equal(
      status.stdout,
      `Profile:  default (active)\nHost:     ${t.sb.url}\nMethod:   API key (from the OS keychain)\nUser:     sandbox-admin\nECE:      3.8.0\nStatus:   signed in\n`,
    );
    // The audit in ece() greps the config dir after every run; once more, plainly:
    for (const f of readdirSync(configDir)) {
      assert.ok(
        !readFileSync(join(configDir, f), 'utf8').includes(t.sb.apiKey),
        `the key is in ${f}`,
      );
    }
    const logout = await ece(['logout'], { env });
    assert.equal(logout.code, 0);
    assert.equal(logout.stderr, `Signed out of ${t.sb.url} (profile "default").\n`);
    assert.equal(keyring.lookup('ece-cli', 'default'), undefined);
    const after = await ece(['deployments', 'list'], { env });
    assert.equal(after.code, 4);
  });

  it('a password login keeps the bearer session in the keychain', async () => {
    const env = { ...keyring.env, ECE_CONFIG_DIR: tempDir('ece-config-') };
    const login = await ece(
      ['login', '--host', t.sb.url, '--username', 'admin', '--password-stdin', '--profile', 'ops'],
      {
        env,
        input: 'keychain-test-pw',
      },
    );
    assert.equal(login.code, 0, login.stderr);
    const stored = JSON.parse(keyring.lookup('ece-cli', 'ops') ?? '{}');
    assert.equal(stored.type, 'bearer');
    registerSecret(stored.secret);
    assert.match(stored.expires_at, /^\d{4}-\d\d-\d\dT/);
    const token = await ece(['auth', 'token', '--profile', 'ops'], { env, secretOnStdout: true });
    assert.equal(token.code, 0);
    assert.match(token.stdout, /^ey[\w-]+\.[\w-]+\.[\w-]+\n$/);
  });
});

describe('without a Secret Service', () => {
  let t: TestSandbox;
  before(async () => {
    t = await testSandbox({ deployments: 1 });
    registerSecret(t.sb.apiKey);
  });
  after(() => t.close());
  // A bus address that leads nowhere, even on a desktop that has one.
  const noBus = { DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/ece-test-bus' };

  it('login fails with exit 4 and names the alternatives; nothing is written', async () => {
    const configDir = tempDir('ece-config-');
    const r = await ece(['login', '--host', t.sb.url, '--api-key-stdin'], {
      env: { ...noBus, ECE_CONFIG_DIR: configDir },
      input: t.sb.apiKey,
    });
    assert.equal(r.code, 4);
    assert.match(
      r.stderr,
      /^error: the OS keychain is not available \(.+\); use ECE_API_KEY or ECE_TOKEN instead, or run 'ece login --insecure-storage' to keep the credential in a file only you can read\n$/,
    );
    const status = await ece(['auth', 'status'], {
      env: { ...noBus, ECE_CONFIG_DIR: configDir, ECE_HOST: t.sb.url },
    });
    assert.equal(status.code, 4);
  });

  it('--insecure-storage writes a 0600 file, says so, and auth status reports it', async () => {
    const configDir = tempDir('ece-config-');
    const env = { ...noBus, ECE_CONFIG_DIR: configDir };
    const r = await ece(['login', '--host', t.sb.url, '--api-key-stdin', '--insecure-storage'], {
      env,
      input: t.sb.apiKey,
    });
    assert.equal(r.code, 0);
    const file = join(configDir, 'credentials.json');
    assert.equal(
      r.stderr,
      `Signed in to ${t.sb.url} as sandbox-admin with an API key (profile "default").\nwarning: the credential is stored in ${file} (mode 0600), not in the OS keychain\n`,
    );
    assert.equal(statSync(file).mode & 0o777, 0o600);
    const status = await ece(['auth', 'status'], { env });
    assert.equal(status.code, 0);
    assert.match(
      status.stdout,
      new RegExp(`Method:   API key \\(from ${file}, a file, not the OS keychain\\)\\n`),
    );
  });
});
