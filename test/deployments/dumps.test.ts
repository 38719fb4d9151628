// thread-dump and heap-dump: the dump decoded from the spec's base64 JSON
// string (or taken raw), to stdout or a 0600 file; the heap dump polled until
// a new one is ready, streamed to the file, exit 8 at --wait-timeout; the
// kinds each has; and end to end against the sandbox.

import {
  chmodSync,
  chownSync,
  lchownSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import assert from '../helpers/assert.js';
import { run, tempDir } from '../helpers/cli.js';
import { createRequest, type TestSandbox, testSandbox } from '../helpers/sandbox.js';
import { eceError, json, type Recorded, startServer } from '../helpers/server.js';
import { stopwatch, virtualClock } from '../helpers/time.js';

const ID = 'abcdefabcdefabcdefabcdefabcdef09';
const env = (url: string) => ({ ECE_HOST: url, ECE_API_KEY: 'dumps-key-1' });
const GET = `/api/v1/deployments/${ID}?show_plans=false`;
const ES = `/api/v1/deployments/${ID}/elasticsearch/main-elasticsearch/instances`;
const DUMPS = `/api/v1/deployments/${ID}/heap_dumps`;

const instance = (name: string) => ({
  instance_name: name,
  healthy: true,
  container_started: true,
  service_running: true,
  maintenance_mode: false,
});
const DEPLOYMENT = {
  id: ID,
  name: 'dumpy',
  healthy: true,
  resources: {
    elasticsearch: [
      {
        ref_id: 'main-elasticsearch',
        id: 'e'.repeat(32),
        region: 'ece-region',
        info: { topology: { instances: [instance('instance-0'), instance('instance-1')] } },
      },
    ],
    kibana: [
      {
        ref_id: 'main-kibana',
        id: 'k'.repeat(32),
        region: 'ece-region',
        info: { topology: { instances: [instance('instance-0')] } },
      },
    ],
  },
};
const THREADS = '"main" #1 prio=5\n   java.lang.Thread.State: RUNNABLE\n';
const b64 = (s: string | Buffer) => Buffer.from(s).toString('base64');
const dumpList = (dumps: Record<string, unknown>[]) => ({
  elasticsearch: [{ ref_id: 'main-elasticsearch', id: 'e'.repeat(32), heap_dumps: dumps }],
  enterprise_search: [],
});

describe('deployments instances thread-dump', () => {
  it('decodes the base64 body to stdout or to a 0600 file; --json prints the body as it came', async () => {
    const s = await startServer((req, res) => {
      if (req.url === GET) return json(res, 200, DEPLOYMENT);
      return json(res, 200, JSON.stringify(b64(THREADS)));
    });
    const dir = tempDir();
    try {
      const out = await run(['deployments', 'instances', 'thread-dump', ID, '--kind', 'kibana'], {
        env: env(s.url),
      });
      assert.deepEqual([out.code, out.stdout, out.stderr], [0, THREADS, '']);
      const file = join(dir, 'threads.txt');
      const saved = await run(
        ['deployments', 'instances', 'thread-dump', ID, '--instance', 'instance-1', '-O', file],
        { env: env(s.url) },
      );
      assert.deepEqual(
        [saved.code, saved.stdout, saved.stderr],
        [
          0,
          '',
          `Wrote the thread dump of elasticsearch main-elasticsearch instance-1 to ${file} (53 B).\n`,
        ],
      );
      assert.equal(readFileSync(file, 'utf8'), THREADS);
      assert.equal(statSync(file).mode & 0o777, 0o600);
      const raw = await run(
        ['deployments', 'instances', 'thread-dump', ID, '--kind', 'kibana', '--json'],
        { env: env(s.url) },
      );
      assert.deepEqual([raw.code, raw.stdout], [0, `"${b64(THREADS)}"\n`]);
      assert.deepEqual(
        s.requests.filter((r) => r.method === 'POST').map((r) => r.url),
        [
          `/api/v1/deployments/${ID}/kibana/main-kibana/instances/instance-0/thread_dump/_capture`,
          `${ES}/instance-1/thread_dump/_capture`,
          `/api/v1/deployments/${ID}/kibana/main-kibana/instances/instance-0/thread_dump/_capture`,
        ],
      );
    } finally {
      await s.close();
    }
  });

  it('several instances need --instance (exit 2); an unknown one is exit 3; --dry-run shows the capture', async () => {
    const s = await startServer((_req, res) => json(res, 200, DEPLOYMENT));
    try {
      const many = await run(['deployments', 'instances', 'thread-dump', ID], { env: env(s.url) });
      assert.deepEqual(
        [many.code, many.stderr],
        [
          2,
          'error: elasticsearch main-elasticsearch has 2 instances; pick one with --instance (instance-0, instance-1)\n',
        ],
      );
      const unknown = await run(
        ['deployments', 'instances', 'thread-dump', ID, '--instance', 'instance-5'],
        { env: env(s.url) },
      );
      assert.equal(unknown.code, 3);
      const kind = await run(
        ['deployments', 'instances', 'thread-dump', ID, '--kind', 'enterprise_search'],
        { env: env(s.url) },
      );
      assert.deepEqual(
        [kind.code, kind.stderr],
        [
          2,
          'error: thread dumps exist for elasticsearch, kibana, apm only, not enterprise_search\n',
        ],
      );
      const dry = await run(
        ['deployments', 'instances', 'thread-dump', ID, '--instance', 'instance-0', '--dry-run'],
        { env: env(s.url) },
      );
      assert.equal(dry.code, 0);
      assert.match(
        dry.stdout,
        new RegExp(
          `^printf .* \\| curl -sS -g -K - -X POST ${s.url}${ES}/instance-0/thread_dump/_capture `,
        ),
      );
      assert.deepEqual(
        s.requests.filter((r) => r.method === 'POST'),
        [],
      );
    } finally {
      await s.close();
    }
  });
});

describe('deployments instances heap-dump', () => {
  const OLD = {
    instance_id: 'instance-1',
    type: 'oom',
    status: 'available',
    captured: '2026-11-01T00:00:00Z',
    size: 9,
  };
  const HEAP = Buffer.from([0x4a, 0x41, 0x56, 0x41, 0, 1, 2, 0xff]);

  /** Lists the old dump before the capture, then `capturing` twice, then ready. */
  async function heapServer(download: (res: import('node:http').ServerResponse) => void) {
    let captured = false;
    let polls = 0;
    return startServer((req: Recorded, res) => {
      if (req.url === GET) return json(res, 200, DEPLOYMENT);
      if (req.url === `${ES}/instance-1/heap_dump/_capture`) {
        captured = true;
        return json(res, 202, {});
      }
      if (req.url === DUMPS) {
        if (!captured) return json(res, 200, dumpList([OLD]));
        polls++;
        const fresh = {
          instance_id: 'instance-1',
          type: 'on_demand',
          captured: '2026-12-01T10:00:00Z',
        };
        return json(
          res,
          200,
          dumpList([
            polls < 3
              ? { ...fresh, status: 'capturing' }
              : { ...fresh, status: 'available', size: 8 },
          ]),
        );
      }
      if (req.url === `${ES}/instance-1/heap_dump/_download`) return download(res);
      return eceError(res, 404, 'root.resource_not_found', 'no');
    });
  }

  it('captures, polls until the new dump is ready, and writes it (base64 or raw) to the file', async (ctx) => {
    const clock = virtualClock(ctx);
    const dir = tempDir();
    for (const [label, send] of [
      [
        'base64 JSON',
        (res: import('node:http').ServerResponse) => json(res, 200, JSON.stringify(b64(HEAP))),
      ],
      [
        'raw bytes',
        (res: import('node:http').ServerResponse) => {
          res.writeHead(200, {
            'content-type': 'application/octet-stream',
            'content-length': HEAP.length,
          });
          res.end(HEAP);
        },
      ],
    ] as const) {
      const s = await heapServer(send);
      try {
        const file = join(dir, `${label}.hprof`);
        const r = await run(
          ['deployments', 'instances', 'heap-dump', ID, '--instance', 'instance-1', '-O', file],
          { env: env(s.url), clock },
        );
        assert.deepEqual(
          [r.code, r.stdout, r.stderr.replace(/in [0-9.]+m?s\.\n$/, 'in Ns.\n')],
          [
            0,
            '',
            `Capturing a heap dump of elasticsearch main-elasticsearch instance-1 in deployment dumpy (${ID})…\nWrote the heap dump of elasticsearch main-elasticsearch instance-1 to ${file} (8 B) in Ns.\n`,
          ],
          label,
        );
        assert.deepEqual(readFileSync(file), HEAP, label);
        assert.equal(statSync(file).mode & 0o777, 0o600);
        assert.deepEqual(
          s.requests.map((q) => `${q.method} ${q.url}`),
          [
            `GET /api/v1/deployments/${ID}?show_plans=false`,
            `GET ${DUMPS}`,
            `POST ${ES}/instance-1/heap_dump/_capture`,
            `GET ${DUMPS}`,
            `GET ${DUMPS}`,
            `GET ${DUMPS}`,
            `GET ${ES}/instance-1/heap_dump/_download`,
          ],
          label,
        );
      } finally {
        await s.close();
      }
    }
  });

  it('a -O that cannot be written is exit 2 before anything is captured (a capture pauses the JVM)', async () => {
    const s = await startServer((_req, res) => json(res, 200, DEPLOYMENT));
    try {
      const dir = tempDir();
      for (const [file, why] of [
        [dir, 'it is a directory'],
        [join(dir, 'no', 'x.hprof'), 'no such directory'],
      ]) {
        const r = await run(
          [
            'deployments',
            'instances',
            'heap-dump',
            ID,
            '--instance',
            'instance-0000000000',
            '-O',
            file as string,
          ],
          { env: env(s.url) },
        );
        assert.deepEqual([r.code, r.stderr], [2, `error: cannot write ${file}: ${why}\n`]);
      }
      assert.equal(s.requests.length, 0);
    } finally {
      await s.close();
    }
  });

  it('--wait-timeout: exit 8 while the dump is still capturing, with a hint', async (ctx) => {
    const clock = virtualClock(ctx);
    const s = await startServer((req, res) => {
      if (req.url === GET) return json(res, 200, DEPLOYMENT);
      if (req.url === DUMPS)
        return json(
          res,
          200,
          dumpList(
            req.method === 'GET' && s.requests.some((q) => q.method === 'POST')
              ? [
                  {
                    instance_id: 'instance-0',
                    type: 'on_demand',
                    status: 'capturing',
                    captured: '2026-12-01T10:00:00Z',
                  },
                ]
              : [],
          ),
        );
      return json(res, 202, {});
    });
    try {
      const r = await run(
        [
          'deployments',
          'instances',
          'heap-dump',
          ID,
          '--instance',
          'instance-0',
          '-O',
          join(tempDir(), 'x'),
          '--wait-timeout',
          '1s',
        ],
        { env: env(s.url), clock },
      );
      // Polled until its 1 s was up, and not a moment longer.
      assert.equal(clock.moved(), 1_000);
      assert.deepEqual(
        [r.code, r.stdout, r.stderr.split('\n').slice(1).join('\n')],
        [
          8,
          '',
          'error: the heap dump of elasticsearch main-elasticsearch instance-0 was not ready in time\nhint: ECE goes on capturing it: download it later with --no-capture (it keeps one dump per instance)\n',
        ],
      );
    } finally {
      await s.close();
    }
  });

  it('--wait-timeout also ends a list of the dumps that trickles (exit 8), whatever --timeout says (issue 23, item 7)', async () => {
    const timers = new Set<NodeJS.Timeout>();
    const s = await startServer((req, res) => {
      if (req.url === GET) return json(res, 200, DEPLOYMENT);
      if (req.method === 'POST') return json(res, 202, {});
      if (!s.requests.some((q) => q.method === 'POST')) return json(res, 200, dumpList([]));
      // After the capture: headers, then a byte every second, never the end.
      res.writeHead(200, { 'content-type': 'application/json' });
      const timer = setInterval(() => res.write(' '), 1_000);
      timers.add(timer);
      res.on('close', () => clearInterval(timer));
    });
    try {
      const clock = stopwatch();
      const r = await run(
        [
          'deployments',
          'instances',
          'heap-dump',
          ID,
          '--instance',
          'instance-0',
          '-O',
          join(tempDir(), 'x'),
          '--wait-timeout',
          '2s',
          '--timeout',
          '60s',
        ],
        { env: env(s.url), realSleep: true },
      );
      assert.deepEqual(
        [r.code, r.stderr.split('\n').slice(1).join('\n')],
        [
          8,
          'error: the heap dump of elasticsearch main-elasticsearch instance-0 was not ready in time\nhint: ECE goes on capturing it: download it later with --no-capture (it keeps one dump per instance)\n',
        ],
      );
      // The bound: the 2 s wait plus 2 s, and slack for a loaded machine.
      clock.atMost(600, 'heap-dump against a trickling dump list', 4_000);
    } finally {
      for (const t of timers) clearInterval(t);
      await s.close();
    }
  });

  it('--no-capture downloads the dump there is; Kibana is refused (exit 2); a terminal stdout is refused', async () => {
    const s = await startServer((req, res) => {
      if (req.url === GET) return json(res, 200, DEPLOYMENT);
      return json(res, 200, JSON.stringify(b64(HEAP)));
    });
    try {
      const piped = await run(
        [
          'deployments',
          'instances',
          'heap-dump',
          ID,
          '--instance',
          'instance-0',
          '--no-capture',
          '-O',
          '-',
        ],
        { env: env(s.url) },
      );
      assert.deepEqual(
        [piped.code, Buffer.from(piped.stdout, 'latin1').length > 0, piped.stderr],
        [0, true, ''],
      );
      const kibana = await run(
        ['deployments', 'instances', 'heap-dump', ID, '--kind', 'kibana', '-O', 'x'],
        { env: env(s.url) },
      );
      assert.deepEqual(
        [kibana.code, kibana.stderr],
        [2, 'error: heap dumps exist for elasticsearch only, not kibana\n'],
      );
      const tty = await run(['deployments', 'instances', 'heap-dump', ID, '-O', '-'], {
        env: env(s.url),
        tty: true,
      });
      assert.deepEqual(
        [tty.code, tty.stderr],
        [2, 'error: a heap dump is binary: give -O FILE, or pipe stdout\n'],
      );
      const missing = await run(['deployments', 'instances', 'heap-dump', ID], { env: env(s.url) });
      assert.equal(missing.code, 2);
      assert.deepEqual(
        s.requests.map((q) => `${q.method} ${q.url}`),
        [`GET ${GET}`, `GET ${ES}/instance-0/heap_dump/_download`],
      );
    } finally {
      await s.close();
    }
  });
});

describe('dumps in a directory shared with another user (issue 23, item 2)', () => {
  const OTHER = 65534; // nobody
  const isRoot = process.getuid?.() === 0;
  const skip = isRoot ? false : 'planting files as another user needs root (chown)';

  /** A group-writable directory of another user, as a shared scratch directory is. */
  function shared(): string {
    const dir = join(tempDir(), 'shared');
    mkdirSync(dir);
    chownSync(dir, OTHER, OTHER);
    chmodSync(dir, 0o777);
    return dir;
  }

  for (const [what, argv, body] of [
    [
      'thread-dump',
      ['deployments', 'instances', 'thread-dump', ID, '--instance', 'instance-1'],
      () => JSON.stringify(b64(THREADS)),
    ],
    [
      'heap-dump --no-capture',
      ['deployments', 'instances', 'heap-dump', ID, '--instance', 'instance-1', '--no-capture'],
      () => JSON.stringify(b64(THREADS)),
    ],
  ] as const) {
    it(`${what}: a planted 0666 .part file and a planted symlink receive nothing; the dump is 0600 and the user's`, {
      skip,
    }, async () => {
      const s = await startServer((req, res) => {
        if (req.url === GET) return json(res, 200, DEPLOYMENT);
        return json(res, 200, body());
      });
      try {
        for (const plant of ['file', 'symlink'] as const) {
          const dir = shared();
          const victim = join(tempDir(), 'victim.txt');
          writeFileSync(victim, 'the victim file');
          const file = join(dir, 'dump.txt');
          // The name the writer used to take: predictable, and opened without O_EXCL.
          const old = join(dir, `.dump.txt.${process.pid}.part`);
          if (plant === 'file') {
            writeFileSync(old, '');
            chmodSync(old, 0o666);
            chownSync(old, OTHER, OTHER);
          } else {
            symlinkSync(victim, old);
            lchownSync(old, OTHER, OTHER);
          }
          const r = await run([...argv, '-O', file], { env: env(s.url) });
          assert.equal(r.code, 0, r.stderr);
          const st = statSync(file);
          assert.deepEqual(
            [st.mode & 0o777, st.uid, readFileSync(file, 'utf8')],
            [0o600, process.getuid?.(), THREADS],
            plant,
          );
          assert.equal(readFileSync(victim, 'utf8'), 'the victim file', plant);
          const left = lstatSync(old);
          assert.deepEqual(
            [left.uid, left.isSymbolicLink() ? 'symlink' : 'file', left.size],
            [OTHER, plant, plant === 'file' ? 0 : left.size],
            'what was planted is left as it was',
          );
          assert.deepEqual(readdirSync(dir).sort(), [`.dump.txt.${process.pid}.part`, 'dump.txt']);
        }
      } finally {
        await s.close();
      }
    });
  }
});

describe('dumps against the sandbox', () => {
  let t: TestSandbox;
  let e: Record<string, string>;
  before(async () => {
    t = await testSandbox({ deployments: 0, planDurationMs: 300 });
    e = t.env;
    await t.call('POST', '/deployments', { body: createRequest('dumped') });
    await new Promise((r) => setTimeout(r, 500));
  });
  after(() => t.close());

  it('thread dump to stdout; heap dump captured, followed and downloaded; no dump yet is exit 3', async (ctx) => {
    const clock = virtualClock(ctx);
    const threads = await run(['deployments', 'instances', 'thread-dump', 'dumped'], { env: e });
    assert.equal(threads.code, 0, threads.stderr);
    assert.match(
      threads.stdout,
      /^Full thread dump of elasticsearch main-elasticsearch instance-0000000000 /,
    );
    const file = join(tempDir(), 'heap.hprof');
    const none = await run(
      ['deployments', 'instances', 'heap-dump', 'dumped', '--no-capture', '-O', file],
      { env: e },
    );
    assert.deepEqual(
      [none.code, none.stderr],
      [
        3,
        'error: Instance [instance-0000000000] has no heap dump available to download (heap_dumps.heap_dump_not_found)\n',
      ],
    );
    const heap = await run(['deployments', 'instances', 'heap-dump', 'dumped', '-O', file], {
      env: e,
      clock,
    });
    assert.equal(heap.code, 0, heap.stderr);
    assert.equal(readFileSync(file).subarray(0, 18).toString('latin1'), 'JAVA PROFILE 1.0.2');
  });
});
