// `ece security realms reorder <id>...`: the order ECE tries the realms in.
// ECE wants every realm in the new order (400 security_realm.missing_ids
// otherwise), so the ids named come first, in the order given, and the
// others keep their order after them: `reorder corp-ldap` moves one realm
// to the front. The current order is read first; an id that is not a realm
// is exit 3, before anything is sent.

import { parseBody } from '../../../api/body.js';
import { listRealms, reorderRealmsRequest } from '../../../api/security.js';
import { CliError, ExitCode, UsageError } from '../../../errors.js';
import { defineVerb } from '../../run/types.js';

export const verb = defineVerb<{ ids: string[] }>({
  effect: 'write',
  args: [{ name: 'ids', description: 'realm ids, first tried first', variadic: true }],
  description: `Realms not named keep their order after the ones named.`,
  examples: [
    'ece security realms reorder corp-ldap sso-okta',
    'ece security realms reorder corp-ldap --dry-run',
  ],
  input(raw) {
    const ids = raw.ids as string[];
    const twice = ids.find((id, i) => ids.indexOf(id) !== i);
    if (twice) throw new UsageError(`realm "${twice}" is named twice`);
    return { ids };
  },
  async plan({ ids }, ctx) {
    const { realms } = parseBody<{ realms: { id: string; order?: number }[] }>(
      await listRealms(await ctx.api()),
    );
    const current = [...realms].sort((a, b) => (a.order ?? 0) - (b.order ?? 0)).map((r) => r.id);
    const unknown = ids.filter((id) => !current.includes(id));
    if (unknown.length)
      throw new CliError(
        `no realm ${unknown.map((u) => `"${u}"`).join(', ')} (the realms: ${current.join(', ') || 'none'})`,
        ExitCode.NOT_FOUND,
      );
    const order = [...ids, ...current.filter((id) => !ids.includes(id))];
    if (order.every((id, i) => current[i] === id))
      return { done: `The realms are already in this order: ${order.join(', ')}.` };
    return {
      writes: [reorderRealmsRequest(order)],
      done: `Realms now tried in this order: ${order.join(', ')}.`,
    };
  },
});
