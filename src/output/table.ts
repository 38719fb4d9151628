// Tables for terminals (borderless, fitted to the width) and tab-separated
// rows for pipes (no header, no truncation, one record a line). Every cell is
// text from the network, so every cell goes through the sanitiser here.
//
// Small tables are drawn by cli-table3; past SMALL_TABLE rows by our own
// fitted rows, which give the same text in time linear in the rows (cli-table3
// lays every cell out as an object and is quadratic past ~10,000 rows).

import { createRequire } from 'node:module';
import type { ChalkInstance } from 'chalk';
import { sanitize, tsvField } from './sanitize.js';

export interface Grid {
  headers: string[];
  rows: string[][];
  /** Columns truncated only when nothing else can give (ids people copy). */
  keep?: number[];
}

const GAP = 2;
const MIN_WIDTH = 6;
/** Up to this many rows cli-table3 draws the table. */
export const SMALL_TABLE = 200;

type TableClass = typeof import('cli-table3');
let TableCtor: TableClass | undefined;

/** cli-table3 is loaded when a table is drawn, not for JSON or TSV. */
function tableClass(): TableClass {
  // The build turns require() into its library bundle; from source it is Node's.
  TableCtor ??= (
    typeof require === 'function'
      ? require('cli-table3')
      : createRequire(import.meta.url)('cli-table3')
  ) as TableClass;
  return TableCtor;
}

/** The grid with every header and cell made safe for a terminal. */
function safeGrid(grid: Grid): Grid {
  return {
    headers: grid.headers.map(sanitize),
    rows: grid.rows.map((r) => r.map(sanitize)),
    ...(grid.keep ? { keep: grid.keep } : {}),
  };
}

export function renderTable(
  grid: Grid,
  width: number,
  chalk: ChalkInstance,
  opts: { engine?: 'auto' | 'cli-table3' | 'fitted' } = {},
): string {
  const safe = safeGrid(grid);
  const widths = fitWidths(safe, width);
  const engine = opts.engine ?? 'auto';
  if (engine === 'cli-table3' || (engine === 'auto' && safe.rows.length <= SMALL_TABLE))
    return smallTable(safe, widths, chalk);
  return fittedTable(safe, widths, chalk);
}

function smallTable(grid: Grid, widths: number[], chalk: ChalkInstance): string {
  const Table = tableClass();
  const table = new Table({
    head: grid.headers.map((h) => chalk.bold(h)),
    colWidths: widths,
    truncate: '…',
    wordWrap: false,
    chars: {
      top: '',
      'top-mid': '',
      'top-left': '',
      'top-right': '',
      bottom: '',
      'bottom-mid': '',
      'bottom-left': '',
      'bottom-right': '',
      left: '',
      'left-mid': '',
      mid: '',
      'mid-mid': '',
      right: '',
      'right-mid': '',
      middle: ' '.repeat(GAP),
    },
    style: { 'padding-left': 0, 'padding-right': 0, head: [], border: [], compact: true },
  });
  for (const row of grid.rows) table.push(row);
  return `${table
    .toString()
    .split('\n')
    .map((line) => line.trimEnd())
    .filter((line) => line !== '')
    .join('\n')}\n`;
}

/** cli-table3's layout, one line at a time: linear in rows, no object per cell. */
function fittedTable(grid: Grid, widths: number[], chalk: ChalkInstance): string {
  const parts: string[] = [];
  const gap = ' '.repeat(GAP);
  const spaces: string[] = [];
  const pad = (n: number) => {
    if (n <= 0) return '';
    spaces[n] ??= ' '.repeat(n);
    return spaces[n];
  };
  const line = (cells: string[], style?: (s: string) => string) => {
    let out = '';
    for (let i = 0; i < widths.length; i++) {
      const w = widths[i] ?? 0;
      const cell = cells[i] ?? '';
      const natural = displayWidth(cell);
      const text = natural <= w ? cell : fit(cell, w);
      const shown = style && text !== '' ? style(text) : text;
      out += (i === 0 ? '' : gap) + shown + pad(w - (natural <= w ? natural : displayWidth(text)));
    }
    out = out.trimEnd();
    if (out !== '') parts.push(out);
  };
  if (grid.headers.length > 0) line(grid.headers, (s) => chalk.bold(s));
  for (const row of grid.rows) line(row);
  return parts.length ? `${parts.join('\n')}\n` : '\n';
}

/** Cut to a display width, ending in "…" when cut. */
function fit(s: string, width: number): string {
  if (displayWidth(s) <= width) return s;
  let out = '';
  let n = 0;
  for (const ch of s) {
    const w = charWidth(ch);
    if (n + w > width - 1) break;
    out += ch;
    n += w;
  }
  return `${out}…`;
}

/** Natural widths, shrinking the widest columns until the table fits. */
export function fitWidths(grid: Grid, width: number): number[] {
  let count = grid.headers.length;
  for (const r of grid.rows) if (r.length > count) count = r.length;
  const widths = Array.from({ length: count }, (_, i) => displayWidth(grid.headers[i] ?? ''));
  for (const r of grid.rows) {
    for (let i = 0; i < r.length; i++) {
      const w = displayWidth(r[i] ?? '');
      if (w > (widths[i] ?? 0)) widths[i] = w;
    }
  }
  const floor = widths.map((_, i) =>
    Math.max(Math.min(displayWidth(grid.headers[i] ?? ''), MIN_WIDTH), 1),
  );
  let total = widths.reduce((a, b) => a + b, 0) + GAP * (widths.length - 1);
  const keep = new Set(grid.keep ?? []);
  const widest = (allowKept: boolean) => {
    let found = -1;
    for (let i = 0; i < widths.length; i++) {
      const w = widths[i] ?? 0;
      if (!allowKept && keep.has(i)) continue;
      if (w > (floor[i] ?? 1) && (found < 0 || w > (widths[found] ?? 0))) found = i;
    }
    return found;
  };
  while (total > width) {
    let i = widest(false);
    if (i < 0) i = widest(true);
    if (i < 0) break;
    widths[i] = (widths[i] ?? 0) - 1;
    total--;
  }
  return widths;
}

export function renderTsv(grid: Grid): string {
  // Built in chunks joined once: lists run to 100,000s of rows.
  const lines: string[] = new Array(grid.rows.length + 1);
  let n = 0;
  for (const row of grid.rows) {
    let out = '';
    for (let i = 0; i < row.length; i++)
      out += i === 0 ? tsvField(row[i] as string) : `\t${tsvField(row[i] as string)}`;
    lines[n++] = out;
  }
  lines[n++] = '';
  lines.length = n;
  return lines.join('\n');
}

function displayWidth(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x1100) n++;
    else {
      const cp = s.codePointAt(i) ?? 0;
      if (cp > 0xffff) i++;
      n += isWide(cp) ? 2 : 1;
    }
  }
  return n;
}

function charWidth(ch: string): number {
  const cp = ch.codePointAt(0) ?? 0;
  return cp >= 0x1100 && isWide(cp) ? 2 : 1;
}

function isWide(cp: number): boolean {
  return (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x1f300 && cp <= 0x1faff) ||
    (cp >= 0x20000 && cp <= 0x3fffd)
  );
}
