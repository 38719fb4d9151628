// The one pager (src/api/pager.ts): cursor pages, from/size pages, and the
// limits that keep it from looping or truncating silently. A real server
// each; the client is the real ApiClient.

import { describe, it } from 'node:test';
import { ApiClient } from '../../src/api/client.js';
import { parseHost } from '../../src/api/host.js';
import { mergePages, pages } from '../../src/api/pager.js';
import { ResponseError } from '../../src/errors.js';
import assert from '../helpers/assert.js';
import { run } from '../helpers/cli.js';
import { type Handler, json, startServer } from '../helpers/server.js';

const dep = (i: number) => ({ id: `d${i}`, name: `dep-${i}` });
const range = (from: number, n: number) => Array.from({ length: n }, (_, i) => dep(from + i));

async function withClient<T>(handler: Handler, fn: (c: ApiClient) => Promise<T>) {
  const server = await startServer(handler, { contract: false });
  const client = new ApiClient({
    endpoint: parseHost(server.url),
    credential: { type: 'apikey', secret: 'k-pager', source: 'test' },
    userAgent: 't',
    timeoutMs: 60_000, // not about time: generous for a loaded machine
    env: {},
    sleep: async () => undefined,
  });
  try {
    return { result: await fn(client), server };
  } finally {
    await client.close();
    await server.close();
  }
}

const bodies = (s: { requests: { body: string }[] }) => s.requests.map((r) => JSON.parse(r.body));

