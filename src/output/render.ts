// Hands a command's result to the chosen format. JSON is the API's body
// byte for byte; --query (JMESPath) filters the data first, after which the
// result is rendered generically because its shape is the user's. YAML and
// --query read the body with the lossless parser (src/lossless.ts), so no
// number changes on the way; a body nested too deep is refused in one line.

import type { ChalkInstance } from 'chalk';
import { ResponseError, UsageError } from '../errors.js';
import { cjs } from '../interop.js';
import {
  hasLosslessNumbers,
  JsonDepthError,
  LosslessNumber,
  parseLossless,
  stringifyLossless,
} from '../lossless.js';
import type { DrawnFormat, Format } from './formats.js';
import type { IOStreams } from './iostreams.js';
import { writeExact } from './raw.js';
import { sanitize } from './sanitize.js';
import { type Grid, renderTable, renderTsv } from './table.js';
import type { View } from './views.js';

export interface RendererOptions {
  format: Format;
  query: string | undefined;
  chalk: ChalkInstance;
}

/** A response body: its text, and the bytes as received when the caller has them. */
export type Body = string | { text: string; bytes?: Uint8Array | undefined };

export class Renderer {
  private readonly opts: Omit<RendererOptions, 'format'> & { format: DrawnFormat };
  /** -o wide: more columns, in a table on a terminal and in TSV in a pipe. */
  readonly wide: boolean;

  constructor(
    private readonly io: IOStreams,
    opts: RendererOptions,
  ) {
    this.wide = opts.format === 'wide';
    const format = opts.format === 'wide' ? (io.stdoutIsTTY ? 'table' : 'tsv') : opts.format;
    this.opts = { ...opts, format };
  }

  get format(): DrawnFormat {
    return this.opts.format;
  }

  /** chalk for stdout, decided once: for a verb's own coloured text (text()). */
  get chalk(): ChalkInstance {
    return this.opts.chalk;
  }

  /** A verb's own text on stdout, already made safe with sanitize() (it may hold colour). */
  text(s: string): void {
    this.write(s);
  }

  /** JSON, YAML or a --query: the API's body, not a command's summary. */
  get raw(): boolean {
    return (
      this.opts.format === 'json' || this.opts.format === 'yaml' || this.opts.query !== undefined
    );
  }

  /**
   * Prints a JSON response body (as received) in the chosen format. `parsed`:
   * the body already parsed by the caller (a large list is parsed once, not
   * twice), used for the rows; JSON, YAML and --query read the body itself.
   */
  async body(body: Body, view: View, parsed?: unknown): Promise<void> {
    const { format, query } = this.opts;
    const text = typeof body === 'string' ? body : body.text;
    if (format === 'json' && query === undefined) {
      const bytes = typeof body === 'string' ? undefined : body.bytes;
      writeExact(this.io, bytes ?? text);
      return;
    }
    if (query !== undefined) {
      const data = parseJson(text, 'value');
      await this.value(await applyQuery(data, query));
      return;
    }
    if (format === 'yaml') {
      await this.value(parseJson(text, 'text'));
      return;
    }
    const data = parsed ?? parseJson(text, 'value');
    if (view.isEmpty(data)) {
      if (this.io.stdoutIsTTY) this.io.stderr.write(`${view.emptyNote}\n`);
      return;
    }
    // Numbers JavaScript cannot hold reach the view as LosslessNumber (text() prints them as sent).
    this.grid(view.grid(data, format === 'table' ? 'table' : 'tsv', { wide: this.wide }));
  }

  /** Prints any value: JSON, YAML, or a generic table. */
  async value(data: unknown): Promise<void> {
    switch (this.opts.format) {
      case 'json':
        this.write(`${stringifyLossless(data, 2)}\n`);
        return;
      case 'yaml':
        this.write(await toYaml(data));
        return;
      default:
        this.generic(data);
    }
  }

  grid(grid: Grid): void {
    if (this.opts.format === 'table') {
      const { columns } = this.io;
      const onHidden = (headers: string[]) => {
        // A note for the person at the terminal; a table forced into a pipe stays quiet.
        if (this.io.stdoutIsTTY)
          this.io.stderr.write(
            `note: ${headers.join(', ')} hidden to fit ${columns} columns (a wider terminal, or TSV with -o tsv, shows every column)\n`,
          );
      };
      this.write(renderTable(grid, columns, this.opts.chalk, { onHidden }));
    } else {
      this.write(renderTsv(grid));
    }
  }

