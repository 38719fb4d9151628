// The ECE version of a host is read once and remembered in the profile's
// config for a day, keyed by origin; a profile that is not in the config
// file remembers nothing.

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { platformVersion, VERSION_TTL_MS } from '../../src/config/platform.js';
import assert from '../helpers/assert.js';
import { run, tempDir } from '../helpers/cli.js';
import { json, startServer } from '../helpers/server.js';

describe('the remembered platform version', () => {
  it('is read once a day per origin, and only profiles in the file remember it', async () => {
    const dir = tempDir('ece-platform-');
    writeFileSync(join(dir, 'config.json'), JSON.stringify({ profiles: { lab: { host: 'h' } } }), {
      mode: 0o600,
    });
    let loads = 0;
    const load = async () => {
      loads++;
      return `3.${loads}.0`;
    };
    const t0 = Date.parse('2026-12-01T09:00:00Z');
    const at = (profile: string, origin: string, now: number) =>
      platformVersion({ dir, profile, origin, load, now });
    assert.equal(await at('lab', 'https://a:12443', t0), '3.1.0');
    assert.equal(await at('lab', 'https://a:12443', t0 + 60_000), '3.1.0');
    assert.equal(await at('lab', 'https://b:12443', t0), '3.2.0');
    assert.equal(await at('lab', 'https://a:12443', t0 + VERSION_TTL_MS), '3.3.0');
    assert.equal(await at('ci', 'https://a:12443', t0), '3.4.0');
    assert.equal(await at('ci', 'https://a:12443', t0), '3.5.0');
    assert.equal(loads, 5);
    const saved = JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8'));
    assert.deepEqual(saved.profiles.lab.platform, {
      'https://a:12443': { version: '3.3.0', read_at: new Date(t0 + VERSION_TTL_MS).toISOString() },
      'https://b:12443': { version: '3.2.0', read_at: new Date(t0).toISOString() },
    });
    assert.equal(saved.profiles.ci, undefined);
  });

  it('auth status shows it, and a second run within the day sends no GET /platform', async () => {
    const server = await startServer((req, res) => {
      if (req.url === '/api/v1/platform')
        return json(res, 200, {
          version: '3.6.1',
          services: [],
          phone_home_enabled: false,
          eula_accepted: true,
          regions: [],
        });
      return json(res, 200, { user_name: 'ops', roles: [] });
    });
    try {
      const home = tempDir('ece-home-');
      const configDir = join(home, 'config');
      const env = { HOME: home, ECE_CONFIG_DIR: configDir, ECE_API_KEY: 'platform-key-1' };
      const saved = await run(['config', 'set', 'host', server.url], { env });
      assert.equal(saved.code, 0, saved.stderr);
      for (let i = 0; i < 2; i++) {
        const r = await run(['auth', 'status'], { env });
        assert.equal(r.code, 0, r.stderr);
        assert.match(r.stdout, /\nUser: {5}ops\nECE: {6}3\.6\.1\nStatus: {3}signed in\n$/);
      }
      assert.equal(server.requests.filter((q) => q.url === '/api/v1/platform').length, 1);
      const json2 = await run(['auth', 'status', '--json'], { env });
      assert.equal((JSON.parse(json2.stdout) as { version: string }).version, '3.6.1');
    } finally {
      await server.close();
    }
  });

  it('an operation older versions lack: a warning before it is sent, from the remembered version', async () => {
    const server = await startServer((_req, res) => json(res, 200, []));
    try {
      const home = tempDir('ece-home-');
      const configDir = join(home, 'config');
      const env = { HOME: home, ECE_CONFIG_DIR: configDir, ECE_API_KEY: 'platform-key-1' };
      assert.equal((await run(['config', 'set', 'host', server.url], { env })).code, 0);
      const file = join(configDir, 'config.json');
      const data = JSON.parse(readFileSync(file, 'utf8'));
      data.profiles.default.platform = {
        [server.url]: { version: '2.5.0', read_at: new Date().toISOString() },
      };
      writeFileSync(file, JSON.stringify(data));
      const r = await run(['templates', 'list', '--region', 'ece-region'], { env });
      assert.equal(r.code, 0, r.stderr);
      assert.equal(
        r.stderr.split('\n')[0],
        'warning: GET /deployments/templates exists from ECE 2.6.0 on; this installation runs 2.5.0; sending it anyway',
      );
      assert.equal(server.requests.length, 1);
    } finally {
      await server.close();
    }
  });
});
