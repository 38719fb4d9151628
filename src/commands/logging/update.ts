// `ece logging <component> update <id> --level NAME=LEVEL…`: changes some
// levels and keeps the others (PATCH, a JSON merge patch); `NAME=default`
// takes a logger back to its default.

import { updateLoggingSettingsRequest } from '../../api/logging.js';
import { UsageError } from '../../errors.js';
import { readDocument } from '../../input.js';
import { defineVerb, type Verb } from '../run/types.js';
import type { Component } from './components.js';
import {
  DEFAULT,
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

export function update(c: Component): Verb<Input> {
  return defineVerb<Input>({
    effect: 'write',
    args: [ID_ARG(c)],
    options: [
      {
        ...FILE_OPTION,
        description:
          'a merge patch, JSON or YAML: {"logging_levels": {NAME: LEVEL or null}} (- for stdin)',
      },
      levelOption(`a logger and its level, or ${DEFAULT} to drop its override (repeatable)`),
    ],
    description: `Only the loggers named change; the others keep their levels. A level of
${DEFAULT} (null in a file) takes a logger back to its default.`,
    examples: [
      `ece logging ${c.name} update ${c.example} --level com.elastic.cloud=TRACE`,
      `ece logging ${c.name} update ${c.example} --level com.elastic.cloud=${DEFAULT}`,
    ],
    input(raw) {
      const input = {
        id: raw.id as string,
        level: (raw.level as string[] | undefined) ?? [],
        ...(typeof raw.file === 'string' ? { file: raw.file } : {}),
      };
      if (input.file === undefined && input.level.length === 0)
        throw new UsageError('give the levels to change with --level NAME=LEVEL or -f FILE');
      levelsFromFlags(input.level, true);
      return input;
    },
    async plan(input, ctx) {
      const fromFile = input.file
        ? levelsFromDocument(
            await readDocument(ctx.io, input.file),
            input.file === '-' ? '<stdin>' : input.file,
            true,
          )
        : {};
      const levels = { ...fromFile, ...levelsFromFlags(input.level, true) };
      const names = Object.keys(levels);
      return {
        writes: [updateLoggingSettingsRequest(c.path, input.id, { logging_levels: levels })],
        done: `Updated the logging levels of ${label(c, input.id)}: ${names.join(', ')}.`,
      };
    },
  });
}
