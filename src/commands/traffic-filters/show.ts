// `ece traffic-filters show <ruleset>`: the ruleset, its rules, and the
// deployments it is associated with (by name where the caller may see them).

import type { Command } from 'commander';
import { parseBody } from '../../api/body.js';
import { listDeployments } from '../../api/deployments.js';
import { getRuleset } from '../../api/traffic-filters.js';
import type { Context } from '../../context.js';
import { fieldsView } from '../../output/views.js';
import { act, type Contexts } from '../action.js';
import { columns, type Ruleset, resolveRuleset, ruleSource } from './ruleset.js';

export function register(group: Command, contexts: Contexts): void {
  group
    .command('show')
    .alias('get')
    .description('Show a traffic filter ruleset, its rules and its deployments')
    .argument('<ruleset>', 'ruleset id or exact name')
    .addHelpText(
      'after',
      `
RULES lists each rule's source (an IP address or CIDR block for type ip);
ASSOCIATIONS the deployments that use the ruleset, as NAME (ID).

Examples:
  $ ece traffic-filters show office-network
  $ ece traffic-filters show office-network --json > ruleset.json`,
    )
    .action(act(contexts, (ctx, ref: string) => run(ref, ctx)));
}

export async function run(ref: string, ctx: Context): Promise<void> {
  const renderer = await ctx.renderer();
  const api = await ctx.api();
  const { id } = await resolveRuleset(api, ref);
  const res = await getRuleset(api, id);
  const names = new Map<string, string>();
  const ruleset = renderer.raw ? undefined : parseBody<Ruleset>(res);
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
  await renderer.body(
    res,
    fieldsView<Ruleset>([
      ...columns.slice(0, 5),
      ['DESCRIPTION', (r) => r.description],
      ['RULES', (r) => (r.rules ?? []).map(ruleSource)],
      ['ASSOCIATIONS', (r) => (r.associations ?? []).map(association)],
    ]),
  );
}
