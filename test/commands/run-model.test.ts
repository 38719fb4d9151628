// The command model: verbs' plans checked without a server (the requests
// they would send, what they ask, what they say), and the executor's rules
// run in-process against a per-test server (dry run, --yes, no terminal).

import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, it } from 'node:test';
import { verb as maintenance } from '../../src/commands/allocators/maintenance.js';
import { verb as metadataSet } from '../../src/commands/allocators/metadata/set.js';
import { verb as constructorMaintenance } from '../../src/commands/constructors/maintenance.js';
import { verb as create } from '../../src/commands/deployments/create.js';
import { verb as remove } from '../../src/commands/deployments/delete.js';
import { verb as es } from '../../src/commands/deployments/es.js';
import { verb as restart } from '../../src/commands/deployments/restart.js';
import { verb as shutdown } from '../../src/commands/deployments/shutdown.js';
import { verb as stop } from '../../src/commands/deployments/stop.js';
import { verb as extensionCreate } from '../../src/commands/extensions/create.js';
import { verb as icCreate } from '../../src/commands/instance-configs/create.js';
import { verb as licenseSet } from '../../src/commands/license/set.js';
import { verb as roleCreate } from '../../src/commands/roles/create.js';
import { verb as resync } from '../../src/commands/runners/resync.js';
import { verb as repoSet } from '../../src/commands/snapshot-repos/set.js';
import { verb as stackUpload } from '../../src/commands/stack/upload.js';
import type { HelpJson } from '../../src/reference.js';
import assert from '../helpers/assert.js';
import { run, tempDir } from '../helpers/cli.js';
import { planOf } from '../helpers/plan.js';
import { registerSecret } from '../helpers/secrets.js';
import { API_KEY, closeAll, curl, envFor, serve, ua } from './platform-admin-helpers.js';

const ID = '3f6c2a9e8b1d4f7a9c0e5b2d8a4f1c67';
const BASE = 'http://127.0.0.1:9/api/v1';

