// Hands a command's result to the chosen format. JSON is the API's body
// byte for byte; --query (JMESPath) filters the data first, after which the
// result is rendered generically because its shape is the user's.

import type { ChalkInstance } from 'chalk';
import { ResponseError, UsageError } from '../errors.js';
import { cjs } from '../interop.js';
import type { Format } from './formats.js';
import type { IOStreams } from './iostreams.js';
import { type Grid, renderTable, renderTsv } from './table.js';

/** How one command turns its data into rows. */
export interface View {
  grid(data: unknown, format: 'table' | 'tsv'): Grid;
  isEmpty(data: unknown): boolean;
  /** Said on stderr when a terminal user gets an empty table. */
  emptyNote: string;
}

export interface RendererOptions {
  format: Format;
  query: string | undefined;
  chalk: ChalkInstance;
}

export class Renderer {
  constructor(
    private readonly io: IOStreams,
    private readonly opts: RendererOptions,
  ) {}

  get format(): Format {
    return this.opts.format;
  }

  /** JSON, YAML or a --query: the API's body, not a command's summary. */
  get raw(): boolean {
    return (
      this.opts.format === 'json' || this.opts.format === 'yaml' || this.opts.query !== undefined
    );
  }

  /** Prints a JSON response body (as received) in the chosen format. */
  async body(text: string, view: View): Promise<void> {
    const { format, query } = this.opts;
    if (format === 'json' && query === undefined) {
      this.write(text.endsWith('\n') || !this.io.stdoutIsTTY ? text : `${text}\n`);
      return;
    }
    const data = parseJson(text);
    if (query !== undefined) {
      await this.value(await applyQuery(data, query));
      return;
    }
    if (format === 'yaml') {
      await this.value(data);
      return;
    }
    if (view.isEmpty(data)) {
      if (this.io.stdoutIsTTY) this.io.stderr.write(`${view.emptyNote}\n`);
      return;
    }
    this.grid(view.grid(data, format === 'table' ? 'table' : 'tsv'));
  }

  /** Prints any value: JSON, YAML, or a generic table. */
  async value(data: unknown): Promise<void> {
    switch (this.opts.format) {
      case 'json':
        this.write(`${JSON.stringify(data, null, 2)}\n`);
        return;
      case 'yaml': {
        const YAML = await import('yaml');
        this.write(YAML.stringify(data, { lineWidth: 0 }));
        return;
      }
      default:
        this.generic(data);
    }
  }

  grid(grid: Grid): void {
    if (this.opts.format === 'table') {
      this.write(renderTable(grid, this.io.columns, this.opts.chalk));
    } else {
      this.write(renderTsv(grid));
    }
  }

  /** Scalars print as-is, arrays as rows, objects as one row keyed by their fields. */
  private generic(data: unknown): void {
    if (data === null || data === undefined) return;
    if (typeof data !== 'object') {
      this.write(`${cell(data)}\n`);
      return;
    }
    const items = Array.isArray(data) ? data : [data];
    if (items.length === 0) return;
    if (items.every((i) => typeof i === 'object' && i !== null && !Array.isArray(i))) {
      const headers: string[] = [];
      for (const item of items) {
        for (const k of Object.keys(item as object)) if (!headers.includes(k)) headers.push(k);
      }
      const rows = items.map((i) => headers.map((h) => cell((i as Record<string, unknown>)[h])));
      this.grid({ headers: headers.map((h) => h.toUpperCase()), rows });
      return;
    }
    const rows = items.map((i) => (Array.isArray(i) ? i.map(cell) : [cell(i)]));
    if (this.opts.format === 'table') {
      // No field names to show: plain aligned rows, like `aws --output text`.
      const width = Math.max(...rows.map((r) => r.length));
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
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new ResponseError('the response is not valid JSON, so it cannot be rendered or queried');
  }
}

async function applyQuery(data: unknown, expr: string): Promise<unknown> {
  const { search } = cjs(await import('jmespath'));
  try {
    // biome-ignore lint/suspicious/noExplicitAny: jmespath's typings take `any` data
    return search(data as any, expr);
  } catch (err) {
    throw new UsageError(`invalid --query "${expr}": ${(err as Error).message}`);
  }
}
