// `ece roles update <role>`: read, modify, write. The role is read first
// (it must exist; role.meta.version goes back as ?version= so that ECE
// refuses with 409 when someone changed it in between), then replaced by the
// file's role, or by the current one with --auto-blessed applied.

import { parseBody } from '../../api/body.js';
import { getRole, updateRoleRequest } from '../../api/roles.js';
import { UsageError } from '../../errors.js';
import { readDocument } from '../../input.js';
import { defineVerb } from '../run/types.js';
import { type RoleAggregate, roleOf } from './role.js';

export const verb = defineVerb<{ role: string; file?: string; autoBlessed?: string }>({
  effect: 'write',
  args: [{ name: 'role', description: 'role id' }],
  options: [
    { flags: '-f, --file <file>', description: 'the role, JSON or YAML (- for stdin)' },
    {
      flags: '--auto-blessed <bool>',
      description: 'true: every runner may run its containers without a blessing',
    },
  ],
  description: `The file replaces the role (start from \`roles show --json\`). ECE refuses to
take container sets away from a role that runners hold (exit 5), and the
update carries the version read first, so a change made in between fails
with exit 5 instead of being lost.`,
  examples: [
    'ece roles show proxy --json > proxy.json   # edit proxy.json',
    'ece roles update proxy -f proxy.json',
    'ece roles update monitoring --auto-blessed true',
  ],
  input(raw) {
    const input = raw as { role: string; file?: string; autoBlessed?: string };
    if (!input.file && input.autoBlessed === undefined)
      throw new UsageError('give the role with -f FILE, or --auto-blessed');
    if (input.autoBlessed !== undefined && !['true', 'false'].includes(input.autoBlessed))
      throw new UsageError(`invalid --auto-blessed "${input.autoBlessed}": use true or false`);
    return input;
  },
  async plan(input, ctx) {
    const id = input.role;
    let fromFile: Record<string, unknown> | undefined;
    if (input.file) {
      fromFile = roleOf(await readDocument(ctx.io, input.file)).role;
      if (fromFile.id !== undefined && fromFile.id !== id)
        throw new UsageError(`the file is role "${String(fromFile.id)}", not "${id}"`);
    }
    const current = parseBody<RoleAggregate>(await getRole(await ctx.api(), id));
    const role: Record<string, unknown> = { ...(fromFile ?? current.role.value), id };
    if (input.autoBlessed !== undefined) role.auto_blessed = input.autoBlessed === 'true';
    return {
      writes: [updateRoleRequest(id, role, current.role?.meta?.version)],
      done: `Updated runner role ${id}.`,
    };
  },
});
