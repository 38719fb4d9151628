// The per-resource operations of #28: enable-ilm|slm|ccr, reset-apm-token,
// appsearch-read-only, certificate-authority, upgrade-assistant,
// migrate-template, remote-clusters eligible, resource diagnostics and
// overrides. Each write's exact request checked against the spec (no
// server), the input rules, then the verbs in-process against the sandbox
// (whose requests are checked against the spec when it closes).

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { verb as readOnly } from '../../src/commands/deployments/appsearch-read-only.js';
import { verb as ccr } from '../../src/commands/deployments/enable-ccr.js';
import { verb as ilm } from '../../src/commands/deployments/enable-ilm.js';
import { verb as slm } from '../../src/commands/deployments/enable-slm.js';
import { verb as resetToken } from '../../src/commands/deployments/reset-apm-token.js';
import { verb as diagnostics } from '../../src/commands/deployments/resources/diagnostics.js';
import { verb as overrides } from '../../src/commands/deployments/resources/overrides.js';
import assert from '../helpers/assert.js';
import { run, tempDir } from '../helpers/cli.js';
import { planOf } from '../helpers/plan.js';
import { checkPlanned } from '../helpers/planned.js';
import { createRequest, useSandbox } from '../helpers/sandbox.js';
import { removeDir } from '../helpers/temp.js';

const ID = 'abcdefabcdefabcdefabcdefabcdef28';
// Made when the file's tests start (a batch imports every file first), removed when they end.
let dir = '';
before(() => {
  dir = tempDir('ece-resource-ops-');
});
after(() => removeDir(dir));
const ILM = {
  index_patterns: [{ index_pattern: 'logs-*', policy_name: 'logs-hot-warm' }],
};

