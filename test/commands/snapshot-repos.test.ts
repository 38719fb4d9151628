// `ece snapshot-repos list|show|set|delete`: exact requests, output and exit
// codes against a per-test server; the round trip against the sandbox.

import { afterEach, describe, it } from 'node:test';
import assert from '../helpers/assert.js';
import { run } from '../helpers/cli.js';
import { useSandbox } from '../helpers/sandbox.js';
import { registerSecret } from '../helpers/secrets.js';
import { eceError } from '../helpers/server.js';
import {
  API_KEY,
  closeAll,
  curl,
  envFor,
  inConfig,
  secretCurl,
  secretVar,
  serve,
  ua,
} from './platform-admin-helpers.js';

const BASE = '/api/v1/platform/configuration/snapshots/repositories';
const REPO = {
  repository_name: 'ece-snapshots',
  config: { type: 's3', settings: { bucket: 'snaps', region: 'us-east-1', base_path: 'ece' } },
};

describe('snapshot-repos against a per-test server', () => {
  registerSecret(API_KEY);
  afterEach(closeAll);

  it('list and show: the location, never the credentials; --json as sent', async () => {
    const withKeys = {
      ...REPO,
      config: { ...REPO.config, settings: { ...REPO.config.settings, secret_key: 'k' } },
    };
    const s = await serve({
      'GET /platform/configuration/snapshots/repositories': [200, { configs: [withKeys] }],
      'GET /platform/configuration/snapshots/repositories/ece-snapshots': [200, withKeys],
      'GET /platform/configuration/snapshots/repositories/nope': (_q, res) =>
        eceError(
          res,
          404,
          'snapshot_repositories.not_found',
          'Snapshot repository [nope] cannot be found',
        ),
    });
    const env = envFor(s);
    const list = await run(['snapshot-repos', 'list'], { env });
    assert.deepEqual(
      [list.code, list.stdout],
      [0, 'ece-snapshots\ts3\tbucket=snaps,base_path=ece,region=us-east-1\n'],
    );
    const show = await run(['snapshot-repos', 'show', 'ece-snapshots'], { env });
    assert.equal(
      show.stdout,
      'name\tece-snapshots\ntype\ts3\nsettings\tbase_path,bucket,region,secret_key\nlocation\tbucket=snaps,base_path=ece,region=us-east-1\n',
    );
    const json = await run(['snapshot-repos', 'show', 'ece-snapshots', '--json'], { env });
    assert.equal(json.stdout, `${JSON.stringify(withKeys)}\n`);
    const missing = await run(['snapshot-repos', 'show', 'nope'], { env });
    assert.deepEqual(
      [missing.code, missing.stderr],
      [3, 'error: Snapshot repository [nope] cannot be found (snapshot_repositories.not_found)\n'],
    );
  });

  it('set: PUTs {type, settings}; a settings-only file takes --type', async () => {
    const body = { type: 's3', settings: REPO.config.settings };
    const s = await serve(
      { 'PUT /platform/configuration/snapshots/repositories/ece-snapshots': [200, REPO] },
      [{ method: 'PUT', path: `${BASE}/ece-snapshots`, body, times: 2 }],
    );
    const env = envFor(s);
    const whole = await run(['snapshot-repos', 'set', 'ece-snapshots', '-f', '-'], {
      env,
      stdin: JSON.stringify(body),
    });
    assert.deepEqual(
      [whole.code, whole.stdout, whole.stderr],
      [0, '', 'Saved snapshot repository ece-snapshots.\n'],
    );
    const bare = await run(
      ['snapshot-repos', 'set', 'ece-snapshots', '--type', 's3', '-f', '-', '--json'],
      {
        env,
        stdin: 'bucket: snaps\nregion: us-east-1\nbase_path: ece\n',
      },
    );
    assert.deepEqual([bare.code, bare.stdout], [0, `${JSON.stringify(REPO)}\n`]);
    const noType = await run(['snapshot-repos', 'set', 'x', '-f', '-'], {
      env,
      stdin: '{"bucket":"b"}',
    });
    assert.deepEqual(
      [noType.code, noType.stderr],
      [2, 'error: the repository needs a type: a "type" in the file, or --type\n'],
    );
  });

  it('set --dry-run: credentials become shell variables in the curl line', async () => {
    registerSecret('AKIA-secret-access-key-0042');
    const s = await serve({});
    const settings = {
      bucket: 'snaps',
      access_key: 'AKIA-id',
      secret_key: 'AKIA-secret-access-key-0042',
    };
    const r = await run(['snapshot-repos', 'set', 'backups', '-f', '-', '--dry-run'], {
      env: envFor(s),
      stdin: JSON.stringify({ type: 's3', settings }),
    });
    assert.equal(r.code, 0);
    // Each secret as its shell variable, escaped by awk when the shell runs the line.
    const data = [
      inConfig('{"type":"s3","settings":{"bucket":"snaps","access_key":"'),
      secretVar('ECE_REPO_ACCESS_KEY'),
      inConfig('","secret_key":"'),
      secretVar('ECE_REPO_SECRET_KEY'),
      inConfig('"}}'),
    ].join('');
    assert.equal(ua(r.stdout), secretCurl('PUT', `${s.url}${BASE}/backups`, data));
    assert.ok(!r.stdout.includes('AKIA-secret'), r.stdout);
    assert.equal(s.requests.length, 0);
  });

  it('delete: asks (exit 2 without a terminal), --dry-run, --cleanup-deployments', async () => {
    const s = await serve(
      {
        'GET /platform/configuration/snapshots/repositories/old': [
          200,
          { ...REPO, repository_name: 'old' },
        ],
        'DELETE /platform/configuration/snapshots/repositories/old': [202, {}],
      },
      [{ method: 'DELETE', path: `${BASE}/old?cleanup_deployments=true` }],
    );
    const env = envFor(s);
    const noTty = await run(['snapshot-repos', 'delete', 'old'], { env });
    assert.equal(noTty.code, 2);
    const dry = await run(['snapshot-repos', 'delete', 'old', '--dry-run'], { env });
    assert.deepEqual(
      [dry.code, ua(dry.stdout), dry.stderr],
      [0, curl('DELETE', `${s.url}${BASE}/old`), `dry run: reading GET ${BASE}/old\n`],
    );
    const del = await run(['snapshot-repos', 'rm', 'old', '--cleanup-deployments', '--yes'], {
      env,
    });
    assert.deepEqual(
      [del.code, del.stdout, del.stderr],
      [0, '', 'Deleted snapshot repository old.\n'],
    );
  });
});

describe('snapshot-repos against the sandbox', () => {
  const t = useSandbox({ deployments: 0 });
  const env = t.env;

  it('set, list, show, delete', async () => {
    const set = await run(['snapshot-repos', 'set', 'nightly', '--type', 'fs', '-f', '-'], {
      env,
      stdin: '{"location": "/mnt/snapshots"}',
    });
    assert.equal(set.code, 0);
    const list = await run(['snapshot-repos', 'list'], { env });
    assert.equal(
      list.stdout,
      'ece-snapshots\ts3\tbucket=ece-snapshots,base_path=ece,region=us-east-1\nnightly\tfs\tlocation=/mnt/snapshots\n',
    );
    const badType = await run(['snapshot-repos', 'set', 'x', '--type', 'ftp', '-f', '-'], {
      env,
      stdin: '{}',
    });
    assert.deepEqual(
      [badType.code, badType.stderr],
      [5, 'error: type must be one of s3, azure, gcs, fs, url (root.invalid_data) [type]\n'],
    );
    const del = await run(['snapshot-repos', 'delete', 'nightly', '--yes'], { env });
    assert.equal(del.code, 0);
    const gone = await run(['snapshot-repos', 'show', 'nightly'], { env });
    assert.equal(gone.code, 3);
  });
});
