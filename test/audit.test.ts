// The secret-leak audit that every CLI run in the tests goes through can fail.

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import assert from './helpers/assert.js';
import { tempDir } from './helpers/cli.js';
import { audit, registerSecret, secretsOfRun } from './helpers/secrets.js';

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
});