describe('verbs plan without a server', () => {
  it('allocators maintenance: one POST; the state word before the host is accepted too', async () => {
    for (const raw of [
      { id: '192.168.44.10', state: 'on' },
      { id: 'on', state: '192.168.44.10' },
    ]) {
      const { plan, curls } = await planOf(maintenance, raw);
      assert.deepEqual(plan.writes, [
        {
          method: 'POST',
          path: '/platform/infrastructure/allocators/192.168.44.10/maintenance-mode/_start',
          idempotent: true,
        },
      ]);
      assert.match(curls[0] ?? '', /\| curl -sS -g -K - -X POST /);
      assert.equal(plan.done, 'Maintenance mode on for allocator 192.168.44.10.');
    }
    await assert.rejects(planOf(maintenance, { id: 'a-1', state: 'maybe' }), {
      message: 'invalid state "maybe": use on or off',
    });
  });

  it('constructors maintenance: <id> on is destructive and asks, off is a write; either order', async () => {
    assert.equal(constructorMaintenance.effectOf?.({ id: 'c', on: true }), 'destructive');
    assert.equal(constructorMaintenance.effectOf?.({ id: 'c', on: false }), 'write');
    // The plan reads the constructor first (a missing one is exit 3 before the question).
    await assert.rejects(planOf(constructorMaintenance, { id: 'off', state: '10.0.0.7' }), {
      message: /127\.0\.0\.1:9/,
    });
  });

  it('roles create: the file read, --id names the role and drops copied blessings; no read', async (t) => {
    const dir = tempDir();
    t.after(() => rmSync(dir, { recursive: true, force: true }));
    const file = join(dir, 'role.json');
    const role = { id: 'proxy', containers: [{ name: 'proxy', container_set_name: 'proxy' }] };
    writeFileSync(file, JSON.stringify({ role, blessings: { runner_ids_to_blessing: {} } }));
    const { plan } = await planOf(roleCreate, { file, id: 'edge-proxy' });
    assert.deepEqual(
      plan.writes?.map((w) => [w.method, w.path, w.body]),
      [
        [
          'POST',
          '/platform/infrastructure/blueprinter/roles',
          { role: { ...role, id: 'edge-proxy', auto_blessed: false } },
        ],
      ],
    );
    assert.equal(plan.done, 'Created runner role edge-proxy.');
    await assert.rejects(planOf(roleCreate, {}), {
      message: 'give the role with -f FILE (- for stdin)',
    });
  });

  it('runners resync: one runner or --all, no read; neither is exit 2', async () => {
    const { plan } = await planOf(resync, { all: true });
    assert.deepEqual(
      plan.writes?.map((w) => [w.method, w.path]),
      [['POST', '/platform/infrastructure/runners/_resync']],
    );
    await assert.rejects(planOf(resync, {}), { message: 'give a runner id, or --all' });
  });

  it('allocators metadata set: one PUT of the item, no read; an empty value is exit 2', async () => {
    const { plan } = await planOf(metadataSet, { allocator: 'a-1', key: 'rack', value: 'r7' });
    assert.deepEqual(
      plan.writes?.map((w) => [w.method, w.path, w.body]),
      [['PUT', '/platform/infrastructure/allocators/a-1/metadata/rack', { value: 'r7' }]],
    );
    await assert.rejects(planOf(metadataSet, { allocator: 'a-1', key: 'rack', value: '' }), {
      message: 'the metadata value is empty (delete the key instead)',
    });
  });

  it('snapshot-repos set: one PUT; a credential is a shell variable in the curl line', async (t) => {
    const dir = tempDir();
    t.after(() => rmSync(dir, { recursive: true, force: true }));
    const file = join(dir, 's3.json');
    writeFileSync(file, JSON.stringify({ bucket: 'b', secret_key: 'hush-hush-0001' }));
    const { plan, curls } = await planOf(repoSet, { name: 'backups', file, type: 's3' });
    assert.deepEqual(
      plan.writes?.map((w) => [w.method, w.path]),
      [['PUT', '/platform/configuration/snapshots/repositories/backups']],
    );
    assert.ok(curls[0]?.includes('$ECE_REPO_SECRET_KEY'), curls[0]);
    assert.ok(!curls[0]?.includes('hush-hush-0001'), curls[0]);
    assert.equal(plan.done, 'Saved snapshot repository backups.');
  });

  it('instance-configs create: what ECE fills in is left out, --id set; no read', async (t) => {
    const dir = tempDir();
    t.after(() => rmSync(dir, { recursive: true, force: true }));
    const file = join(dir, 'ic.json');
    writeFileSync(file, JSON.stringify({ name: 'big', config_version: 2, system_owned: true }));
    const { plan } = await planOf(icCreate, { file, id: 'data.big' });
    assert.deepEqual(
      plan.writes?.map((w) => [w.method, w.path, w.body]),
      [['POST', '/platform/configuration/instances', { name: 'big', id: 'data.big' }]],
    );
    assert.equal(plan.done, 'Created instance configuration big.');
  });

  it('deployments shutdown: the write, the question, the note; nothing read for an id', async () => {
    const { plan } = await planOf(shutdown, { deployment: ID, skipSnapshot: true });
    assert.deepEqual(
      plan.writes?.map((w) => [w.method, w.path, w.query]),
      [['POST', `/deployments/${ID}/_shutdown`, { skip_snapshot: true }]],
    );
    assert.equal(plan.confirm, `Shut down deployment ${ID}? Its resources stop.`);
    assert.equal(plan.done, `Shutting down deployment ${ID}.`);
    assert.equal(plan.wait?.deployment, ID);
  });

  it('deployments create: one POST with a request_id, no read; the note and the wait come from the answer', async (t) => {
    const dir = tempDir();
    t.after(() => rmSync(dir, { recursive: true, force: true }));
    const file = join(dir, 'd.json');
    writeFileSync(file, JSON.stringify({ resources: {} }));
    const { plan } = await planOf(create, { file, name: 'staging', requestId: 'r'.repeat(32) });
    assert.deepEqual(
      plan.writes?.map((w) => [w.method, w.path, w.query, w.body]),
      [
        [
          'POST',
          '/deployments',
          { request_id: 'r'.repeat(32) },
          { resources: {}, name: 'staging' },
        ],
      ],
    );
    const answer = {
      url: `${BASE}/deployments`,
      status: 201,
      headers: {},
      text: JSON.stringify({
        id: ID,
        name: 'staging',
        resources: [{ kind: 'kibana', ref_id: 'main-kibana' }],
      }),
    };
    assert.equal(
      typeof plan.done === 'function' && plan.done([answer]),
      `Created deployment staging (${ID}).`,
    );
    const wait = plan.wait;
    assert.equal(typeof wait?.deployment === 'function' && wait.deployment([answer]), ID);
    await assert.rejects(planOf(create, {}), {
      message: 'give a definition with -f FILE (or -f - for stdin), or --template-id',
    });
  });

  it('deployments es: the effect follows the method (GET reads, DELETE asks, PUT writes)', () => {
    const input = { deployment: ID, path: '/x' };
    assert.equal(es.effectOf?.({ ...input, method: 'GET' }), 'read');
    assert.equal(es.effectOf?.({ ...input, method: 'DELETE' }), 'destructive');
    assert.equal(es.effectOf?.({ ...input, method: 'PUT' }), 'write');
  });

  it('extensions create --upload and stack upload: the writes planned with no read; the upload streams from the file', async (t) => {
    const dir = tempDir();
    t.after(() => rmSync(dir, { recursive: true, force: true }));
    const zip = join(dir, 'synonyms.zip');
    writeFileSync(zip, Buffer.from('PK\u0003\u0004 not much of an archive'));
    const { plan } = await planOf(extensionCreate, {
      name: 'synonyms',
      type: 'bundle',
      version: '8.*',
      upload: zip,
    });
    assert.deepEqual(
      plan.writes?.map((w) => [w.method, w.path]),
      [
        ['POST', '/deployments/extensions'],
        ['PUT', '/deployments/extensions/EXTENSION_ID'],
      ],
    );
    assert.equal(
      plan.dryRunNote,
      'dry run: EXTENSION_ID stands for the id the create answers with',
    );
    assert.equal(typeof plan.send, 'function');
    const stack = await planOf(stackUpload, { zip });
    assert.deepEqual(
      stack.plan.writes?.map((w) => [w.method, w.path]),
      [['POST', '/stack/versions']],
    );
  });

  it('deployments delete: one DELETE, the question and the hint for a running deployment', async () => {
    const { plan, curls } = await planOf(remove, { deployment: ID });
    assert.deepEqual(
      plan.writes?.map((w) => [w.method, w.path]),
      [['DELETE', `/deployments/${ID}`]],
    );
    assert.equal(plan.confirm, `Delete deployment ${ID} for good?`);
    assert.match(curls[0] ?? '', /\| curl -sS -g -K - -X DELETE /);
    assert.equal(remove.effect, 'destructive');
  });

  it("deployments restart and stop: the write on the resource; stop's effect by kind", async () => {
    const { plan } = await planOf(restart, {
      deployment: ID,
      kind: 'kibana',
      refId: 'main-kibana',
      cancelPending: true,
    });
    assert.deepEqual(
      plan.writes?.map((w) => [w.method, w.path, w.query]),
      [['POST', `/deployments/${ID}/kibana/main-kibana/_restart`, { cancel_pending: true }]],
    );
    assert.equal(stop.effectOf?.({ deployment: ID, kind: 'kibana' }), 'write');
    assert.equal(stop.effectOf?.({ deployment: ID }), 'destructive');
  });

  it('license set: checks the file before planning; one PUT of the license', async (t) => {
    const dir = tempDir();
    t.after(() => rmSync(dir, { recursive: true, force: true }));
    const file = join(dir, 'license.json');
    const license = {
      uid: 'u-1',
      type: 'enterprise',
      issuer: 'Elastic',
      issued_to: 'ACME',
      issue_date_in_millis: 1,
      start_date_in_millis: 1,
      expiry_date_in_millis: 2,
      signature: 'sig',
    };
    writeFileSync(file, JSON.stringify({ license }));
    const { plan, curls } = await planOf(licenseSet, { file });
    assert.deepEqual(
      plan.writes?.map((w) => [w.method, w.path, w.body]),
      [['PUT', '/platform/license', { license }]],
    );
    assert.equal(
      plan.confirm,
      "Install the enterprise license issued to ACME? It replaces the platform's license.",
    );
    assert.ok(curls[0]?.includes(`${BASE}/platform/license`), curls[0]);
    writeFileSync(file, '{"license": {"uid": "u-1"}}');
    await assert.rejects(planOf(licenseSet, { file }), {
      message: `${file}: not a license file: it lacks type, issuer, issued_to, issue_date_in_millis, start_date_in_millis, expiry_date_in_millis, signature`,
    });
  });
});