describe('per-resource operations: plans against the spec (no server)', () => {
  it('every write is an operation of the spec with a valid body and declared query', async () => {
    const ilmFile = join(dir, 'ilm.json');
    writeFileSync(ilmFile, JSON.stringify(ILM));
    const es = { deployment: ID, refId: 'main-elasticsearch' };
    const plans = await Promise.all([
      planOf(ilm, { ...es, file: ilmFile, validateOnly: true }),
      planOf(slm, es),
      planOf(ccr, { ...es, validateOnly: true }),
      planOf(resetToken, { deployment: ID, refId: 'main-apm' }),
      planOf(readOnly, { deployment: ID, refId: 'main-appsearch', state: 'on' }),
      planOf(diagnostics, {
        deployment: ID,
        kind: 'elasticsearch',
        refId: 'main-elasticsearch',
        outputFile: join(dir, 'diag.zip'),
        mode: 'light',
      }),
      planOf(overrides, { ...es, instance: [], size: '8g', restart: true }),
      planOf(overrides, {
        ...es,
        instance: ['instance-0000000000', 'instance-0000000001'],
        storageMultiplier: '48',
        ignoreMissing: true,
      }),
    ]);
    const writes = plans.flatMap((p) => p.plan.writes ?? []);
    assert.deepEqual(
      writes.map((w) => [w.method, w.path, w.query, w.body]),
      [
        [
          'POST',
          `/deployments/${ID}/elasticsearch/main-elasticsearch/_enable-ilm`,
          { validate_only: true },
          ILM,
        ],
        ['POST', `/deployments/${ID}/elasticsearch/main-elasticsearch/_enable-slm`, {}, undefined],
        [
          'POST',
          `/deployments/${ID}/elasticsearch/main-elasticsearch/_enable-ccr`,
          { validate_only: true },
          undefined,
        ],
        ['POST', `/deployments/${ID}/apm/main-apm/_reset-token`, undefined, undefined],
        [
          'PUT',
          `/deployments/${ID}/appsearch/main-appsearch/read_only_mode`,
          undefined,
          { enabled: true },
        ],
        [
          'POST',
          `/deployments/${ID}/elasticsearch/main-elasticsearch/diagnostics/_capture`,
          { mode: 'light' },
          undefined,
        ],
        [
          'PUT',
          `/deployments/${ID}/elasticsearch/main-elasticsearch/instances/overrides`,
          { restart_after_update: true },
          { capacity: 8192 },
        ],
        [
          'PUT',
          `/deployments/${ID}/elasticsearch/main-elasticsearch/instances/instance-0000000000,instance-0000000001/overrides`,
          { ignore_missing: true },
          { storage_multiplier: 48 },
        ],
      ],
    );
    assert.deepEqual(
      writes
        .map(checkPlanned)
        .filter((c) => c.violations.length > 0 || c.operation.includes('not in the spec')),
      [],
    );
    assert.equal(
      plans[1]?.plan.confirm,
      `Enable SLM on ${ID} (elasticsearch main-elasticsearch)? ECE migrates it with a plan and offers no way back.`,
    );
    assert.equal(
      plans[3]?.plan.confirm,
      `Reset the secret token of apm main-apm of deployment ${ID}? APM agents using the old one are refused.`,
    );
  });

  it('bad input: exit 2 before any request', async () => {
    const cases: [Promise<unknown>, string][] = [
      [
        planOf(overrides, { deployment: ID, instance: [] }),
        'give --size, --storage-multiplier or both',
      ],
      [
        planOf(overrides, { deployment: ID, instance: [], size: '8x' }),
        'invalid --size "8x": give memory with a unit, like 8g or 512m',
      ],
      [
        planOf(overrides, { deployment: ID, instance: [], storageMultiplier: '-1' }),
        'invalid --storage-multiplier "-1": give a number above 0',
      ],
      [
        planOf(overrides, { deployment: ID, instance: [], size: '1g', ignoreMissing: true }),
        '--ignore-missing goes with --instance',
      ],
      [
        planOf(diagnostics, { deployment: ID, kind: 'apm', outputFile: 'x.zip' }),
        'diagnostics exist for elasticsearch and kibana only, not apm',
      ],
      [
        planOf(diagnostics, { deployment: ID, kind: 'kibana', outputFile: 'x.zip', mode: 'light' }),
        '--mode is for --kind elasticsearch; ECE ignores it for kibana',
      ],
      [
        planOf(readOnly, { deployment: ID, state: 'maybe' }),
        'invalid state "maybe": use on or off',
      ],
    ];
    for (const [p, message] of cases) await assert.rejects(p, { message });
    const ilmFile = join(dir, 'bad-ilm.json');
    writeFileSync(ilmFile, JSON.stringify({ index_patterns: [{ index_pattern: 'logs-*' }] }));
    await assert.rejects(planOf(ilm, { deployment: ID, file: ilmFile }), {
      message: `${ilmFile}: index_patterns[0].policy_name is required`,
    });
  });
});

