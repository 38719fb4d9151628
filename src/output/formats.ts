// Output format names: shared by flags, profiles and the renderer.

import { UsageError } from '../errors.js';

/** `wide`: a table with more columns on a terminal, TSV with more columns in a pipe. */
export const FORMATS = ['table', 'tsv', 'wide', 'json', 'yaml'] as const;
export type Format = (typeof FORMATS)[number];
/** What is drawn: `wide` resolved to a table or TSV by the terminal. */
export type DrawnFormat = Exclude<Format, 'wide'>;

export function parseFormat(value: string): Format {
  if ((FORMATS as readonly string[]).includes(value)) return value as Format;
  throw new UsageError(`invalid output format "${value}" (valid: ${FORMATS.join(', ')})`);
}
