// `ece traffic-filters delete <ruleset>`: asks first; --yes skips that.
// While deployments still use the ruleset it is refused before anything is
// sent (exit 5, naming them), as ECE refuses it; --ignore-associations
// deletes it anyway and those deployments lose its rules.

import { parseBody } from '../../api/body.js';
import { deleteRuleset, getRuleset } from '../../api/traffic-filters.js';
import { CliError, ExitCode } from '../../errors.js';
import { defineVerb } from '../run/types.js';
import { type Ruleset, resolveRuleset } from './ruleset.js';

export const verb = defineVerb<{ ruleset: string; ignoreAssociations?: boolean }>({
  effect: 'destructive',
  args: [{ name: 'ruleset', description: 'ruleset id or exact name' }],
  options: [
    {
      flags: '--ignore-associations',
      description: 'delete it even while deployments use it',
    },
  ],
  description: `A ruleset that deployments use is not deleted (exit 5): disassociate them
first, or pass --ignore-associations.`,
  examples: [
    'ece traffic-filters disassociate office-network prod-logs',
    'ece traffic-filters delete office-network',
    'ece traffic-filters delete 5e1b0c0a4f0d4d3e9a8b7c6d5e4f3a2b --yes --ignore-associations',
  ],
  async plan(input, ctx) {
    const ref = input.ruleset;
    const api = await ctx.api();
    const { id } = await resolveRuleset(api, ref);
    const ruleset = parseBody<Ruleset>(await getRuleset(api, id));
    const n = ruleset.total_associations ?? ruleset.associations?.length ?? 0;
    const used = `${n} deployment${n === 1 ? '' : 's'}`;
    if (n > 0 && !input.ignoreAssociations) {
      const err = new CliError(
        `traffic filter ruleset ${ruleset.name} is associated with ${used}; it was not deleted`,
        ExitCode.REJECTED,
      );
      err.hints.push(
        `disassociate them (ece traffic-filters disassociate ${ref} <deployment>), or pass --ignore-associations`,
      );
      throw err;
    }
    return {
      writes: [deleteRuleset(id, n > 0)],
      confirm:
        n > 0
          ? `Delete traffic filter ruleset ${ruleset.name}? ${used} will lose its rules.`
          : `Delete traffic filter ruleset ${ruleset.name}?`,
      done: `Deleted traffic filter ruleset ${ruleset.name}.`,
    };
  },
});
