// search --all on an installation without search cursors (ECE before 3.8):
// it pages with from/size, or stops with a warning naming match_count —
// never a silent truncation. The version comes from GET /platform.

import { describe, it } from 'node:test';
import assert from '../helpers/assert.js';
import { run } from '../helpers/cli.js';
import { eceError, json, startServer } from '../helpers/server.js';

const hit = (i: number) => ({
  id: i.toString(16).padStart(32, '0'),
  name: `deployment-${i}`,
  resources: { elasticsearch: [], kibana: [] },
});

/** ECE 3.7: from/size only, no cursor, match_count of `total`. */
async function server37(total: number, platform: 'ok' | 'missing' = 'ok') {
  return startServer((req, res) => {
    if (req.url === '/api/v1/platform')
      return platform === 'ok'
        ? json(res, 200, {
            version: '3.7.0',
            services: [],
            phone_home_enabled: false,
            eula_accepted: true,
            regions: [],
          })
        : eceError(res, 404, 'root.not_found', 'not found');
    const body = JSON.parse(req.body || '{}') as { from?: number; size?: number; cursor?: string };
    assert.equal(body.cursor, undefined);
    const from = body.from ?? 0;
    const size = body.size ?? 100;
    const hits = Array.from({ length: Math.max(0, Math.min(size, total - from)) }, (_, i) =>
      hit(from + i),
    );
    return json(res, 200, { return_count: hits.length, match_count: total, deployments: hits });
  });
}

const searches = (urls: { url: string; body: string }[]) =>
  urls
    .filter((r) => r.url === '/api/v1/deployments/_search')
    .map((r) => {
      const b = JSON.parse(r.body) as { from?: number; size?: number };
      return `${b.from ?? 0}+${b.size}`;
    });

describe('search --all without cursors', () => {
  it('ECE 3.7 with 250 matches: three from/size pages, every deployment once', async () => {
    const server = await server37(250);
    try {
      const r = await run(['deployments', 'search', '--all', '--json'], {
        env: { ECE_HOST: server.url, ECE_API_KEY: 'paging-key-1' },
      });
      assert.equal(r.code, 0, r.stderr);
      assert.equal(r.stderr, '');
      const body = JSON.parse(r.stdout) as { deployments: { id: string }[]; match_count: number };
      assert.equal(new Set(body.deployments.map((d) => d.id)).size, 250);
      assert.equal(body.match_count, 250);
      assert.deepEqual(searches(server.requests), ['0+100', '100+100', '200+100']);
      assert.equal(server.requests[0]?.url, '/api/v1/platform');
    } finally {
      await server.close();
    }
  });

  it('more matches than ECE pages through: a warning naming match_count, not a silent cut', async () => {
    const server = await server37(12_000);
    try {
      const r = await run(['deployments', 'search', '--all', '--size', '4000'], {
        env: { ECE_HOST: server.url, ECE_API_KEY: 'paging-key-1' },
      });
      assert.equal(r.code, 0, r.stderr);
      assert.equal(
        r.stderr,
        'warning: stopped after 8000 of 12000 matching deployments (match_count): without a search cursor (ECE 3.8.0+; this is 3.7.0) ECE pages no deeper than 10000; narrow the query\n',
      );
      assert.equal(r.stdout.trimEnd().split('\n').length, 8000);
      assert.deepEqual(searches(server.requests), ['0+4000', '4000+4000']);
    } finally {
      await server.close();
    }
  });

  it('an unknown version and no cursor in the answer: from/size all the same', async () => {
    const server = await server37(150, 'missing');
    try {
      const r = await run(['deployments', 'search', '--all'], {
        env: { ECE_HOST: server.url, ECE_API_KEY: 'paging-key-1' },
      });
      assert.equal(r.code, 0, r.stderr);
      assert.equal(r.stdout.trimEnd().split('\n').length, 150);
      assert.deepEqual(searches(server.requests), ['0+undefined', '100+100']);
    } finally {
      await server.close();
    }
  });
});
