// `ece constructors resync <id>|--all`: the exact requests checked against the
// spec (no server), the input rules, then the sandbox in-process.

import { describe, it } from 'node:test';
import { verb } from '../../src/commands/constructors/resync.js';
import assert from '../helpers/assert.js';
import { run } from '../helpers/cli.js';
import { planOf } from '../helpers/plan.js';
import { checkPlanned } from '../helpers/planned.js';
import { useSandbox } from '../helpers/sandbox.js';

describe('constructors resync: plans (no server)', () => {
  it('one constructor or all of them: one POST each, as the spec has it', async () => {
    const one = await planOf(verb, { id: '192.168.44.10' });
    const all = await planOf(verb, { all: true });
    assert.deepEqual([...(one.plan.writes ?? []), ...(all.plan.writes ?? [])].map(checkPlanned), [
      {
        operation: 'POST /platform/infrastructure/constructors/{constructor_id}/_resync',
        violations: [],
      },
      { operation: 'POST /platform/infrastructure/constructors/_resync', violations: [] },
    ]);
  });

  it('neither or both of an id and --all: exit 2 before any request', async () => {
    await assert.rejects(planOf(verb, {}), { message: 'give a constructor id, or --all' });
    await assert.rejects(planOf(verb, { id: 'c', all: true }), {
      message: '--all cannot be combined with a constructor id',
    });
  });
});

describe('constructors resync against the sandbox', () => {
  const sb = useSandbox({ deployments: 0, systemDeployments: false });

  it('--all: the count on stderr; --json: ECE’s answer', async () => {
    const r = await run(['constructors', 'resync', '--all'], { env: sb.env });
    assert.deepEqual(
      [r.code, r.stdout, r.stderr],
      [0, '', 'Resynchronizing every constructor: 1 updated, 0 errors.\n'],
    );
    const json = await run(['constructors', 'resync', '--all', '--json'], { env: sb.env });
    assert.deepEqual(JSON.parse(json.stdout), {
      results: {
        constructors: { created: [], updated: ['192.168.44.10'], deleted: [], errors: [] },
      },
    });
  });

  it('one: done; an unknown one: exit 3 with ECE’s message', async () => {
    const r = await run(['constructors', 'resync', '192.168.44.10'], { env: sb.env });
    assert.deepEqual([r.code, r.stderr], [0, 'Resynchronized constructor 192.168.44.10.\n']);
    const missing = await run(['constructors', 'resync', '10.9.9.9'], { env: sb.env });
    assert.deepEqual(
      [missing.code, missing.stderr],
      [3, 'error: Constructor [10.9.9.9] cannot be found (constructors.constructor_not_found)\n'],
    );
  });
});
