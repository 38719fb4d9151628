// Output format names: shared by flags, profiles and the renderer.

import { UsageError } from '../errors.js';

export const FORMATS = ['table', 'tsv', 'json', 'yaml'] as const;
export type Format = (typeof FORMATS)[number];

export function parseFormat(value: string): Format {
  if ((FORMATS as readonly string[]).includes(value)) return value as Format;
  throw new UsageError(`invalid output format "${value}" (valid: ${FORMATS.join(', ')})`);
}
