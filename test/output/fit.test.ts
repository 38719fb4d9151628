// Issue 15, item 3: tables that fit. `deployments list` with 1, 6 and 20
// deployments holding every kind, at 40, 60, 80, 120 and 200 columns, on a
// terminal and with `-o table` in a pipe (in process; that the binary reads
// COLUMNS is in test/e2e/binary.test.ts): no line wider than the width, every id whole (it fits from 40 on),
// names whole when they fit beside the ids, low-value columns hidden first,
// with a note on stderr on a terminal only.

import { after, before, describe, it } from 'node:test';
import { KINDS } from '../../src/api/kinds.js';
import { makeChalk } from '../../src/output/color.js';
import { fitColumns, type Grid, renderTable } from '../../src/output/table.js';
import assert from '../helpers/assert.js';
import { run } from '../helpers/cli.js';
import { json, startServer, type TestServer } from '../helpers/server.js';

const WIDTHS = [40, 60, 80, 120, 200];
const SIZES = [1, 6, 20];
const STATUSES: [string, boolean][] = [
  ['started', true],
  ['stopped', false],
  ['initializing', false],
  ['reconfiguring', true],
];
const NAMES = ['logs', 'prod-metrics', 'search-staging-eu', 'observability-west-2', 'a'];

/** Deployment i: Elasticsearch and, in turn, the other kinds (all of them in 6 or more). */
function deployment(i: number) {
  const id = `${(i + 1).toString(16).padStart(2, '0')}${'c0ffee'.repeat(5)}`;
  const kinds = i % 6 === 0 ? KINDS : ['elasticsearch', KINDS[i % 6] as string];
  return {
    id,
    name: `${NAMES[i % NAMES.length]}${i >= NAMES.length ? `-${i}` : ''}`,
    kinds: [...new Set(kinds)],
  };
}

function bodies(n: number) {
  const ds = Array.from({ length: n }, (_, i) => deployment(i));
  const list = {
    deployments: ds.map((d) => ({
      id: d.id,
      name: d.name,
      resources: d.kinds.map((kind) => ({
        kind,
        ref_id: `main-${kind}`,
        id: `${kind}-${d.id}`,
        region: 'ece-region',
      })),
    })),
  };
  const hits = {
    return_count: n,
    match_count: n,
    deployments: ds.map((d, i) => ({
      id: d.id,
      name: d.name,
      metadata: { system_owned: i === 2 },
      resources: Object.fromEntries(
        d.kinds.map((kind, k) => {
          const [status, healthy] = STATUSES[(i + k) % STATUSES.length] as [string, boolean];
          return [
            kind,
            [
              {
                ref_id: `main-${kind}`,
                region: 'ece-region',
                info: {
                  status,
                  healthy,
                  metadata: { endpoint: `${d.id}.${kind}.ece.local` },
                  plan_info: {
                    current: {
                      plan: {
                        deployment_template: { id: 'default' },
                        elasticsearch: { version: '8.15.1' },
                      },
                    },
                  },
                },
              },
            ],
          ];
        }),
      ),
    })),
  };
  return { ds, list, hits };
}

/** Display width: the table holds ASCII and ✓/✗ (one column each). */
const width = (line: string) => [...line].length;

function checkFit(
  out: string,
  w: number,
  ds: { id: string; name: string }[],
  where: string,
): string[] {
  const lines = out.trimEnd().split('\n');
  assert.equal(lines.length, ds.length + 1, `${where}: a header and a line per deployment`);
  for (const line of lines) assert.ok(width(line) <= w, `${where}: ${width(line)} > ${w}: ${line}`);
  const longest = Math.max(...ds.map((d) => d.name.length), 4);
  for (const [i, d] of ds.entries()) {
    const line = lines[i + 1] ?? '';
    // An id is 32 columns; a name cut to 6 beside it makes 40: ids are whole from 40 on.
    assert.ok(line.includes(d.id), `${where}: id cut: ${line}`);
    if (w >= 32 + 2 + longest)
      assert.ok(
        line.startsWith(`${d.name} `) || line === `${d.name}  ${d.id}`,
        `${where}: name cut: ${line}`,
      );
  }
  return lines;
}