describe('per-resource operations against the sandbox', () => {
  const sb = useSandbox({ deployments: 0, systemDeployments: false, planDurationMs: 1 });
  let id = '';
  const made = async () => {
    if (id) return id;
    const body = createRequest('ops', ['elasticsearch', 'kibana', 'apm', 'appsearch']);
    const res = await sb.call('POST', '/deployments', { body });
    id = (res.body as { id: string }).id;
    // The create plans run for 1 ms per step: wait them out.
    await new Promise((r) => setTimeout(r, 50));
    return id;
  };

  it('reset-apm-token: the token once on stdout, never on stderr (--verbose too); exit 2 without --yes', async () => {
    await made();
    const refused = await run(['deployments', 'reset-apm-token', 'ops'], { env: sb.env });
    assert.deepEqual([refused.code, refused.stdout], [2, '']);
    const r = await run(['deployments', 'reset-apm-token', 'ops', '--yes', '--verbose'], {
      env: sb.env,
      secretOnStdout: true,
    });
    assert.equal(r.code, 0, r.stderr);
    const token = r.stdout.trim();
    assert.match(token, /^[0-9a-f]{24}$/);
    assert.ok(!r.stderr.includes(token), 'the token is masked on stderr');
    assert.match(
      r.stderr,
      /Reset the secret token of apm main-apm of deployment "ops" \([0-9a-f]{32}\)\. Store it now: ECE will not show it again\.\n$/,
    );
  });

  it('appsearch-read-only: shows, sets on, shows again', async () => {
    await made();
    const before = await run(['deployments', 'appsearch-read-only', 'ops'], { env: sb.env });
    assert.deepEqual([before.code, before.stdout], [0, 'read_only\tno\n']);
    const on = await run(['deployments', 'appsearch-read-only', 'ops', 'on'], { env: sb.env });
    assert.deepEqual(
      [on.code, on.stderr],
      [0, `Read-only mode on for appsearch main-appsearch of deployment "ops" (${id}).\n`],
    );
    const json = await run(['deployments', 'appsearch-read-only', 'ops', '--json'], {
      env: sb.env,
    });
    assert.equal(json.stdout, '{"enabled":true}\n');
  });

  it('enable-ilm --validate-only changes nothing; enable-slm --yes --wait follows the plan', async () => {
    await made();
    const ilmFile = join(dir, 'ilm.json');
    writeFileSync(ilmFile, JSON.stringify(ILM));
    const check = await run(
      ['deployments', 'enable-ilm', 'ops', '-f', ilmFile, '--validate-only', '--json'],
      { env: sb.env },
    );
    assert.deepEqual(
      [check.code, check.stdout, check.stderr],
      [
        0,
        '{"warnings":[]}\n',
        `ECE checked enabling ILM on ops (elasticsearch main-elasticsearch); nothing changed.\n`,
      ],
    );
    const slmRun = await run(['deployments', 'enable-slm', 'ops', '--yes', '--wait'], {
      env: sb.env,
    });
    assert.equal(slmRun.code, 0, slmRun.stderr);
    assert.match(slmRun.stderr, /^Enabling SLM on ops \(elasticsearch main-elasticsearch\)\.\n/);
    assert.match(slmRun.stderr, /Plan finished in /);
  });

  it('certificate-authority: a table, --pem the active certificate; upgrade-assistant; migrate-template', async () => {
    await made();
    const ca = await run(['deployments', 'ca', 'ops'], { env: sb.env });
    assert.deepEqual(
      [ca.code, ca.stdout],
      [
        0,
        'yes\tA5:5E:21:B3:7E:6D:AA:9B:5C:68:E4:44:1F:0A:6F:04:41:8A:A7:0A\t2026-12-07T19:38:31Z\t2036-12-04T19:38:31Z\n',
      ],
    );
    const pem = await run(['deployments', 'certificate-authority', 'ops', '--pem'], {
      env: sb.env,
    });
    assert.match(pem.stdout, /^-----BEGIN CERTIFICATE-----\n[\s\S]*\n-----END CERTIFICATE-----\n$/);
    const ready = await run(['deployments', 'upgrade-assistant', 'ops', '--check'], {
      env: sb.env,
    });
    assert.deepEqual(
      [ready.code, ready.stdout],
      [
        0,
        'ready\tyes\ndetails\tThere are 0 Elasticsearch deprecation issues and 0 Kibana deprecation issues\n',
      ],
    );
    const move = await run(['deployments', 'migrate-template', 'ops', '--template', 'default'], {
      env: sb.env,
    });
    assert.equal(move.code, 0, move.stderr);
    const payload = JSON.parse(move.stdout) as {
      prune_orphans: boolean;
      resources: { elasticsearch: { plan: { deployment_template: { id: string } } }[] };
    };
    assert.equal(payload.prune_orphans, false);
    assert.equal(payload.resources.elasticsearch[0]?.plan.deployment_template.id, 'default');
    const none = await run(['deployments', 'migrate-template', 'ops', '--template', 'nope'], {
      env: sb.env,
    });
    assert.deepEqual(
      [none.code, none.stderr],
      [3, 'error: Template [nope] cannot be found (templates.template_not_found)\n'],
    );
  });

  it('remote-clusters eligible: the other deployments with Elasticsearch', async () => {
    await made();
    const other = await sb.call('POST', '/deployments', { body: createRequest('hub') });
    const hub = (other.body as { id: string }).id;
    await new Promise((r) => setTimeout(r, 50));
    const r = await run(['deployments', 'remote-clusters', 'eligible', 'ops'], { env: sb.env });
    assert.deepEqual([r.code, r.stdout], [0, `${hub}\thub\tmain-elasticsearch\n`]);
  });

  it('resource diagnostics: the zip to a file, never over one without --force; -O - to a pipe', async () => {
    await made();
    const file = join(dir, 'ops-diag.zip');
    const r = await run(['deployments', 'resource', 'diagnostics', 'ops', '-O', file, '--json'], {
      env: sb.env,
    });
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, '');
    const zip = readFileSync(file);
    assert.equal(zip.subarray(0, 4).toString('hex'), '504b0304');
    assert.match(
      r.stderr,
      new RegExp(
        `^Wrote the diagnostics of elasticsearch main-elasticsearch of deployment "ops" \\(${id}\\) to ${file.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')} \\(${zip.length} B\\)\\.\n$`,
      ),
    );
    const again = await run(['deployments', 'resource', 'diagnostics', 'ops', '-O', file], {
      env: sb.env,
    });
    assert.deepEqual(
      [again.code, again.stderr],
      [2, `error: ${file} exists: pass --force to replace it\n`],
    );
    const forced = await run(
      ['deployments', 'resource', 'diagnostics', 'ops', '-O', file, '--force', '--kind', 'kibana'],
      { env: sb.env },
    );
    assert.equal(forced.code, 0, forced.stderr);
    assert.ok(readFileSync(file).includes('kibana/version.txt'));
    const piped = await run(['deployments', 'resource', 'diagnostics', 'ops', '-O', '-'], {
      env: sb.env,
    });
    assert.deepEqual([piped.code, piped.stdout.slice(0, 2), piped.stderr], [0, 'PK', '']);
    const missing = join(dir, 'dry.zip');
    const dry = await run(
      ['deployments', 'resource', 'diagnostics', 'ops', '-O', missing, '--dry-run'],
      { env: sb.env },
    );
    assert.equal(dry.code, 0, dry.stderr);
    assert.match(dry.stdout, /-X POST .*\/diagnostics\/_capture /);
    assert.equal(existsSync(missing), false);
  });

  it('resource overrides: every instance, or named ones (a missing one: exit 3)', async () => {
    await made();
    const all = await run(
      ['deployments', 'resource', 'overrides', 'ops', '--size', '4g', '--json'],
      { env: sb.env },
    );
    assert.deepEqual([all.code, all.stdout], [0, '{"capacity":4096}\n']);
    const missing = await run(
      [
        'deployments',
        'resource',
        'overrides',
        'ops',
        '--instance',
        'instance-0000000009',
        '--storage-multiplier',
        '40',
      ],
      { env: sb.env },
    );
    assert.equal(missing.code, 3);
    const skipped = await run(
      [
        'deployments',
        'resource',
        'overrides',
        'ops',
        '--instance',
        'instance-0000000009',
        '--storage-multiplier',
        '40',
        '--ignore-missing',
      ],
      { env: sb.env },
    );
    assert.deepEqual(
      [skipped.code, skipped.stderr],
      [
        0,
        `Overrode storage multiplier 40 for instance-0000000009 of elasticsearch main-elasticsearch of deployment "ops" (${id}).\n`,
      ],
    );
  });
});
