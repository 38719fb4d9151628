// Tables for terminals (cli-table3, borderless, fitted to the width) and
// tab-separated rows for pipes (no header, no truncation, one record a line).

import { createRequire } from 'node:module';
import type { ChalkInstance } from 'chalk';

export interface Grid {
  headers: string[];
  rows: string[][];
  /** Columns truncated only when nothing else can give (ids people copy). */
  keep?: number[];
}

const GAP = 2;

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
const MIN_WIDTH = 6;

export function renderTable(grid: Grid, width: number, chalk: ChalkInstance): string {
  const widths = fitWidths(grid, width);
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

/** Natural widths, shrinking the widest columns until the table fits. */
export function fitWidths(grid: Grid, width: number): number[] {
  const count = Math.max(grid.headers.length, ...grid.rows.map((r) => r.length));
  const columns = Array.from({ length: count }, (_, i) => i);
  const widths = columns.map((i) =>
    Math.max(
      displayWidth(grid.headers[i] ?? ''),
      ...grid.rows.map((r) => displayWidth(r[i] ?? '')),
    ),
  );
  const floor = columns.map((i) =>
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
  // One string built in place: lists run to 10,000s of rows.
  let out = '';
  for (const row of grid.rows) {
    for (let i = 0; i < row.length; i++)
      out += i === 0 ? tsvCell(row[i] as string) : `\t${tsvCell(row[i] as string)}`;
    out += '\n';
  }
  return out;
}

/** Tabs and newlines inside a value would break the record; escape them. */
function tsvCell(value: string): string {
  if (!value.includes('\t') && !value.includes('\n')) return value;
  return value.replace(/\t/g, '\\t').replace(/\r?\n/g, '\\n');
}

function displayWidth(s: string): number {
  let n = 0;
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0;
    n += cp >= 0x1100 && isWide(cp) ? 2 : 1;
  }
  return n;
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