  /** Scalars print as-is, arrays as rows, objects as one row keyed by their fields. */
  private generic(data: unknown): void {
    if (data === null || data === undefined) return;
    if (typeof data !== 'object' || data instanceof LosslessNumber) {
      this.write(`${sanitize(cell(data))}\n`);
      return;
    }
    const items = Array.isArray(data) ? data : [data];
    if (items.length === 0) return;
    if (items.every((i) => typeof i === 'object' && i !== null && !Array.isArray(i))) {
      const headers: string[] = [];
      const seen = new Set<string>();
      for (const item of items) {
        for (const k of Object.keys(item as object))
          if (!seen.has(k)) {
            seen.add(k);
            headers.push(k);
          }
      }
      const rows = items.map((i) => headers.map((h) => cell((i as Record<string, unknown>)[h])));
      this.grid({ headers: headers.map((h) => h.toUpperCase()), rows });
      return;
    }
    const rows = items.map((i) => (Array.isArray(i) ? i.map(cell) : [cell(i)]));
    if (this.opts.format === 'table') {
      // No field names to show: plain aligned rows, like `aws --output text`.
      let width = 0;
      for (const r of rows) if (r.length > width) width = r.length;
      this.write(
        renderTable(
          { headers: [], rows: rows.map((r) => pad(r, width)) },
          this.io.columns,
          this.opts.chalk,
        ),
      );
    } else {
      this.write(renderTsv({ headers: [], rows }));
    }
  }

  private write(text: string): void {
    this.io.stdout.write(text);
  }
}

function pad(row: string[], width: number): string[] {
  return row.length >= width ? row : [...row, ...Array<string>(width - row.length).fill('')];
}

export function cell(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (v instanceof LosslessNumber) return v.text;
  if (typeof v === 'object') return stringifyLossless(v);
  return String(v);
}

/**
 * The body parsed losslessly; not JSON, or nested past the bound, is an
 * unexpected response (exit 1) said in one line.
 */
export function parseJson(text: string, keep: 'value' | 'text' = 'value'): unknown {
  try {
    return parseLossless(text, { keep });
  } catch (err) {
    if (err instanceof JsonDepthError)
      throw new ResponseError(
        `the response is ${err.message}; ece cannot render or query it (--json prints it as it is)`,
      );
    throw new ResponseError('the response is not valid JSON, so it cannot be rendered or queried');
  }
}

export async function toYaml(data: unknown): Promise<string> {
  const YAML = cjs(await import('yaml'));
  return deepGuard(() =>
    YAML.stringify(data, {
      lineWidth: 0,
      customTags: [
        {
          // Kept numbers as written: plain YAML numbers, no tag.
          identify: (v: unknown) => v instanceof LosslessNumber,
          default: true,
          tag: 'tag:yaml.org,2002:float',
          stringify: (item) => (item.value as LosslessNumber).text,
          resolve: (s: string) => s,
        },
      ],
    }),
  );
}

/** A stack overflow deep in a library (YAML, JMESPath) said in one line, exit 1. */
function deepGuard<T>(fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    if (err instanceof RangeError)
      throw new ResponseError(
        'the response is nested too deeply to render or query (--json prints it as it is)',
      );
    throw err;
  }
}

/** Comparisons and functions would see a kept number as an object, not a number. */
const COMPUTES = /[<>(]|[=!]=/;

async function applyQuery(data: unknown, expr: string): Promise<unknown> {
  if (COMPUTES.test(expr) && hasLosslessNumbers(data)) {
    throw new UsageError(
      `--query "${expr}" compares or computes, and the response holds numbers that JavaScript cannot hold exactly (integers past 2^53, out-of-range or -0 values); select fields without comparing, or use --json and a tool with big numbers`,
    );
  }
  const { search } = cjs(await import('jmespath'));
  try {
    // biome-ignore lint/suspicious/noExplicitAny: jmespath's typings take `any` data
    return search(data as any, expr);
  } catch (err) {
    if (err instanceof RangeError)
      return deepGuard(() => {
        throw err;
      });
    throw new UsageError(`invalid --query "${expr}": ${(err as Error).message}`);
  }
}
