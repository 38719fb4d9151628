// `ece runners roles set <runner> <role…>`: the runner's roles become
// exactly these (PUT …/roles replaces them). It reads the runner first to
// show the roles before and after; taking roles away stops their containers
// on the host, so that asks first (--yes skips it).

import { parseBody } from '../../../api/body.js';
import { getRunner, setRunnerRolesRequest } from '../../../api/runners.js';
import { UsageError } from '../../../errors.js';
import { defineVerb } from '../../run/types.js';
import { type Runner, roleNames } from '../columns.js';

export const verb = defineVerb<{ runner: string; roles: string[] }>({
  // Removing a role stops its containers on the host; adding one does not.
  // Which of them a call does only the runner's roles tell: the plan says.
  effect: 'destructive',
  effectOf: () => 'write',
  args: [
    { name: 'runner', description: 'runner id' },
    {
      name: 'roles',
      variadic: true,
      description: 'the roles it should have, e.g. allocator proxy (see ece roles list)',
    },
  ],
  description: `The runner gets exactly the roles given: any it has now and that are not
named are removed (their containers stop on the host), which asks first.
The roles before and after are shown on stderr.`,
  examples: [
    'ece runners roles set 192.168.44.12 allocator',
    'ece runners roles set 192.168.44.12 allocator proxy --yes',
  ],
  input(raw) {
    const roles = [...new Set(raw.roles as string[])];
    if (roles.some((r) => r.trim() === '')) throw new UsageError('a role name is empty');
    return { runner: String(raw.runner), roles };
  },
  async plan({ runner: id, roles: wanted }, ctx) {
    const before = roleNames(parseBody<Runner>(await getRunner(await ctx.api(), id)));
    const removed = before.filter((r) => !wanted.includes(r));
    const list = (names: string[]) => (names.length ? names.join(', ') : '(none)');
    ctx.io.stderr.write(`Runner ${id}\n  before: ${list(before)}\n  after:  ${list(wanted)}\n`);
    return {
      // Only a removal asks: the effect is known once the runner is read.
      effect: removed.length ? 'destructive' : 'write',
      writes: [setRunnerRolesRequest(id, ...wanted)],
      confirm: `Remove ${list(removed)} from runner ${id}?`,
      done: `Set the roles of runner ${id}.`,
    };
  },
});
