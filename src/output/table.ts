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
  /**
   * Columns cut only when nothing else can give, most valuable first (an id
   * people copy, then a name): the last listed is cut first.
   */
  keep?: number[];
  /** Columns hidden (least valuable first) before a kept column is cut. */
  drop?: number[];
  /** Columns shown whole or not at all (short codes such as `✓ started`). */
  whole?: number[];
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
    ...(grid.drop ? { drop: grid.drop } : {}),
    ...(grid.whole ? { whole: grid.whole } : {}),
  };
}

/** The grid without its hidden columns. */
function visibleGrid(grid: Grid, hidden: number[]): Grid {
  if (hidden.length === 0) return grid;
  const gone = new Set(hidden);
  const cut = (cells: string[]) => cells.filter((_, i) => !gone.has(i));
  return { headers: cut(grid.headers), rows: grid.rows.map(cut) };
}

export function renderTable(
  grid: Grid,
  width: number,
  chalk: ChalkInstance,
  opts: {
    engine?: 'auto' | 'cli-table3' | 'fitted';
    /** Told the headers of the columns hidden to fit the width. */
    onHidden?: (headers: string[]) => void;
  } = {},
): string {
  const fitted = safeGrid(grid);
  const { widths: all, hidden } = fitColumns(fitted, width);
  if (hidden.length > 0) opts.onHidden?.(hidden.map((i) => fitted.headers[i] ?? `#${i + 1}`));
  const safe = visibleGrid(fitted, hidden);
  const widths = all.filter((_, i) => !hidden.includes(i));
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

/** Natural widths fitted to the width; hidden columns get 0 (see fitColumns). */
export function fitWidths(grid: Grid, width: number): number[] {
  return fitColumns(grid, width).widths;
}

/**
 * Fits a table to a width, giving space in this order:
 * 1. ordinary columns are cut, widest first, down to MIN_WIDTH;
 * 2. columns are hidden: the `drop` ones, least valuable first, then the
 *    other ordinary ones from the right (after each, the others get their
 *    natural width back and step 1 starts again);
 * 3. only then are `keep` columns cut, the last listed first, down to
 *    MIN_WIDTH: an id listed first is whole whenever it fits at all.
 * No column is ever cut below MIN_WIDTH (or its natural width); `whole`
 * columns are never cut at all.
 */
export function fitColumns(grid: Grid, width: number): { widths: number[]; hidden: number[] } {
  let count = grid.headers.length;
  for (const r of grid.rows) if (r.length > count) count = r.length;
  const natural = Array.from({ length: count }, (_, i) => displayWidth(grid.headers[i] ?? ''));
  for (const r of grid.rows) {
    for (let i = 0; i < r.length; i++) {
      const w = displayWidth(r[i] ?? '');
      if (w > (natural[i] ?? 0)) natural[i] = w;
    }
  }
  const whole = new Set(grid.whole ?? []);
  const floor = natural.map((w, i) => (whole.has(i) ? w : Math.min(w, MIN_WIDTH)));
  const keep = (grid.keep ?? []).filter((i) => i < count);
  const kept = new Set(keep);
  const droppable = (grid.drop ?? []).filter((i) => i < count && !kept.has(i));
  const hidden = new Set<number>();
  for (;;) {
    const widths = natural.slice();
    const visible = widths.map((_, i) => i).filter((i) => !hidden.has(i));
    let total = visible.reduce((n, i) => n + (widths[i] ?? 0), 0) + GAP * (visible.length - 1);
    total = shrink(
      widths,
      floor,
      visible.filter((i) => !kept.has(i)),
      total,
      width,
    );
    // Then hide: the `drop` columns in their order, then ordinary ones from the right.
    const next =
      total > width
        ? (droppable.find((i) => !hidden.has(i)) ?? visible.filter((i) => !kept.has(i)).at(-1))
        : undefined;
    if (next !== undefined && visible.length > 1) {
      hidden.add(next);
      continue;
    }
    for (let k = keep.length - 1; k >= 0 && total > width; k--) {
      const i = keep[k] as number;
      if (!hidden.has(i)) total = shrink(widths, floor, [i], total, width);
    }
    for (const i of hidden) widths[i] = 0;
    return { widths, hidden: [...hidden].sort((a, b) => a - b) };
  }
}

/** Cuts the widest of `columns` by one until the total fits or all are at their floor. */
function shrink(
  widths: number[],
  floor: number[],
  columns: number[],
  total: number,
  width: number,
): number {
  while (total > width) {
    let found = -1;
    for (const i of columns) {
      const w = widths[i] ?? 0;
      if (w > (floor[i] ?? 0) && (found < 0 || w > (widths[found] ?? 0))) found = i;
    }
    if (found < 0) break;
    widths[found] = (widths[found] ?? 0) - 1;
    total--;
  }
  return total;
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
