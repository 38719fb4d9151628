// Views built from a list of items and their columns: most list commands are
// one line of this.

import { ResponseError } from '../errors.js';
import { LosslessNumber, stringifyLossless } from '../lossless.js';
import type { Grid } from './table.js';

/** How one command turns its data into rows. */
export interface View {
  /** `wide`: -o wide asked for the command's extra columns. */
  grid(data: unknown, format: 'table' | 'tsv', opts?: { wide: boolean }): Grid;
  isEmpty(data: unknown): boolean;
  /** Said on stderr when a terminal user gets an empty table. */
  emptyNote: string;
}

export type Column<T> = [header: string, value: (item: T) => unknown];

export function listView<T>(
  items: (data: unknown) => T[] | undefined,
  columns: Column<T>[],
  emptyNote: string,
  keep: number[] = [0],
): View {
  const of = (data: unknown): T[] => {
    const list = items(data);
    if (!Array.isArray(list))
      throw new ResponseError('unexpected response from ECE: not the list that was asked for');
    return list;
  };
  return {
    emptyNote,
    isEmpty: (data) => of(data).length === 0,
    grid: (data) => ({
      headers: columns.map(([h]) => h),
      rows: of(data).map((item) => columns.map(([, value]) => text(value(item)))),
      keep,
    }),
  };
}

/** KEY VALUE rows for one object. */
export function fieldsView<T>(columns: Column<T>[]): View {
  return {
    emptyNote: '',
    isEmpty: () => false,
    grid: (data) => ({
      headers: ['FIELD', 'VALUE'],
      rows: columns.map(([h, value]) => [h.toLowerCase(), text(value(data as T))]),
    }),
  };
}

export function text(v: unknown): string {
  if (v === undefined || v === null || v === '') return '-';
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  if (v instanceof LosslessNumber) return v.text;
  if (Array.isArray(v)) return v.length ? v.map(text).join(',') : '-';
  if (typeof v === 'object') return stringifyLossless(v);
  return String(v);
}
