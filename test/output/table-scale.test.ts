// Issue 14, item 9: tables linear in their rows. Our fitted rows (past
// SMALL_TABLE rows) draw exactly what cli-table3 draws, and a million rows
// render without a crash (no spread of all rows into one call).

import { describe, it } from 'node:test';
import { makeChalk } from '../../src/output/color.js';
import { memoryIO } from '../../src/output/memory-io.js';
import { Renderer } from '../../src/output/render.js';
import { type Grid, renderTable, SMALL_TABLE } from '../../src/output/table.js';
import assert from '../helpers/assert.js';
import { stopwatch } from '../helpers/time.js';

const grids: [string, Grid, number][] = [
  [
    'fits',
    {
      headers: ['ID', 'NAME', 'STATUS'],
      rows: [
        ['a1', 'logs', 'healthy'],
        ['b22', 'metrics-cluster', ''],
      ],
    },
    80,
  ],
  [
    'truncated, kept column last',
    {
      headers: ['ID', 'NAME', 'KINDS'],
      rows: [
        [
          '3f6c2a9e8b1d4f7a9c0e5b2d8a4f1c67',
          'a rather long deployment name',
          'elasticsearch,kibana,apm',
        ],
        ['x', 'short', '-'],
      ],
      keep: [0],
    },
    50,
  ],
  [
    'wide characters and a row of empty cells',
    {
      headers: ['NAME', 'NOTE'],
      rows: [
        ['日本語のデプロイメント', 'ok'],
        ['', ''],
        ['émoji 🚀 name', 'x'],
      ],
    },
    22,
  ],
  [
    'no headers, uneven rows',
    {
      headers: [],
      rows: [
        ['a', 'b', 'c'],
        ['dd', '', 'ffff'],
      ],
    },
    100,
  ],
];

describe('fitted rows', () => {
  for (const level of [0, 1] as const) {
    for (const [name, grid, width] of grids) {
      it(`draw what cli-table3 draws: ${name} (colour level ${level})`, async () => {
        const chalk = await makeChalk(level);
        assert.equal(
          renderTable(grid, width, chalk, { engine: 'fitted' }),
          renderTable(grid, width, chalk, { engine: 'cli-table3' }),
        );
      });
    }
  }

  it(`take over past ${SMALL_TABLE} rows`, async () => {
    const chalk = await makeChalk(0);
    const rows = Array.from({ length: SMALL_TABLE + 1 }, (_, i) => [`id-${i}`, `name ${i}`]);
    const grid = { headers: ['ID', 'NAME'], rows };
    assert.equal(
      renderTable(grid, 80, chalk),
      renderTable(grid, 80, chalk, { engine: 'cli-table3' }),
    );
  });

  it('render 1,000,000 rows without a crash, through the renderer', async (t) => {
    const n = 1_000_000;
    const items = Array.from({ length: n }, (_, i) => ({ id: i.toString(16), name: `d-${i}` }));
    let lines = 0;
    let last = '';
    const io = memoryIO({
      out: (s) => {
        for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) === 10) lines++;
        last = s.slice(-20);
      },
      stdoutIsTTY: true,
      columns: 80,
    });
    const renderer = new Renderer(io, {
      format: 'table',
      query: undefined,
      chalk: await makeChalk(0),
    });
    const clock = stopwatch();
    await renderer.value(items);
    t.diagnostic(`1,000,000 rows as a table in ${Math.round(clock.ms())} ms`);
    assert.equal(lines, n + 1);
    assert.ok(last.endsWith('\nf423f  d-999999\n'), last);
  });
});
