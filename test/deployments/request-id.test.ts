// A user's --request-id is checked against ECE's limit (32 to 128
// characters) before anything is sent; generated ids stay within it.

import { describe, it } from 'node:test';
import assert from '../helpers/assert.js';
import { run } from '../helpers/cli.js';
import { json, startServer } from '../helpers/server.js';

const CREATED = { id: 'a'.repeat(32), name: 'x', created: true, resources: [] };

describe('create --request-id', () => {
  for (const [id, n] of [
    ['short', 5],
    ['x'.repeat(31), 31],
    ['x'.repeat(129), 129],
  ] as const) {
    it(`an id of ${n} characters is exit 2 naming the limit; nothing is sent`, async () => {
      const server = await startServer((_req, res) => json(res, 201, CREATED));
      try {
        const r = await run(
          ['deployments', 'create', '--template-id', 'default', '--name', 'x', '--request-id', id],
          { env: { ECE_HOST: server.url, ECE_API_KEY: 'request-id-key-1' } },
        );
        assert.deepEqual(
          [r.code, r.stdout, r.stderr],
          [
            2,
            '',
            `error: invalid --request-id: ECE takes 32 to 128 characters, this one has ${n}\n`,
          ],
        );
        assert.equal(server.requests.length, 0);
      } finally {
        await server.close();
      }
    });
  }

  it('ids of 32 and 128 characters, and a generated one, are sent as request_id', async () => {
    const server = await startServer((_req, res) => json(res, 201, CREATED));
    try {
      for (const id of ['y'.repeat(32), 'z'.repeat(128), undefined]) {
        const r = await run(
          [
            'deployments',
            'create',
            '--template-id',
            'default',
            '--name',
            'x',
            ...(id ? ['--request-id', id] : []),
          ],
          { env: { ECE_HOST: server.url, ECE_API_KEY: 'request-id-key-1' } },
        );
        assert.equal(r.code, 0, r.stderr);
        const sent = new URL(server.requests.at(-1)?.url ?? '', server.url).searchParams.get(
          'request_id',
        );
        if (id) assert.equal(sent, id);
        else assert.match(sent ?? '', /^ece-cli-[0-9a-f-]{36}$/);
      }
      assert.equal(server.requests.length, 3);
    } finally {
      await server.close();
    }
  });
});
