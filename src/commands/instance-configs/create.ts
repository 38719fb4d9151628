// `ece instance-configs create -f ic.json`: a new instance configuration.
// The id ECE gives it goes to stdout (the API's body with --json).

import { parseBody } from '../../api/body.js';
import { createInstanceConfig } from '../../api/instance-configs.js';
import { UsageError } from '../../errors.js';
import { readDocument } from '../../input.js';
import { defineVerb } from '../run/types.js';

export const verb = defineVerb<{ file?: string; id?: string }>({
  effect: 'write',
  options: [
    {
      flags: '-f, --file <file>',
      description: 'the instance configuration, JSON or YAML (- for stdin)',
    },
    {
      flags: '--id <id>',
      description: "the id to give it (default: the file's id, else one ECE picks)",
    },
  ],
  description: `The file is an InstanceConfiguration: name, instance_type and discrete_sizes
at least. The new id is printed on stdout.`,
  examples: [
    'ece instance-configs create -f hot-nvme.json',
    `ece instance-configs show data.default --json | jq '.id="data.big" | .name="data.big"' | ece instance-configs create -f -`,
  ],
  input(raw) {
    if (typeof raw.file !== 'string' || raw.file === '')
      throw new UsageError('give the instance configuration with -f FILE (- for stdin)');
    return raw as { file: string; id?: string };
  },
  async plan(input, ctx) {
    const doc = await readDocument(ctx.io, input.file as string);
    // ECE fills these in itself and refuses them in a create.
    const { config_version: _v, deleted_on: _d, system_owned: _s, ...body } = doc;
    if (input.id) body.id = input.id;
    return {
      writes: [createInstanceConfig(body)],
      output: (sent) => ({
        body: sent[0] ?? '',
        print: (_renderer, io) => {
          const res = sent[0];
          const id = res ? parseBody<{ id?: unknown }>(res).id : undefined;
          io.stdout.write(`${String(id)}\n`);
        },
      }),
      done: `Created instance configuration ${String(body.name)}.`,
    };
  },
});
