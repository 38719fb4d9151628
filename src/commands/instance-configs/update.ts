// `ece instance-configs update <id> -f ic.json`: replaces an existing
// instance configuration. It must exist (a PUT would create it: that is
// `create`'s job), which one read checks first, in a dry run too.

import { getInstanceConfig, setInstanceConfig } from '../../api/instance-configs.js';
import { UsageError } from '../../errors.js';
import { readDocument } from '../../input.js';
import { defineVerb } from '../run/types.js';

export const verb = defineVerb<{ id: string; file?: string }>({
  effect: 'write',
  args: [{ name: 'id', description: 'instance configuration id' }],
  options: [
    {
      flags: '-f, --file <file>',
      description: 'the whole instance configuration, JSON or YAML (- for stdin)',
    },
  ],
  description: 'The file replaces the configuration as a whole: start from `show --json`.',
  examples: [
    'ece instance-configs show data.default --json > ic.json   # edit ic.json',
    'ece instance-configs update data.default -f ic.json',
  ],
  input(raw) {
    if (typeof raw.file !== 'string' || raw.file === '')
      throw new UsageError('give the instance configuration with -f FILE (- for stdin)');
    return raw as { id: string; file: string };
  },
  async plan(input, ctx) {
    const id = input.id;
    const doc = await readDocument(ctx.io, input.file as string);
    if (doc.id !== undefined && doc.id !== id)
      throw new UsageError(`the file is instance configuration "${String(doc.id)}", not "${id}"`);
    const { deleted_on: _d, system_owned: _s, ...body } = doc;
    await getInstanceConfig(await ctx.api(), id);
    return {
      writes: [setInstanceConfig(id, { ...body, id })],
      done: `Updated instance configuration ${id}.`,
    };
  },
});
