// The human form of a difference: both documents as YAML, compared line by
// line, in unified diff format (`---`/`+++` headers, `@@` hunks with three
// lines of context), coloured on a terminal (red removed, green added; the
// `-`/`+` marks say it without colour). Text from the network goes through
// sanitize() before it is coloured.

import type { ChalkInstance } from 'chalk';
import { sanitize } from '../../../output/sanitize.js';

const CONTEXT = 3;
/** Beyond this many cells the line table is not built: the sides are shown as replaced whole. */
const MAX_CELLS = 4_000_000;

type Op = { op: ' ' | '-' | '+'; line: string; a: number; b: number };

/** The edit script from a to b (longest common subsequence of lines). */
export function editScript(a: string[], b: string[]): Op[] {
  const n = a.length;
  const m = b.length;
  if (n * m > MAX_CELLS) {
    return [
      ...a.map((line, i) => ({ op: '-' as const, line, a: i, b: 0 })),
      ...b.map((line, j) => ({ op: '+' as const, line, a: n, b: j })),
    ];
  }
  // lcs[i][j]: the common length of a[i..] and b[j..], in one flat array.
  const w = m + 1;
  const lcs = new Uint32Array((n + 1) * w);
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      lcs[i * w + j] =
        a[i] === b[j]
          ? (lcs[(i + 1) * w + j + 1] ?? 0) + 1
          : Math.max(lcs[(i + 1) * w + j] ?? 0, lcs[i * w + j + 1] ?? 0);
  const out: Op[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) {
      out.push({ op: ' ', line: a[i] ?? '', a: i, b: j });
      i++;
      j++;
    } else if (i < n && (j >= m || (lcs[(i + 1) * w + j] ?? 0) >= (lcs[i * w + j + 1] ?? 0))) {
      // Removals before additions, as diff -u writes them.
      out.push({ op: '-', line: a[i] ?? '', a: i, b: j });
      i++;
    } else {
      out.push({ op: '+', line: b[j] ?? '', a: i, b: j });
      j++;
    }
  }
  return out;
}

/** A unified diff of two texts; '' when they are the same. */
export function unifiedDiff(
  before: string,
  after: string,
  names: { from: string; to: string },
  chalk: ChalkInstance,
): string {
  const a = lines(before);
  const b = lines(after);
  const ops = editScript(a, b);
  if (ops.every((o) => o.op === ' ')) return '';
  const out = [chalk.bold(`--- ${sanitize(names.from)}`), chalk.bold(`+++ ${sanitize(names.to)}`)];
  // Hunks: runs of changes with up to CONTEXT lines around them, joined when close.
  const changed = ops.flatMap((o, k) => (o.op === ' ' ? [] : [k]));
  let k = 0;
  while (k < changed.length) {
    const first = changed[k] ?? 0;
    let last = first;
    while (k + 1 < changed.length && (changed[k + 1] ?? 0) - last <= 2 * CONTEXT + 1) {
      k++;
      last = changed[k] ?? last;
    }
    k++;
    const start = Math.max(0, first - CONTEXT);
    const end = Math.min(ops.length, last + CONTEXT + 1);
    const hunk = ops.slice(start, end);
    const aStart = hunk[0]?.a ?? 0;
    const bStart = hunk[0]?.b ?? 0;
    const aLen = hunk.filter((o) => o.op !== '+').length;
    const bLen = hunk.filter((o) => o.op !== '-').length;
    out.push(chalk.cyan(`@@ -${range(aStart, aLen)} +${range(bStart, bLen)} @@`));
    for (const o of hunk) {
      const text = `${o.op}${sanitize(o.line)}`;
      out.push(o.op === '-' ? chalk.red(text) : o.op === '+' ? chalk.green(text) : text);
    }
  }
  return `${out.join('\n')}\n`;
}

/** `start,len` as diff writes it: 1-based, and a start of 0 for an empty side. */
function range(start: number, len: number): string {
  const s = len === 0 ? start : start + 1;
  return len === 1 ? `${s}` : `${s},${len}`;
}

function lines(text: string): string[] {
  if (text === '') return [];
  return text.replace(/\n$/, '').split('\n');
}