describe('the executor, in-process against a per-test server', () => {
  registerSecret(API_KEY);
  afterEach(closeAll);
  const START = '/platform/infrastructure/allocators/10.0.0.1/maintenance-mode/_start';

  it('allocators maintenance <host> on --yes (as the README has it), and on <host>: one POST each', async () => {
    const s = await serve({ [`POST ${START}`]: [202, {}] }, [
      { method: 'POST', path: `/api/v1${START}`, times: 2 },
    ]);
    for (const argv of [
      ['allocators', 'maintenance', '10.0.0.1', 'on', '--yes'],
      ['allocators', 'maintenance', 'on', '10.0.0.1'],
    ]) {
      const r = await run(argv, { env: envFor(s) });
      assert.deepEqual(
        [r.code, r.stdout, r.stderr],
        [0, '', 'Maintenance mode on for allocator 10.0.0.1.\n'],
        argv.join(' '),
      );
    }
    const json = await run(['allocators', 'maintenance', '10.0.0.1', 'on', '--json'], {
      env: envFor(s),
    });
    assert.deepEqual([json.code, json.stdout], [0, '{}\n']);
    assert.equal(s.requests.length, 3);
  });

  it('a destructive verb: no terminal and no --yes is exit 2 before any request; --dry-run sends no write', async () => {
    const s = await serve({});
    const refused = await run(['deployments', 'shutdown', ID], { env: envFor(s) });
    assert.deepEqual(
      [refused.code, refused.stdout, refused.stderr],
      [2, '', 'error: this needs confirmation: pass --yes to run it without a terminal\n'],
    );
    const dry = await run(['deployments', 'shutdown', ID, '--dry-run', '--wait'], {
      env: envFor(s),
    });
    assert.deepEqual(
      [dry.code, ua(dry.stdout), dry.stderr],
      [0, curl('POST', `${s.url}/api/v1/deployments/${ID}/_shutdown`), ''],
    );
    assert.equal(s.requests.length, 0);
  });
});

