// `ece roles create -f role.json`: a new runner role. The file is a Role, a
// create request ({role, blessings}) or a `roles show --json`; --id names it.

import { createRoleRequest } from '../../api/roles.js';
import { UsageError } from '../../errors.js';
import { readDocument } from '../../input.js';
import { defineVerb } from '../run/types.js';
import { roleOf } from './role.js';

export const verb = defineVerb<{ file?: string; id?: string }>({
  effect: 'write',
  options: [
    { flags: '-f, --file <file>', description: 'the role, JSON or YAML (- for stdin)' },
    { flags: '--id <id>', description: "the role's id (default: the file's)" },
  ],
  description: `The file is a Role (id, auto_blessed, containers), a create request
({"role": …, "blessings": …}) or what \`roles show --json\` prints. The new
role's id is printed on stdout.`,
  examples: [
    'ece roles create -f monitoring-role.json',
    'ece roles show proxy --json | ece roles create -f - --id edge-proxy',
  ],
  input(raw) {
    if (typeof raw.file !== 'string' || raw.file === '')
      throw new UsageError('give the role with -f FILE (- for stdin)');
    return raw as { file: string; id?: string };
  },
  async plan(input, ctx) {
    const { role, blessings } = roleOf(await readDocument(ctx.io, input.file as string));
    if (input.id !== undefined) role.id = input.id;
    if (typeof role.id !== 'string' || role.id.trim() === '')
      throw new UsageError('the role needs an id: give --id, or an id in the file');
    role.auto_blessed ??= false;
    const id = role.id;
    // A copy of another role's blessings would put the new role on those runners at once.
    const body = input.id === undefined && blessings !== undefined ? { role, blessings } : { role };
    return {
      writes: [createRoleRequest(body)],
      output: (sent) => ({
        body: sent[0] ?? '',
        print: (_renderer, io) => {
          io.stdout.write(`${id}\n`);
        },
      }),
      done: `Created runner role ${id}.`,
    };
  },
});
