// `ece comments` against the sandbox, in-process: none at first, then add,
// list, update and delete on a deployment's resource and an allocator (the
// built binary: test/e2e/comments.test.ts).

import { describe, it } from 'node:test';
import assert from '../helpers/assert.js';
import { run } from '../helpers/cli.js';
import { useSandbox } from '../helpers/sandbox.js';

describe('comments against the sandbox', () => {
  const t = useSandbox({ deployments: 2 });
  const env = t.env;

  it('none at first; add, list, update, delete on a resource and an allocator', async () => {
    const empty = await run(['comments', 'list', 'prod-logs', '--json'], { env });
    assert.deepEqual([empty.code, empty.stdout], [0, '{"values":[]}\n']);
    const added = await run(['comments', 'add', 'prod-logs', 'Resized for the peak'], { env });
    assert.equal(added.code, 0);
    const id = added.stdout.trim();
    const kibana = await run(['comments', 'add', 'prod-logs', '--kind', 'kibana', 'Kibana note'], {
      env,
    });
    assert.equal(kibana.code, 0);
    const list = await run(
      ['comments', 'list', 'prod-logs', '--query', 'values[].comment.[id, user_id, message]'],
      {
        env,
      },
    );
    assert.equal(list.stdout, `${id}\tsandbox-admin\tResized for the peak\n`);
    const updated = await run(['comments', 'update', 'prod-logs', id, 'Resized to 8g'], { env });
    assert.deepEqual([updated.code, updated.stderr], [0, `Updated comment ${id}.\n`]);
    const shown = await run(
      ['comments', 'list', 'prod-logs', '--query', 'values[0].comment.message'],
      {
        env,
      },
    );
    assert.equal(shown.stdout, 'Resized to 8g\n');
    // show: one comment; the table adds what ECE sends as headers, --json is the body.
    const one = await run(['comments', 'show', 'prod-logs', id], { env });
    assert.equal(one.code, 0, one.stderr);
    assert.match(
      one.stdout,
      new RegExp(
        `^id\t${id}\nuser\tsandbox-admin\ncreated\t\\S+\nmodified\t\\S+\nversion\t\\S+\nmessage\tResized to 8g\n$`,
      ),
    );
    const oneJson = await run(['comments', 'show', 'prod-logs', id, '--json'], { env });
    assert.deepEqual(JSON.parse(oneJson.stdout), {
      id,
      user_id: 'sandbox-admin',
      message: 'Resized to 8g',
    });
    const missing = await run(['comments', 'show', 'prod-logs'], { env });
    assert.deepEqual([missing.code, missing.stderr], [2, 'error: missing the comment id\n']);
    const host = await run(['comments', 'add', '--allocator', '192.168.44.11', 'Disk replaced'], {
      env,
    });
    assert.equal(host.code, 0);
    const unknown = await run(['comments', 'add', '--allocator', '10.9.9.9', 'x'], { env });
    assert.equal(unknown.code, 3);
    const del = await run(['comments', 'delete', 'prod-logs', id, '--yes'], { env });
    assert.equal(del.code, 0);
    const after = await run(['comments', 'list', 'prod-logs', '--json'], { env });
    assert.equal(after.stdout, '{"values":[]}\n');
  });
});