describe('tables that fit: deployments list at every width', () => {
  let server: TestServer;
  let current = bodies(1);
  before(async () => {
    server = await startServer((req, res) => {
      if (req.method === 'POST') return json(res, 200, current.hits);
      json(res, 200, current.list);
    });
  });
  after(() => server.close());
  const env = { ECE_API_KEY: 'k', NO_COLOR: '1' };

  for (const n of SIZES) {
    it(`${n} deployment(s) on a terminal at ${WIDTHS.join(', ')} columns`, async () => {
      current = bodies(n);
      for (const w of WIDTHS) {
        const r = await run(['deployments', 'list'], {
          env: { ...env, ECE_HOST: server.url },
          tty: true,
          columns: w,
        });
        assert.equal(r.code, 0);
        const lines = checkFit(r.stdout, w, current.ds, `tty ${n}@${w}`);
        const header = lines[0] ?? '';
        assert.ok(header.startsWith('NAME'), header);
        // Whatever is hidden is said on stderr, by name; nothing else is.
        const all = [
          'ES',
          'KIBANA',
          'APM',
          'INTEGRATIONS',
          'ENT_SEARCH',
          'APPSEARCH',
          'VERSION',
          'SYSTEM',
        ];
        const present = all.filter((h) => header.split(/\s+/).includes(h));
        if (r.stderr === '') {
          assert.ok(present.includes('VERSION'), `${n}@${w}: nothing hidden, yet no VERSION`);
        } else {
          const m = /^note: (.+) hidden to fit (\d+) columns \(.*\)\n$/.exec(r.stderr);
          assert.ok(m, r.stderr);
          assert.equal(Number(m?.[2]), w);
          for (const h of m?.[1]?.split(', ') ?? [])
            assert.ok(!present.includes(h), `${h} shown and hidden`);
        }
        // Status cells are whole or hidden, never `✓ sta…`.
        assert.ok(!/[✓✗?] [a-z]*…/.test(r.stdout), r.stdout);
      }
    });
  }

  it('at 200 columns nothing is hidden: every kind, the version and the system mark', async () => {
    current = bodies(6);
    const r = await run(['deployments', 'list'], {
      env: { ...env, ECE_HOST: server.url },
      tty: true,
      columns: 200,
    });
    assert.equal(r.stderr, '');
    assert.equal(
      r.stdout.split('\n')[0],
      'NAME                  ID                                ES               KIBANA          APM              INTEGRATIONS     ENT_SEARCH  APPSEARCH       VERSION  SYSTEM',
    );
  });

  it('at 40 columns: the name (cut last but one) and the whole id', async () => {
    current = bodies(1);
    const r = await run(['deployments', 'list'], {
      env: { ...env, ECE_HOST: server.url },
      tty: true,
      columns: 40,
    });
    assert.equal(r.stdout, `NAME  ID\nlogs  01c0ffeec0ffeec0ffeec0ffeec0ffee\n`);
    assert.equal(
      r.stderr,
      'note: ES, KIBANA, APM, INTEGRATIONS, ENT_SEARCH, APPSEARCH, VERSION hidden to fit 40 columns (a wider terminal, or TSV with -o tsv, shows every column)\n',
    );
  });

  for (const n of SIZES) {
    it(`${n} deployment(s), -o table in a pipe: the same fit, no note`, async () => {
      current = bodies(n);
      for (const w of WIDTHS) {
        const opts = { env: { ...env, ECE_HOST: server.url }, columns: w };
        const r = await run(['deployments', 'list', '-o', 'table'], opts);
        assert.equal(r.code, 0, r.stderr);
        assert.equal(r.stderr, '');
        checkFit(r.stdout, w, current.ds, `pipe ${n}@${w}`);
        const tty = await run(['deployments', 'list'], { ...opts, tty: true });
        assert.equal(r.stdout, tty.stdout, `${n}@${w}`);
      }
    });
  }
});

describe('fitColumns', () => {
  const row = ['0123456789abcdef0123456789abcdef', 'a-name', 'started', 'x'.repeat(30)];
  const grid: Grid = { headers: ['ID', 'NAME', 'STATE', 'NOTE'], rows: [row], keep: [0, 1] };

  it('cuts ordinary columns first, then hides from the right, never cutting a kept id', () => {
    assert.deepEqual(fitColumns(grid, 200), { widths: [32, 6, 7, 30], hidden: [] });
    assert.deepEqual(fitColumns(grid, 60), { widths: [32, 6, 7, 9], hidden: [] });
    // NOTE at its floor (6) still does not fit: it is hidden, STATE gets its width back.
    assert.deepEqual(fitColumns(grid, 50), { widths: [32, 6, 7, 0], hidden: [3] });
    assert.deepEqual(fitColumns(grid, 40), { widths: [32, 6, 0, 0], hidden: [2, 3] });
    // Below 40 the name is cut first, then the id, never below 6.
    const two: Grid = {
      headers: ['ID', 'NAME'],
      rows: [[row[0] as string, 'a-longer-name']],
      keep: [0, 1],
    };
    assert.deepEqual(fitColumns(two, 44), { widths: [32, 10], hidden: [] });
    assert.deepEqual(fitColumns(grid, 20).widths.slice(0, 2), [12, 6]);
  });

  it('hides `drop` columns in order before cutting kept ones; `whole` columns are never cut', () => {
    const g: Grid = { ...grid, drop: [2, 3], whole: [2] };
    assert.deepEqual(fitColumns(g, 55), { widths: [32, 6, 0, 13], hidden: [2] });
    assert.deepEqual(fitColumns({ ...g, drop: [3, 2] }, 55), {
      widths: [32, 6, 7, 0],
      hidden: [3],
    });
    // STATE whole (7) or hidden: at 48 with NOTE gone, 32+6+7+4 = 49 > 48.
    assert.deepEqual(fitColumns({ ...g, drop: [3, 2] }, 48), {
      widths: [32, 6, 0, 0],
      hidden: [2, 3],
    });
  });

  it('a rendered table reports what it hid', async () => {
    const chalk = await makeChalk(0);
    let hidden: string[] = [];
    const out = renderTable(grid, 40, chalk, { onHidden: (h) => (hidden = h) });
    assert.deepEqual(hidden, ['STATE', 'NOTE']);
    assert.equal(
      out,
      'ID                                NAME\n0123456789abcdef0123456789abcdef  a-name\n',
    );
  });
});
