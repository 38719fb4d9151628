// A user-given value as a path segment: encoded, and never a step up the path
// or an empty segment (the review found `metadata delete <a> ..` deleting the
// allocator through a server that normalises %2E%2E).

import { describe, it } from 'node:test';
import { segment } from '../../src/api/path.js';
import { UsageError } from '../../src/errors.js';
import assert from '../helpers/assert.js';
import { run } from '../helpers/cli.js';
import { startServer } from '../helpers/server.js';

describe('path segments', () => {
  it('encodes what it is given', () => {
    assert.equal(segment('a b/c?d#e'), 'a%20b%2Fc%3Fd%23e');
    assert.equal(segment('...'), '...');
    assert.equal(segment('%2E%2E'), '%252E%252E');
  });

  it('refuses "", "." and ".." as usage errors', () => {
    for (const v of ['', '.', '..']) assert.throws(() => segment(v), UsageError, JSON.stringify(v));
  });

  it('a command given ".." or "" sends nothing and exits 2 with one line', async () => {
    const server = await startServer(() => undefined);
    try {
      const env = { ECE_HOST: server.url, ECE_API_KEY: 'path-test-key-0042' };
      const dots = await run(['allocators', 'metadata', 'delete', '192.168.44.12', '..'], { env });
      assert.deepEqual(
        [dots.code, dots.stdout, dots.stderr],
        [2, '', 'error: ".." is not a name or id (it is a step in a path)\n'],
      );
      const empty = await run(['stack', 'show', ''], { env });
      assert.deepEqual(
        [empty.code, empty.stdout, empty.stderr],
        [2, '', 'error: a name or id cannot be empty\n'],
      );
      assert.equal(server.requests.length, 0);
    } finally {
      await server.close();
    }
  });
});
