// `ece proxies health|filtered-groups|settings` against the sandbox: exact
// output and exit codes (a health gate is exit 10 after the health is
// printed), each write's exact request checked against the spec, ?version=
// from the read, and the settings' secrets masked on the way out and kept
// out of a dry run's line on the way in.

import { describe, it } from 'node:test';
import assert from '../helpers/assert.js';
import { run } from '../helpers/cli.js';
import { useSandbox } from '../helpers/sandbox.js';
import { registerSecret } from '../helpers/secrets.js';
import { requestViolations } from '../helpers/spec.js';

const PX = '/api/v1/platform/infrastructure/proxies';
const SIGNING = 'Prx-Sig-S3cret-9913';

describe('proxies health, filtered groups and settings against the sandbox', () => {
  registerSecret(SIGNING);
  const t = useSandbox({ deployments: 0 });
  const env = t.env;
  const sent = (method: string, url: string, body?: unknown) => {
    const w = t.exchanges.filter((e) => e.method !== 'GET').at(-1);
    assert.deepEqual([w?.method, w?.url, w?.requestBody], [method, url, body]);
    assert.deepEqual(requestViolations(method, url, body), []);
  };

  it('filtered groups: create, show, health gate (exit 10), update with ?version=, delete', async () => {
    const health = await run(['proxies', 'health'], { env });
    assert.deepEqual(
      [health.code, health.stdout],
      [0, 'status\tGreen\nproxies\t3\nexpected\t3\ngroups\t-\n'],
    );
    const create = await run(
      [
        'proxies',
        'filtered-groups',
        'create',
        'zone-1',
        '--filter',
        'zone=ece-zone-1',
        '--expected',
        '2',
      ],
      { env },
    );
    assert.deepEqual(
      [create.code, create.stdout, create.stderr],
      [0, '', 'Created filtered group zone-1.\n'],
    );
    const group = {
      id: 'zone-1',
      filters: [{ key: 'zone', value: 'ece-zone-1' }],
      expected_proxies_count: 2,
    };
    sent('POST', `${PX}/filtered-groups`, group);
    const show = await run(['proxies', 'fg', 'show', 'zone-1'], { env });
    assert.equal(show.stdout, 'id\tzone-1\nfilters\tzone=ece-zone-1\nexpected\t2\n');
    const gate = await run(['proxies', 'health', '--expect', 'green'], { env });
    assert.deepEqual(
      [gate.code, gate.stdout, gate.stderr],
      [
        10,
        'status\tYellow\nproxies\t3\nexpected\t3\ngroups\tzone-1=Yellow\n',
        "error: the proxies' health is Yellow, worse than the expected Green\n",
      ],
    );
    assert.equal(t.exchanges.at(-1)?.url, `${PX}/health?expect_status=Green`);
    const groupGate = await run(
      ['proxies', 'filtered-groups', 'health', 'zone-1', '--expect', 'yellow', '--json'],
      { env },
    );
    assert.deepEqual([groupGate.code, JSON.parse(groupGate.stdout).status], [0, 'Yellow']);
    const update = await run(
      ['proxies', 'filtered-groups', 'update', 'zone-1', '--expected', '1'],
      {
        env,
      },
    );
    assert.deepEqual([update.code, update.stderr], [0, 'Updated filtered group zone-1.\n']);
    sent('PUT', `${PX}/filtered-groups/zone-1?version=1`, { ...group, expected_proxies_count: 1 });
    const green = await run(['proxies', 'health', '--expect', 'Green', '--query', 'status'], {
      env,
    });
    assert.deepEqual([green.code, green.stdout], [0, 'Green\n']);
    const del = await run(['proxies', 'filtered-groups', 'delete', 'zone-1'], { env });
    assert.deepEqual([del.code, del.stderr], [0, 'Deleted filtered group zone-1.\n']);
    sent('DELETE', `${PX}/filtered-groups/zone-1?version=2`);
    for (const [argv, message] of [
      [['health', '--expect', 'blue'], 'invalid --expect "blue": use green, yellow or red'],
      [
        ['fg', 'create', 'x', '--filter', 'zone'],
        'invalid --filter "zone": expected key=value (e.g. zone=ece-zone-1)',
      ],
      [
        ['fg', 'create', 'x', '--expected', '1'],
        'the group needs at least one filter: --filter key=value, or "filters" in the file',
      ],
      [['fg', 'update', 'x'], 'nothing to update: give -f FILE, --filter or --expected'],
    ] as const) {
      const r = await run(['proxies', ...argv], { env });
      assert.deepEqual([r.code, r.stderr], [2, `error: ${message}\n`]);
    }
  });

  it('settings: show masks the secrets; set puts the current ones back for masked values; patch keeps a new one out of the curl line', async () => {
    const shown = await run(['proxies', 'settings', 'show', '--json'], { env });
    const settings = JSON.parse(shown.stdout) as Record<string, unknown> & {
      http_settings: Record<string, unknown>;
    };
    assert.deepEqual(
      [settings.signature_secret, settings.http_settings.cookie_secret],
      ['********', '********'],
    );
    const table = await run(['proxies', 'settings', 'show'], { env });
    assert.match(table.stdout, /^expected_proxies\t3\nsignature_valid_ms\t60000\n/);
    const set = await run(['proxies', 'settings', 'set', '-f', '-', '--yes'], {
      env,
      stdin: JSON.stringify({ ...settings, signature_valid_for_millis: 30_000 }),
    });
    assert.deepEqual([set.code, set.stderr], [0, 'Replaced the proxy settings.\n']);
    const replaced = t.exchanges.filter((e) => e.method === 'PUT').at(-1);
    assert.equal(replaced?.url, `${PX}/settings?version=1`);
    const body = replaced?.requestBody as typeof settings;
    assert.deepEqual(
      [body.signature_valid_for_millis, body.signature_secret, body.http_settings.cookie_secret],
      [30_000, '<redacted>', '<redacted>'],
    );
    assert.deepEqual(requestViolations('PUT', replaced?.url ?? '', body), []);
    const noTty = await run(['proxies', 'settings', 'set', '-f', '-'], { env, stdin: '{}' });
    assert.deepEqual(
      [noTty.code, noTty.stderr],
      [2, 'error: this needs confirmation: pass --yes to run it without a terminal\n'],
    );
    const patch = { expected_proxies_count: 4, signature_secret: SIGNING };
    const dry = await run(['proxies', 'settings', 'patch', '-f', '-', '--dry-run'], {
      env,
      stdin: JSON.stringify(patch),
    });
    assert.equal(dry.code, 0, dry.stderr);
    assert.match(dry.stdout, /"\$ECE_PROXY_SIGNATURE_SECRET"/);
    assert.match(dry.stdout, / -X PATCH '[^']+\/settings\?version=2' /);
    const patched = await run(['proxies', 'settings', 'patch', '-f', '-', '--verbose'], {
      env,
      stdin: JSON.stringify(patch),
    });
    assert.equal(patched.code, 0, patched.stderr);
    assert.ok(!patched.stderr.includes(SIGNING));
    sent('PATCH', `${PX}/settings?version=2`, patch);
    const after = await run(['proxies', 'settings', 'show', '--json'], { env });
    assert.deepEqual(
      [JSON.parse(after.stdout).expected_proxies_count, after.stdout.includes(SIGNING)],
      [4, false],
    );
  });
});