// From `ece help --json`, not from a hand list: the verbs of every group.
const tree = JSON.parse((await run(['help', '--json'])).stdout) as HelpJson;
const verbs = tree.commands.filter((c) => c.subcommands.length === 0 && c.name !== 'help');
const unmigrated = verbs.filter((c) => c.effect === null).map((c) => c.path.slice(4));

describe('ece help --json: effects and the flags they bring', () => {
  const dryRunIsGlobal = tree.commands[0]?.options.some((o) => o.long === '--dry-run' && o.global);

  it('every verb that declares write or destructive takes --yes, and --dry-run (global)', () => {
    assert.ok(dryRunIsGlobal, '--dry-run is a global option');
    const declared = verbs.filter((c) => c.effect !== null);
    assert.ok(declared.length >= 7, `only ${declared.length} verbs declare an effect`);
    const lacking = declared
      .filter((c) => c.effect !== 'read' && !c.options.some((o) => o.long === '--yes'))
      .map((c) => c.path);
    assert.deepEqual(lacking, []);
    const groups = tree.commands.filter((c) => c.subcommands.length > 0);
    assert.deepEqual(
      groups.filter((c) => c.effect !== null).map((c) => c.path),
      [],
      'a group has no effect of its own',
    );
  });

  it('every verb declares its effect (all are on the command model)', () =>
    assert.deepEqual(unmigrated, []));
});
