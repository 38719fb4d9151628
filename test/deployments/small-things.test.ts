// Issue 15's small things in the deployment commands: plan cancel finds the
// resource with a pending plan; stop of Elasticsearch confirms like shutdown;
// --validate-only does not look like a create; --prune-orphans names what it
// shuts down. Against a per-test server; the prompts on a real terminal are in
// test/e2e/deployments-prompts.test.ts.

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import assert from '../helpers/assert.js';
import { run } from '../helpers/cli.js';
import { IDS, useSmallThings } from './small-things-fixtures.js';

describe('the small things of plan cancel, stop, create and update', () => {
  const t = useSmallThings();
  const { env, writes } = t;

  it('plan cancel without --kind cancels the one resource with a pending plan', async () => {
    const start = t.server.requests.length;
    const r = await run(['deployments', 'plan', 'cancel', IDS[1], '--yes'], { env });
    assert.deepEqual(
      [r.code, r.stdout, r.stderr],
      [0, '', 'Cancelled the pending plan of elasticsearch main-elasticsearch.\n'],
    );
    assert.deepEqual(writes(start), [
      `DELETE /api/v1/deployments/${IDS[1]}/elasticsearch/main-elasticsearch/plan/pending`,
    ]);
  });

  it('plan cancel without --kind: several pending plans ask for --kind (exit 2), none says so (exit 3)', async () => {
    const start = t.server.requests.length;
    const several = await run(['deployments', 'plan', 'cancel', IDS[2], '--yes'], { env });
    assert.deepEqual(
      [several.code, several.stderr],
      [
        2,
        `error: deployment pending-2 (${IDS[2]}) has 2 pending plans; pick one with --kind (--kind elasticsearch --ref-id main-elasticsearch, --kind kibana --ref-id main-kibana)\n`,
      ],
    );
    const none = await run(['deployments', 'plan', 'cancel', IDS[0], '--yes'], { env });
    assert.deepEqual(
      [none.code, none.stderr],
      [3, `error: deployment pending-0 (${IDS[0]}) has no pending plan to cancel\n`],
    );
    assert.deepEqual(writes(start), [], 'nothing was cancelled');
    const picked = await run(
      ['deployments', 'plan', 'cancel', IDS[2], '--kind', 'kibana', '--yes'],
      { env },
    );
    assert.equal(picked.code, 0, picked.stderr);
    assert.deepEqual(writes(start), [
      `DELETE /api/v1/deployments/${IDS[2]}/kibana/main-kibana/plan/pending`,
    ]);
    const refOnly = await run(
      ['deployments', 'plan', 'cancel', IDS[2], '--ref-id', 'main-kibana', '--yes'],
      { env },
    );
    assert.deepEqual([refOnly.code, refOnly.stderr], [2, 'error: --ref-id needs --kind\n']);
  });

  it('stop of Elasticsearch needs --yes without a terminal (exit 2, nothing sent); other kinds do not', async () => {
    const start = t.server.requests.length;
    const refused = await run(['deployments', 'stop', IDS[0]], { env });
    assert.deepEqual(
      [refused.code, refused.stderr],
      [2, 'error: this needs confirmation: pass --yes to run it without a terminal\n'],
    );
    assert.equal(t.server.requests.length, start, 'a request was sent');
    const yes = await run(['deployments', 'stop', IDS[0], '--yes'], { env });
    assert.deepEqual(
      [yes.code, yes.stderr],
      [0, `Stopping elasticsearch main-elasticsearch of deployment ${IDS[0]}.\n`],
    );
    const kibana = await run(['deployments', 'stop', IDS[0], '--kind', 'kibana'], { env });
    assert.equal(kibana.code, 0, kibana.stderr);
    assert.deepEqual(writes(start), [
      `POST /api/v1/deployments/${IDS[0]}/elasticsearch/main-elasticsearch/instances/_stop`,
      `POST /api/v1/deployments/${IDS[0]}/kibana/main-kibana/instances/_stop`,
    ]);
  });

  it('create --validate-only says nothing was created and shows no id or name', async () => {
    const file = join(t.dir, 'd.json');
    writeFileSync(file, JSON.stringify({ name: 'checked', resources: {} }));
    for (const tty of [false, true]) {
      const r = await run(['deployments', 'create', '-f', file, '--validate-only'], { env, tty });
      assert.deepEqual(
        [r.code, r.stdout, r.stderr],
        [0, '', 'The definition is valid — nothing was created.\n'],
      );
    }
    const asJson = await run(['deployments', 'create', '-f', file, '--validate-only', '--json'], {
      env,
    });
    assert.equal(asJson.code, 0);
    assert.equal(JSON.parse(asJson.stdout).created, false, 'the API body as it came');
  });

  it('update --prune-orphans names the resources it shuts down in a dry run', async () => {
    const file = join(t.dir, 'u.json');
    const r = await run(
      ['deployments', 'update', IDS[0], '-f', file, '--prune-orphans', '--dry-run'],
      {
        env,
      },
    );
    assert.equal(r.code, 0, r.stderr);
    assert.equal(
      r.stderr,
      `dry run: reading GET /api/v1/deployments/${IDS[0]}\ndry run: --prune-orphans would shut down kibana main-kibana, apm main-apm\n`,
    );
  });
});