describe('pager', () => {
  it('follows the cursor over 5 pages on one connection, and stops at a page without one', async () => {
    const { result, server } = await withClient(
      (q, res) => {
        const b = JSON.parse(q.body) as { cursor?: string };
        const n = b.cursor ? Number(b.cursor.slice(1)) : 0;
        json(res, 200, {
          return_count: 2,
          deployments: range(n * 2, 2),
          ...(n < 4 ? { cursor: `c${n + 1}` } : {}),
        });
      },
      (c) => mergePages(c, { path: '/deployments/_search', body: { size: 2 } }),
    );
    assert.equal(result.pages, 5);
    assert.deepEqual(result.merged, { return_count: 10, deployments: range(0, 10) });
    assert.deepEqual(bodies(server), [
      { size: 2 },
      { cursor: 'c1' },
      { cursor: 'c2' },
      { cursor: 'c3' },
      { cursor: 'c4' },
    ]);
    assert.equal(server.connections, 1);
  });

  it('a repeated cursor is a clear error (exit 1), not a loop', async () => {
    const { result, server } = await withClient(
      (_q, res) => json(res, 200, { return_count: 1, deployments: [dep(1)], cursor: 'same' }),
      (c) =>
        mergePages(c, { path: '/deployments/_search', body: {} }).then(
          () => undefined,
          (e: unknown) => e,
        ),
    );
    assert.ok(result instanceof ResponseError);
    assert.equal(result.exitCode, 1);
    assert.equal(
      result.message,
      'ECE sent the same paging cursor twice (page 2 of /deployments/_search); stopped rather than loop',
    );
    assert.equal(server.requests.length, 2);
  });

  it('stops after the page cap with an error that says so', async () => {
    let n = 0;
    const { result, server } = await withClient(
      (_q, res) => json(res, 200, { return_count: 1, deployments: [dep(n)], cursor: `c${++n}` }),
      async (c) => {
        const seen: number[] = [];
        try {
          for await (const p of pages(c, { path: '/deployments/_search' }, { maxPages: 3 }))
            seen.push(p.number);
        } catch (e) {
          return { seen, e };
        }
        return { seen, e: undefined };
      },
    );
    assert.deepEqual(result.seen, [1, 2, 3]);
    assert.ok(result.e instanceof ResponseError);
    assert.equal(
      result.e.message,
      '/deployments/_search has more than 3 pages; stopped (narrow the search, or page with a larger size)',
    );
    assert.equal(server.requests.length, 3);
  });

  it('a page that is not JSON is a clear error naming the page', async () => {
    const { result } = await withClient(
      (_q, res, n) => {
        if (n === 1) json(res, 200, { return_count: 1, deployments: [dep(1)], cursor: 'c1' });
        else res.writeHead(200, { 'content-type': 'text/html' }).end('<html>proxy</html>');
      },
      (c) =>
        mergePages(c, { path: '/deployments/_search' }).then(
          () => undefined,
          (e: unknown) => e,
        ),
    );
    assert.ok(result instanceof ResponseError);
    assert.equal(
      result.message,
      'page 2 from ECE is not a JSON object (HTTP 200): an HTML page instead of the ECE API (a proxy or load balancer in between?)',
    );
  });

  it('from/size mode in the query (GET lists such as allocators): stops at a short page', async () => {
    const { result, server } = await withClient(
      (q, res) => {
        const u = new URL(q.url, 'http://x');
        const from = Number(u.searchParams.get('from'));
        const size = Number(u.searchParams.get('size'));
        json(res, 200, { allocators: range(from, Math.max(0, Math.min(size, 7 - from))) });
      },
      (c) =>
        mergePages(
          c,
          { path: '/platform/infrastructure/allocators', method: 'GET' },
          { mode: 'from', size: 3 },
        ),
    );
    assert.deepEqual(result.merged, { allocators: range(0, 7) });
    assert.deepEqual(
      server.requests.map((r) => [r.method, r.url]),
      [
        ['GET', '/api/v1/platform/infrastructure/allocators?from=0&size=3'],
        ['GET', '/api/v1/platform/infrastructure/allocators?from=3&size=3'],
        ['GET', '/api/v1/platform/infrastructure/allocators?from=6&size=3'],
      ],
    );
    assert.equal(server.connections, 1);
  });

  it('without cursors (ECE before 3.8) it goes on with from/size while match_count says there is more', async () => {
    const { result, server } = await withClient(
      (q, res) => {
        const b = JSON.parse(q.body) as { from?: number; size?: number };
        const from = b.from ?? 0;
        const size = b.size ?? 100;
        const hits = range(from, Math.max(0, Math.min(size, 5 - from)));
        json(res, 200, { return_count: hits.length, match_count: 5, deployments: hits });
      },
      (c) =>
        mergePages(c, {
          path: '/deployments/_search',
          body: { size: 2, query: { match_all: {} } },
        }),
    );
    assert.deepEqual(result.merged, { return_count: 5, match_count: 5, deployments: range(0, 5) });
    assert.deepEqual(bodies(server), [
      { size: 2, query: { match_all: {} } },
      { size: 2, query: { match_all: {} }, from: 2 },
      { size: 2, query: { match_all: {} }, from: 4 },
    ]);
  });

  it('ece api --paginate: an empty page ends the paging, even with a cursor', async () => {
    const server = await startServer((_q, res) =>
      json(res, 200, { return_count: 0, deployments: [], cursor: 'x' }),
    );
    try {
      const r = await run(['api', '/deployments/_search', '--paginate'], {
        env: { ECE_HOST: server.url, ECE_API_KEY: 'k-paginate' },
      });
      assert.equal(r.code, 0, r.stderr);
      assert.equal(r.stdout, '{"return_count":0,"deployments":[]}\n');
      assert.equal(server.requests.length, 1);
    } finally {
      await server.close();
    }
  });

  it('ece api --paginate: a repeated cursor is exit 1 with one line', async () => {
    const server = await startServer((_q, res) =>
      json(res, 200, { return_count: 1, deployments: [dep(1)], cursor: 'again' }),
    );
    try {
      const r = await run(['api', '/deployments/_search', '--paginate'], {
        env: { ECE_HOST: server.url, ECE_API_KEY: 'k-paginate' },
      });
      assert.equal(r.code, 1);
      assert.equal(r.stdout, '');
      assert.equal(
        r.stderr,
        'error: ECE sent the same paging cursor twice (page 2 of /deployments/_search); stopped rather than loop\n',
      );
    } finally {
      await server.close();
    }
  });
});
