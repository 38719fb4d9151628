// comments verbs' plans without a server: what add would send, and the
// target and arguments checked before any request.

import { describe, it } from 'node:test';
import { verb as add } from '../../src/commands/comments/add.js';
import { verb as del } from '../../src/commands/comments/delete.js';
import { verb as update } from '../../src/commands/comments/update.js';
import assert from '../helpers/assert.js';
import { planOf } from '../helpers/plan.js';

describe('comments plans (no server)', () => {
  it('add --allocator: one POST of the message from stdin (its last newline dropped), no read', async () => {
    const { plan } = await planOf(
      add,
      { kind: 'elasticsearch', allocator: '192.168.44.10', deployment: '-' },
      { stdin: 'Disk replaced\n' },
    );
    assert.deepEqual(
      plan.writes?.map((w) => [w.method, w.path, w.body]),
      [['POST', '/comments/allocator/192.168.44.10', { message: 'Disk replaced' }]],
    );
    assert.equal(plan.done, 'Added a comment to allocator 192.168.44.10.');
  });

  it('missing or extra arguments and mixed targets are usage errors before any request', async () => {
    await assert.rejects(planOf(del, { kind: 'elasticsearch', deployment: 'prod-logs' }), {
      message: 'missing the comment id',
    });
    await assert.rejects(
      planOf(update, {
        kind: 'elasticsearch',
        runner: 'r-1',
        deployment: 'prod-logs',
        commentId: 'c1',
        message: 'm',
      }),
      { message: 'too many arguments (with --runner, leave out the deployment)' },
    );
    await assert.rejects(planOf(add, { kind: 'kibana', proxy: 'p-1', deployment: 'm' }), {
      message: "--kind and --ref-id are for a deployment's resources, not --proxy",
    });
  });
});
