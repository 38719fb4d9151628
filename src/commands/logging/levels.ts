// Logging levels from the command line (`--level NAME=LEVEL`) and from a file
// (LoggingSettings, as `show --json` prints it), checked before any request:
// a level is one of LoggingSettings' values, in any case.

import { LOG_LEVELS } from '../../api/logging.js';
import { UsageError } from '../../errors.js';
import type { OptionSpec } from '../run/types.js';
import type { Component } from './components.js';

/** `default`: back to the default level (null in a merge patch); only `update` takes it. */
export const DEFAULT = 'default';

export const FILE_OPTION: OptionSpec = {
  flags: '-f, --file <file>',
  description: 'the settings, JSON or YAML: {"logging_levels": {NAME: LEVEL}} (- for stdin)',
};

export function levelOption(what: string): OptionSpec {
  return { flags: '--level <name=level>', description: what, repeatable: true };
}

/** A level as LoggingSettings spells it (upper case), or null for `default` where allowed. */
export function checkLevel(name: string, level: unknown, allowDefault: boolean): string | null {
  if (allowDefault && (level === null || level === DEFAULT)) return null;
  const upper = typeof level === 'string' ? level.toUpperCase() : '';
  if (!(LOG_LEVELS as readonly string[]).includes(upper))
    throw new UsageError(
      `invalid level ${JSON.stringify(level)} for ${name}: use ${LOG_LEVELS.join(', ')}${allowDefault ? ` or ${DEFAULT}` : ''}`,
    );
  return upper;
}

/** `--level a=DEBUG --level b=WARN` → {a: 'DEBUG', b: 'WARN'}. */
export function levelsFromFlags(
  flags: string[],
  allowDefault: boolean,
): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  for (const f of flags) {
    const at = f.lastIndexOf('=');
    const name = f.slice(0, at).trim();
    if (at <= 0 || name === '')
      throw new UsageError(`invalid --level "${f}": use NAME=LEVEL (com.example=DEBUG)`);
    out[name] = checkLevel(name, f.slice(at + 1).trim(), allowDefault);
  }
  return out;
}

/** The levels of a settings document; `file` names it in errors. */
export function levelsFromDocument(
  doc: Record<string, unknown>,
  file: string,
  allowDefault: boolean,
): Record<string, string | null> {
  const levels = doc.logging_levels;
  if (typeof levels !== 'object' || levels === null || Array.isArray(levels))
    throw new UsageError(`${file}: expected {"logging_levels": {NAME: LEVEL, …}}`);
  const out: Record<string, string | null> = {};
  for (const [name, level] of Object.entries(levels))
    out[name] = checkLevel(name, level, allowDefault);
  return out;
}

/** `allocator 192.168.44.10` */
export const label = (c: Component, id: string) => `${c.noun} ${id}`;

export const ID_ARG = (c: Component) => ({ name: 'id', description: `the ${c.noun}'s id` });
