// Tables for terminals (cli-table3, borderless, fitted to the width) and
// tab-separated rows for pipes (no header, no truncation, one record a line).

import type { ChalkInstance } from 'chalk';
import Table from 'cli-table3';

export interface Grid {
  headers: string[];
  rows: string[][];
}

const GAP = 2;
const MIN_WIDTH = 6;

export function renderTable(grid: Grid, width: number, chalk: ChalkInstance): string {
  const widths = fitWidths(grid, width);
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
  while (total > width) {
    let widest = -1;
    for (let i = 0; i < widths.length; i++) {
      const w = widths[i] ?? 0;
      if (w > (floor[i] ?? 1) && (widest < 0 || w > (widths[widest] ?? 0))) widest = i;
    }
    if (widest < 0) break;
    widths[widest] = (widths[widest] ?? 0) - 1;
    total--;
  }
  return widths;
}

export function renderTsv(grid: Grid): string {
  return grid.rows.map((r) => `${r.map(tsvCell).join('\t')}\n`).join('');
}

/** Tabs and newlines inside a value would break the record; escape them. */
function tsvCell(value: string): string {
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
