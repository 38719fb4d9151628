// `ece users` verbs' plans, without a server: what they would send, ask and
// say; the password from stdin is a shell variable in the curl line.

import { describe, it } from 'node:test';
import { verb as create } from '../../src/commands/users/create.js';
import { verb as remove } from '../../src/commands/users/delete.js';
import { verb as update } from '../../src/commands/users/update.js';
import assert from '../helpers/assert.js';
import { planOf } from '../helpers/plan.js';

describe('users verbs plan without a server', () => {
  it('users create: one POST, no read; the password read from stdin is $ECE_PASSWORD in curl', async () => {
    const password = 'correct-horse-battery';
    const { plan, curls } = await planOf(
      create,
      { name: 'jdoe', role: ['ece_platform_viewer'], fullName: 'Jane Doe', passwordStdin: true },
      { stdin: `${password}\n` },
    );
    assert.deepEqual(
      (plan.writes ?? []).map((w) => [w.method, w.path]),
      [['POST', '/users']],
    );
    assert.equal(plan.done, 'Created user jdoe.');
    assert.equal(curls.length, 1);
    assert.ok(!(curls[0] ?? '').includes(password), curls[0]);
    assert.match(curls[0] ?? '', /\$ECE_PASSWORD/);
    assert.match(curls[0] ?? '', /roles.*ece_platform_viewer/);
  });

  it('users create and update: bad input is refused before any request', async () => {
    await assert.rejects(planOf(create, { name: 'jdoe', role: [] }), {
      message: 'give at least one --role (e.g. ece_platform_viewer)',
    });
    const none = { name: 'jdoe', role: [], addRole: [], removeRole: [] };
    await assert.rejects(planOf(update, none), { message: /^nothing to update: give --full-name/ });
    await assert.rejects(planOf(update, { ...none, changePassword: true, passwordStdin: true }), {
      message: '--change-password and --password-stdin cannot be combined',
    });
    await assert.rejects(planOf(update, { ...none, role: ['a'], addRole: ['b'] }), {
      message: '--role replaces the roles: it cannot be combined with --add-role or --remove-role',
    });
  });

  it('users delete is destructive and reads who is signed in first (the host answers nothing here)', async () => {
    assert.equal(remove.effect, 'destructive');
    await assert.rejects(planOf(remove, { name: 'jdoe' }), { message: /127\.0\.0\.1:9/ });
  });
});
