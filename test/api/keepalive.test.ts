// Sequential requests of one run share one kept-alive connection.

import { describe, it } from 'node:test';
import assert from '../helpers/assert.js';
import { run } from '../helpers/cli.js';
import { json, startServer } from '../helpers/server.js';

describe('keep-alive', () => {
  it('search --all pages through the cursor on a single TCP connection', async () => {
    const hits = Array.from({ length: 25 }, (_, i) => ({
      id: i.toString(16).padStart(32, '0'),
      name: `d${i}`,
      healthy: true,
      resources: {
        elasticsearch: [],
        kibana: [],
        apm: [],
        integrations_server: [],
        enterprise_search: [],
        appsearch: [],
      },
    }));
    const server = await startServer((req, res) => {
      const q = JSON.parse(req.body || '{}') as { cursor?: string; size?: number };
      const [from, size] = q.cursor ? q.cursor.split(':').map(Number) : [0, q.size ?? 100];
      const start = from ?? 0;
      const n = size ?? 100;
      const page = hits.slice(start, start + n);
      const more = start + n < hits.length;
      json(res, 200, {
        return_count: page.length,
        match_count: hits.length,
        deployments: page,
        ...(more ? { cursor: `${start + n}:${n}` } : {}),
      });
    });
    try {
      const r = await run(['deployments', 'search', '--all', '--size', '5'], {
        env: { ECE_HOST: server.url, ECE_API_KEY: 'keepalive-key' },
      });
      assert.equal(r.code, 0, r.stderr);
      assert.equal(r.stdout.trim().split('\n').length, 25);
      // GET /platform (is there a cursor? ECE 3.8+) and five pages.
      assert.equal(server.requests.length, 6);
      assert.equal(server.connections, 1);
    } finally {
      await server.close();
    }
  });
});
