// A config store option's value, from --value or --value-file (- for
// stdin, for long values), and its columns.

import { UsageError } from '../../../errors.js';
import { readInputFile, type StdinIO } from '../../../input.js';
import type { Column } from '../../../output/views.js';
import type { OptionSpec } from '../../run/types.js';

export interface Option {
  name: string;
  value: string;
  changed: boolean;
}

export const columns: Column<Option>[] = [
  ['NAME', (o) => o.name],
  ['VALUE', (o) => o.value],
  ['CHANGED', (o) => o.changed],
];

export const VALUE_OPTIONS: OptionSpec[] = [
  { flags: '--value <value>', description: 'the value' },
  { flags: '--value-file <file>', description: 'the value: the text of a file (- for stdin)' },
];

export const NAME_ARG = { name: 'name', description: "the option's name" };

export interface ValueInput {
  name: string;
  value?: string;
  valueFile?: string;
}

export function valueInput(raw: Record<string, unknown>): ValueInput {
  const input: ValueInput = { name: raw.name as string };
  if (typeof raw.value === 'string') input.value = raw.value;
  if (typeof raw.valueFile === 'string') input.valueFile = raw.valueFile;
  if (input.value === undefined && input.valueFile === undefined)
    throw new UsageError('give the value with --value VALUE or --value-file FILE');
  return input;
}

/** The value given; a file's final newline is not part of it. */
export async function readValue(io: StdinIO, input: ValueInput): Promise<string> {
  if (input.value !== undefined) return input.value;
  return (await readInputFile(io, input.valueFile ?? '-')).replace(/\r?\n$/, '');
}
