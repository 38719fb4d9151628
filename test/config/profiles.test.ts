// Profiles from the config file: selection, settings, and a corrupt file.

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { configDir } from '../../src/config/store.js';
import { emptyListText } from '../fixtures/index.js';
import assert from '../helpers/assert.js';
import { run, tempDir } from '../helpers/cli.js';
import { json, startServer, type TestServer } from '../helpers/server.js';

function configWith(data: unknown): string {
  const dir = tempDir('ece-config-');
  // Private whatever the umask: ece refuses a config others can write.
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  writeFileSync(join(dir, 'config.json'), typeof data === 'string' ? data : JSON.stringify(data), {
    mode: 0o600,
  });
  return dir;
}

describe('profiles', () => {
  let a: TestServer;
  let b: TestServer;
  before(async () => {
    a = await startServer((_q, res) => json(res, 200, emptyListText));
    b = await startServer((_q, res) => json(res, 200, emptyListText));
  });
  after(async () => {
    await a.close();
    await b.close();
  });

  const config = () =>
    configWith({
      current_profile: 'lab',
      profiles: { default: { host: a.url }, lab: { host: b.url, output: 'json' } },
    });

  it('uses current_profile, then ECE_PROFILE, then --profile', async () => {
    const dir = config();
    const env = { ECE_CONFIG_DIR: dir, ECE_API_KEY: 'k' };
    const current = await run(['deployments', 'list'], { env });
    assert.equal(current.code, 0, current.stderr);
    assert.equal(current.stdout, `${emptyListText}\n`, "the lab profile's output: json");
    assert.equal(b.requests.length, 1);
    await run(['deployments', 'list'], { env: { ...env, ECE_PROFILE: 'default' } });
    assert.equal(a.requests.length, 1);
    await run(['deployments', 'list', '--profile', 'lab'], {
      env: { ...env, ECE_PROFILE: 'default' },
    });
    assert.equal(b.requests.length, 2);
  });

  it('an unknown --profile is exit 2 listing the profiles', async () => {
    const r = await run(['deployments', 'list', '--profile', 'prod'], {
      env: { ECE_CONFIG_DIR: config(), ECE_API_KEY: 'k' },
    });
    assert.equal(r.code, 2);
    assert.equal(r.stderr, 'error: profile "prod" does not exist (profiles: default, lab)\n');
  });

  it('a corrupt config file is exit 2 naming the file, and is left as it was', async () => {
    const dir = configWith('{"profiles": {');
    const r = await run(['deployments', 'list'], {
      env: { ECE_CONFIG_DIR: dir, ECE_API_KEY: 'k' },
    });
    assert.equal(r.code, 2);
    assert.match(
      r.stderr,
      new RegExp(
        `^error: config file ${join(dir, 'config.json')} is not valid JSON \\(.+\\); fix or remove it\\n$`,
      ),
    );
    const { readFileSync } = await import('node:fs');
    assert.equal(readFileSync(join(dir, 'config.json'), 'utf8'), '{"profiles": {');
  });

  it('a config file of the wrong shape is exit 2', async () => {
    const r = await run(['deployments', 'list'], {
      env: { ECE_CONFIG_DIR: configWith('[1,2]'), ECE_API_KEY: 'k' },
    });
    assert.equal(r.code, 2);
    assert.match(r.stderr, /is not an ece config; fix or remove it\n$/);
  });

  it('flags and env override the profile; a profile timeout applies', async () => {
    const hang = await startServer(() => undefined);
    try {
      const dir = configWith({ profiles: { default: { host: hang.url, timeout: '200ms' } } });
      const r = await run(['deployments', 'list'], {
        env: { ECE_CONFIG_DIR: dir, ECE_API_KEY: 'k' },
      });
      assert.equal(r.code, 6);
      assert.match(r.stderr, /within 200ms/);
      const viaEnv = await run(['deployments', 'list', '--json'], {
        env: { ECE_CONFIG_DIR: dir, ECE_API_KEY: 'k', ECE_HOST: a.url },
      });
      assert.equal(viaEnv.code, 0);
    } finally {
      await hang.close();
    }
  });

  it('the config dir follows ECE_CONFIG_DIR, else XDG or the platform', () => {
    assert.equal(configDir({ ECE_CONFIG_DIR: '/x' }), '/x');
    assert.equal(configDir({ HOME: '/home/u' }, 'linux'), '/home/u/.config/ece');
    assert.equal(configDir({ HOME: '/home/u', XDG_CONFIG_HOME: '/xdg' }, 'linux'), '/xdg/ece');
    assert.equal(configDir({ HOME: '/Users/u' }, 'darwin'), '/Users/u/Library/Preferences/ece');
  });
});
