// The secret-leak audit that every CLI run in the tests goes through can fail.

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import assert from './helpers/assert.js';
import { tempDir } from './helpers/cli.js';
import { audit, forgetSecret, registerSecret, secretsOfRun } from './helpers/secrets.js';

describe('the secret-leak audit', () => {
  const secret = 'audit-self-test-secret-0042';
  registerSecret(secret);

  it('catches a secret on stderr, on stdout, and in the config dir', () => {
    assert.throws(
      () => audit('x', { stdout: '', stderr: `oops ${secret}` }),
      /secret leak in `x`: stderr has aud/,
    );
    assert.throws(() => audit('x', { stdout: secret, stderr: '' }), /stdout has/);
    const dir = tempDir();
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    writeFileSync(join(dir, 'config.json'), `{"oops":"${secret}"}`, { mode: 0o600 });
    assert.throws(() => audit('x', { stdout: '', stderr: '', configDir: dir }), /config\.json has/);
  });

  it("counts every line of a private key given with --key as the run's secret", async () => {
    const { makePki } = await import('./helpers/tls.js');
    const { key } = await makePki();
    const file = join(tempDir(), 'key.pem');
    writeFileSync(file, key);
    secretsOfRun(['tls', 'set', 'ui', '--key', file], {});
    const line = key.split('\n')[1] ?? '';
    assert.ok(line.length >= 8);
    assert.throws(() => audit('x', { stdout: '', stderr: `oops ${line}` }), /stderr has/);
  });

  it('allows stdout only when the user asked for the secret', () => {
    audit('x', { stdout: secret, stderr: '', secretOnStdout: true });
  });

  it('catches a stack trace', () => {
    assert.throws(
      () =>
        audit('x', { stdout: '', stderr: 'TypeError: x is undefined\n    at foo (/a/b.js:1:2)\n' }),
      /a stack trace reached stderr/,
    );
  });

  it('short secrets (6-8 characters) count as values, not as parts of names; a mask inside a name is a leak', () => {
    registerSecret('client', 'pw1234', 'k3y-0042');
    try {
      // Inside names: not a leak.
      audit('x', {
        stdout: 'Set s3.client.default.password (string)\nclients: main-pw1234-es, k3y-0042x\n',
        stderr: 'note: gcs.client.default.credentials_file is a file\n',
      });
      // As values: leaks, whatever the neighbours.
      for (const text of [
        'value client',
        '"password":"client"',
        'ApiKey pw1234',
        'it was k3y-0042.',
        '"-----BEGIN KEY-----\\nclient\\n"',
        '?t=%3Dpw1234&',
      ])
        assert.throws(() => audit('x', { stdout: '', stderr: text }), /stderr has/, text);
      // The product masked a value inside a name: that gives the value away.
      for (const text of ['Set s3.********.default.password', 'main-********-es', 'x********'])
        assert.throws(
          () => audit('x', { stdout: text, stderr: '' }),
          /stdout masks a secret inside a name/,
          text,
        );
      audit('x', {
        stdout: '"value": "********"\nApiKey ********\n"\\n********\\n"\n',
        stderr: '',
      });
    } finally {
      forgetSecret('client', 'pw1234', 'k3y-0042');
    }
  });
});
