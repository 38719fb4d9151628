// allocators list pages through every allocator: ECE answers at most `size`
// (default 100) and no total, so it pages with `from` until a short page.

import { describe, it } from 'node:test';
import assert from '../helpers/assert.js';
import { run } from '../helpers/cli.js';
import { json, startServer } from '../helpers/server.js';

const allocator = (i: number) => ({
  allocator_id: `10.0.${Math.floor(i / 250)}.${i % 250}`,
  zone_id: i % 2 ? 'zone-b' : 'zone-a',
  host_ip: `10.0.0.${i % 250}`,
  public_hostname: `allocator-${i}`,
  capacity: { memory: { total: 65536, used: 1024 } },
  status: { connected: true, healthy: true, maintenance_mode: false },
  instances: [],
  features: [],
  settings: {},
  metadata: [],
});

/** ECE's paging: zones of the allocators in [from, from+size). */
function page(all: ReturnType<typeof allocator>[], url: string) {
  const q = new URL(url, 'http://x').searchParams;
  const from = Number(q.get('from') ?? 0);
  const size = Number(q.get('size') ?? 100);
  const slice = all.slice(from, from + size);
  const zones = ['zone-a', 'zone-b']
    .map((zone_id) => ({ zone_id, allocators: slice.filter((a) => a.zone_id === zone_id) }))
    .filter((z) => z.allocators.length > 0);
  return { zones };
}

describe('allocators list paging', () => {
  it('250 allocators: three pages, every allocator once, in TSV and in --json', async () => {
    const all = Array.from({ length: 250 }, (_, i) => allocator(i));
    const server = await startServer((req, res) => json(res, 200, page(all, req.url)));
    try {
      const env = { ECE_HOST: server.url, ECE_API_KEY: 'alloc-key-1' };
      const tsv = await run(['allocators', 'list'], { env });
      assert.equal(tsv.code, 0, tsv.stderr);
      const ids = tsv.stdout
        .trimEnd()
        .split('\n')
        .map((l) => l.split('\t')[0]);
      assert.equal(ids.length, 250);
      assert.equal(new Set(ids).size, 250);
      assert.deepEqual(
        server.requests.map((r) => r.url),
        [
          '/api/v1/platform/infrastructure/allocators?from=0&size=100',
          '/api/v1/platform/infrastructure/allocators?from=100&size=100',
          '/api/v1/platform/infrastructure/allocators?from=200&size=100',
        ],
      );
      const asJson = await run(['allocators', 'list', '--json'], { env });
      const body = JSON.parse(asJson.stdout) as { zones: { allocators: unknown[] }[] };
      assert.equal(
        body.zones.reduce((n, z) => n + z.allocators.length, 0),
        250,
      );
    } finally {
      await server.close();
    }
  });

  it('a short first page is printed as ECE sent it, in one request', async () => {
    const all = Array.from({ length: 3 }, (_, i) => allocator(i));
    const server = await startServer((req, res) => json(res, 200, page(all, req.url)));
    try {
      const r = await run(['allocators', 'list', '--json'], {
        env: { ECE_HOST: server.url, ECE_API_KEY: 'alloc-key-1' },
      });
      assert.equal(r.stdout, `${JSON.stringify(page(all, '/'))}\n`);
      assert.equal(server.requests.length, 1);
    } finally {
      await server.close();
    }
  });

  it('a server that ignores from: a clear error (exit 1) after two requests, never a loop', async () => {
    const all = Array.from({ length: 100 }, (_, i) => allocator(i));
    const server = await startServer((_req, res) => json(res, 200, page(all, '/')));
    try {
      const r = await run(['allocators', 'list'], {
        env: { ECE_HOST: server.url, ECE_API_KEY: 'alloc-key-1' },
      });
      assert.equal(r.code, 1, r.stderr);
      assert.equal(
        r.stderr,
        'error: ECE sent the same page again at from=100 of /platform/infrastructure/allocators (it ignores from?); stopped rather than loop\n',
      );
      assert.equal(r.stdout, '');
      assert.equal(server.requests.length, 2);
    } finally {
      await server.close();
    }
  });
});
