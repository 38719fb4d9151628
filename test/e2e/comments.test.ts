// `ece comments` with the built binary against the sandbox: rows, exit
// codes, help, no stack trace (in-process: test/commands/comments-sandbox.test.ts).

import { before, describe, it } from 'node:test';
import assert from '../helpers/assert.js';
import { ece } from '../helpers/e2e.js';
import { useSandbox } from '../helpers/sandbox.js';

describe('comments against the sandbox', () => {
  const t = useSandbox({ deployments: 2 });
  const env = t.env;
  before(async () => {
    // A comment on an allocator for the list below to find.
    const added = await t.call('POST', '/comments/allocator/192.168.44.11', {
      body: { message: 'Disk replaced' },
    });
    assert.equal(added.status, 201, JSON.stringify(added.body));
  });

  it('the built binary: rows, exit codes, no stack trace', async () => {
    const cases: [string[], number, string | RegExp][] = [
      [
        ['comments', 'list', '--allocator', '192.168.44.11', '--query', 'values[].comment.message'],
        0,
        'Disk replaced\n',
      ],
      [['comments', 'list', 'no-such-deployment'], 3, ''],
      [['comments', 'delete', 'prod-logs', 'nope'], 2, ''],
      [['comments', 'add', '--runner', '192.168.44.12', '--kind', 'kibana', 'x'], 2, ''],
      [['comments', '--help'], 0, /ece comments list --allocator 192\.168\.44\.11/],
    ];
    for (const [argv, code, stdout] of cases) {
      const r = await ece(argv, { env });
      assert.equal(r.code, code, `${argv.join(' ')}: ${r.stderr}`);
      if (typeof stdout === 'string') assert.equal(r.stdout, stdout, argv.join(' '));
      else assert.match(r.stdout, stdout);
      assert.ok(!/\n\s+at /.test(r.stderr), `${argv.join(' ')}: a stack trace`);
    }
  });
});
