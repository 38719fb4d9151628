import { describe, it } from 'node:test';
import { formatDuration, parseDuration } from '../../src/duration.js';
import { UsageError } from '../../src/errors.js';
import { colorLevel, makeChalk } from '../../src/output/color.js';
import { fitWidths, renderTsv } from '../../src/output/table.js';
import assert from '../helpers/assert.js';

describe('colour level', () => {
  const cases: [string, { noColor: boolean; isTTY: boolean }, Record<string, string>, number][] = [
    ['a terminal', { noColor: false, isTTY: true }, {}, 1],
    ['a pipe', { noColor: false, isTTY: false }, {}, 0],
    ['--no-color', { noColor: true, isTTY: true }, { FORCE_COLOR: '3' }, 0],
    ['NO_COLOR', { noColor: false, isTTY: true }, { NO_COLOR: '1' }, 0],
    ['empty NO_COLOR is ignored', { noColor: false, isTTY: true }, { NO_COLOR: '' }, 1],
    ['FORCE_COLOR in a pipe', { noColor: false, isTTY: false }, { FORCE_COLOR: '1' }, 1],
    ['FORCE_COLOR=0 on a terminal', { noColor: false, isTTY: true }, { FORCE_COLOR: '0' }, 0],
    ['TERM=dumb', { noColor: false, isTTY: true }, { TERM: 'dumb' }, 0],
    ['256 colours', { noColor: false, isTTY: true }, { TERM: 'xterm-256color' }, 2],
    ['truecolor', { noColor: false, isTTY: true }, { COLORTERM: 'truecolor' }, 3],
  ];
  for (const [name, opts, env, level] of cases) {
    it(name, () => assert.equal(colorLevel(opts, env), level));
  }
});

describe('colour off', () => {
  it('styles return their text as chalk at level 0 does, and the instance can be awaited', async () => {
    const plain = await makeChalk(0);
    const { Chalk } = await import('chalk');
    const chalk = new Chalk({ level: 0 });
    for (const c of [plain, chalk]) {
      assert.equal(c.level, 0);
      assert.equal(c.bold('ID'), 'ID');
      assert.equal(c.red.bold.underline('a', 'b'), 'a b');
      assert.equal(c.dim(''), '');
      assert.equal(c('x'), 'x');
    }
    assert.equal((await makeChalk(1)).bold('ID'), '\u001b[1mID\u001b[22m');
  });
});

describe('tables', () => {
  it('TSV escapes tabs and newlines inside values', () => {
    assert.equal(
      renderTsv({ headers: ['A', 'B'], rows: [['x\ty', 'line1\nline2']] }),
      'x\\ty\tline1\\nline2\n',
    );
    assert.equal(
      renderTsv({
        headers: [],
        rows: [
          ['a\r\nb', 'c\rd', ''],
          ['', 'x', 'y'],
        ],
      }),
      'a\\nb\tc\\rd\t\n\tx\ty\n',
    );
  });

  it('keeps natural widths when they fit and shrinks the widest first', () => {
    const grid = { headers: ['ID', 'NAME'], rows: [['0123456789', 'a-rather-long-name']] };
    assert.deepEqual(fitWidths(grid, 80), [10, 18]);
    assert.deepEqual(fitWidths(grid, 24), [10, 12]);
    // A kept column is whole while another can give: the other is cut to 6, never below, then hidden.
    assert.deepEqual(fitWidths({ ...grid, keep: [1] }, 26), [6, 18]);
    assert.deepEqual(fitWidths({ ...grid, keep: [1] }, 24), [0, 18]);
  });
});

describe('durations', () => {
  const ok: [string, number][] = [
    ['30s', 30_000],
    ['500ms', 500],
    ['2m', 120_000],
    ['1h30m', 5_400_000],
    ['1.5s', 1500],
    ['45', 45_000],
  ];
  for (const [input, ms] of ok)
    it(`${input} = ${ms} ms`, () => assert.equal(parseDuration(input, 'x'), ms));
  for (const bad of ['', 'soon', '5 minutes', '10x', '-1s']) {
    it(`rejects ${JSON.stringify(bad)}`, () =>
      assert.throws(() => parseDuration(bad, 'x'), UsageError));
  }
  it('formats', () => {
    assert.deepEqual([250, 1000, 1500, 60_000, 90_000].map(formatDuration), [
      '250ms',
      '1s',
      '1.5s',
      '1m',
      '1m30s',
    ]);
  });
});
