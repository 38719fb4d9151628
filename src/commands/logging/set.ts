// `ece logging <component> set <id> -f settings.json | --level NAME=LEVEL…`:
// replaces every override of the service by the levels given (PUT). A
// logger left out goes back to its default.

import { setLoggingSettingsRequest } from '../../api/logging.js';
import { UsageError } from '../../errors.js';
import { readDocument } from '../../input.js';
import { defineVerb, type Verb } from '../run/types.js';
import type { Component } from './components.js';
import {
  FILE_OPTION,
  ID_ARG,
  label,
  levelOption,
  levelsFromDocument,
  levelsFromFlags,
} from './levels.js';

interface Input {
  id: string;
  file?: string;
  level: string[];
}

export function set(c: Component): Verb<Input> {
  return defineVerb<Input>({
    effect: 'write',
    args: [ID_ARG(c)],
    options: [
      FILE_OPTION,
      levelOption("a logger and its level (repeatable); with -f, added to the file's"),
    ],
    description: `The levels given replace every override the ${c.noun} had: a logger left out
goes back to its default (to change some and keep the others, use update).
Levels: OFF, ERROR, WARN, INFO, DEBUG, TRACE, ALL.`,
    examples: [
      `ece logging ${c.name} set ${c.example} --level com.elastic.cloud=DEBUG`,
      `ece logging ${c.name} set ${c.example} -f levels.json`,
    ],
    input(raw) {
      const input = {
        id: raw.id as string,
        level: (raw.level as string[] | undefined) ?? [],
        ...(typeof raw.file === 'string' ? { file: raw.file } : {}),
      };
      if (input.file === undefined && input.level.length === 0)
        throw new UsageError('give the levels with -f FILE or --level NAME=LEVEL');
      // Checked here: a bad level is exit 2 before any request.
      levelsFromFlags(input.level, false);
      return input;
    },
    async plan(input, ctx) {
      const fromFile = input.file
        ? levelsFromDocument(
            await readDocument(ctx.io, input.file),
            input.file === '-' ? '<stdin>' : input.file,
            false,
          )
        : {};
      const levels = { ...fromFile, ...levelsFromFlags(input.level, false) } as Record<
        string,
        string
      >;
      const n = Object.keys(levels).length;
      return {
        writes: [setLoggingSettingsRequest(c.path, input.id, { logging_levels: levels })],
        done: `Set the logging levels of ${label(c, input.id)}: ${n} logger${n === 1 ? '' : 's'} overridden, the others at their defaults.`,
      };
    },
  });
}
