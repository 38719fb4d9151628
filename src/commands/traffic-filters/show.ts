// `ece traffic-filters show <ruleset>`: the ruleset, its rules, and the
// deployments it is associated with (by name where the caller may see them).

import { parseBody } from '../../api/body.js';
import { listDeployments } from '../../api/deployments.js';
import { getRuleset } from '../../api/traffic-filters.js';
import { fieldsView } from '../../output/views.js';
import { defineVerb } from '../run/types.js';
import { columns, type Ruleset, resolveRuleset, ruleSource } from './ruleset.js';

export const verb = defineVerb<{ ruleset: string }>({
  effect: 'read',
  args: [{ name: 'ruleset', description: 'ruleset id or exact name' }],
  description: `RULES lists each rule's source (an IP address or CIDR block for type ip);
ASSOCIATIONS the deployments that use the ruleset, as NAME (ID).`,
  examples: [
    'ece traffic-filters show office-network',
    'ece traffic-filters show office-network --json > ruleset.json',
  ],
  async plan(input, ctx) {
    const raw = (await ctx.renderer()).raw;
    const api = await ctx.api();
    const { id } = await resolveRuleset(api, input.ruleset);
    const res = await getRuleset(api, id);
    const names = new Map<string, string>();
    // The deployments' names only for a table: JSON, YAML and --query print the body.
    const ruleset = raw ? undefined : parseBody<Ruleset>(res);
    if (ruleset?.associations?.some((a) => a.entity_type === 'deployment')) {
      const list = parseBody<{ deployments?: { id: string; name: string }[] }>(
        await listDeployments(api),
      );
      for (const d of list.deployments ?? []) names.set(d.id, d.name);
    }
    const association = (a: { entity_type: string; id: string }) => {
      if (a.entity_type !== 'deployment') return `${a.entity_type} ${a.id}`;
      const name = names.get(a.id);
      return name === undefined ? a.id : `${name} (${a.id})`;
    };
    return {
      output: {
        body: res,
        view: fieldsView<Ruleset>([
          ...columns.slice(0, 5),
          ['DESCRIPTION', (r) => r.description],
          ['RULES', (r) => (r.rules ?? []).map(ruleSource)],
          ['ASSOCIATIONS', (r) => (r.associations ?? []).map(association)],
        ]),
      },
    };
  },
});
