// `ece license show|set`: exact requests, output and exit codes against a
// per-test server; install and read back against the sandbox.

import { afterEach, describe, it } from 'node:test';
import { verb as show } from '../../src/commands/license/show.js';
import assert from '../helpers/assert.js';
import { run } from '../helpers/cli.js';
import { useSandbox } from '../helpers/sandbox.js';
import { registerSecret } from '../helpers/secrets.js';
import { eceError } from '../helpers/server.js';
import { API_KEY, closeAll, curl, envFor, serve, ua } from './platform-admin-helpers.js';

const DAY = 86_400_000;
const LICENSE = {
  license: {
    uid: 'u-1',
    issuer: 'Elastic',
    issued_to: 'ACME',
    issue_date_in_millis: Date.UTC(2026, 0, 1),
    start_date_in_millis: Date.UTC(2026, 0, 1),
    expiry_date_in_millis: Date.UTC(2027, 0, 1),
    type: 'enterprise',
    signature: 'sig',
    max_instances: 10,
  },
};

describe('license against a per-test server', () => {
  registerSecret(API_KEY);
  afterEach(closeAll);

  it('show: the dates in ISO-8601 UTC; --json as sent; no license is exit 3', async () => {
    assert.equal(show.effect, 'read');
    const s = await serve({ 'GET /platform/license': [200, LICENSE] });
    const r = await run(['license', 'show'], { env: envFor(s) });
    const left = Math.max(0, Math.floor((Date.UTC(2027, 0, 1) - Date.now()) / DAY));
    assert.deepEqual(
      [r.code, r.stdout],
      [
        0,
        `type\tenterprise\nissued_to\tACME\nissuer\tElastic\nuid\tu-1\nstarts\t2026-01-01T00:00:00.000Z\nexpires\t2027-01-01T00:00:00.000Z\ndays_left\t${left}\nmax_instances\t10\nmax_resource_units\t-\nmax_allocators\t-\n`,
      ],
    );
    const j = await run(['license', 'show', '--json'], { env: envFor(s) });
    assert.equal(j.stdout, `${JSON.stringify(LICENSE)}\n`);
    const none = await serve({
      'GET /platform/license': (_q, res) =>
        eceError(res, 404, 'license.license_not_found', 'No license is installed'),
    });
    const missing = await run(['license', 'show'], { env: envFor(none) });
    assert.deepEqual(
      [missing.code, missing.stderr],
      [3, 'error: No license is installed (license.license_not_found)\n'],
    );
  });

  it('set: PUTs the file (a bare license is wrapped); --dry-run; bad files are exit 2', async () => {
    const s = await serve({ 'PUT /platform/license': [200, {}] }, [
      { method: 'PUT', path: '/api/v1/platform/license', body: LICENSE, times: 2 },
    ]);
    const env = envFor(s);
    const r = await run(['license', 'set', '-f', '-', '--yes'], {
      env,
      stdin: JSON.stringify(LICENSE),
    });
    assert.deepEqual(
      [r.code, r.stdout, r.stderr],
      [0, '', 'Installed the enterprise license issued to ACME.\n'],
    );
    const bare = await run(['license', 'set', '-f', '-', '-y'], {
      env,
      stdin: JSON.stringify(LICENSE.license),
    });
    assert.equal(bare.code, 0);
    const dry = await run(['license', 'set', '-f', '-', '--dry-run'], {
      env,
      stdin: JSON.stringify(LICENSE),
    });
    assert.deepEqual(
      [dry.code, ua(dry.stdout), dry.stderr],
      [0, curl('PUT', `${s.url}/api/v1/platform/license`, LICENSE), ''],
    );
    const noFile = await run(['license', 'set'], { env });
    assert.deepEqual(
      [noFile.code, noFile.stderr],
      [2, 'error: give the license file with -f FILE (- for stdin)\n'],
    );
    // It replaces the license in force: without a terminal it needs --yes, and sends nothing.
    const unasked = await run(['license', 'set', '-f', '-'], {
      env,
      stdin: JSON.stringify(LICENSE),
    });
    assert.deepEqual(
      [unasked.code, unasked.stdout, unasked.stderr],
      [2, '', 'error: this needs confirmation: pass --yes to run it without a terminal\n'],
    );
    const notObject = await run(['license', 'set', '-f', '-', '--yes'], {
      env,
      stdin: '{"license": 3}',
    });
    assert.deepEqual(
      [notObject.code, notObject.stderr],
      [2, 'error: <stdin>: "license" must be an object\n'],
    );
    assert.equal(s.requests.length, 2);
  });
});

describe('license against the sandbox', () => {
  const t = useSandbox({ deployments: 0 });
  const env = t.env;

  it('shows the seeded license; installs a new one; refuses an expired or incomplete one', async () => {
    const seeded = await run(['license', 'show', '--query', 'license.type'], { env });
    assert.equal(seeded.stdout, 'enterprise\n');
    const next = {
      license: { ...LICENSE.license, expiry_date_in_millis: Date.now() + 100 * DAY },
    };
    const set = await run(['license', 'set', '-f', '-', '--yes'], {
      env,
      stdin: JSON.stringify(next),
    });
    assert.equal(set.code, 0);
    const back = await run(['license', 'show', '--query', 'license.issued_to'], { env });
    assert.equal(back.stdout, 'ACME\n');
    const expired = await run(['license', 'set', '-f', '-', '--yes'], {
      env,
      stdin: JSON.stringify(LICENSE).replace(
        String(Date.UTC(2027, 0, 1)),
        String(Date.UTC(2020, 0, 1)),
      ),
    });
    assert.deepEqual(
      [expired.code, expired.stderr],
      [5, 'error: The license has expired (license.expired_license)\n'],
    );
    const partial = await run(['license', 'set', '-f', '-', '--yes'], {
      env,
      stdin: '{"license": {"uid": "x", "type": "gold"}}',
    });
    assert.deepEqual(
      [partial.code, partial.stderr],
      [
        2,
        'error: <stdin>: not a license file: it lacks issuer, issued_to, issue_date_in_millis, start_date_in_millis, expiry_date_in_millis, signature\n',
      ],
    );
  });
});
