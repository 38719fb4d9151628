// `ece stack show <version>`: one stack version — its template, the upgrade
// paths (min_upgradable_from, upgradable_to) and its flags — readable on a
// terminal; --json the API's body.

import type { Command } from 'commander';
import { getStackVersion } from '../../api/stack.js';
import type { Context } from '../../context.js';
import { fieldsView } from '../../output/views.js';
import { act, type Contexts } from '../action.js';

interface StackVersion {
  version?: string;
  template?: { template_version?: string; hashes?: unknown[] };
  min_upgradable_from?: string;
  upgradable_to?: string[];
  accessible?: boolean;
  deleted?: boolean;
  whitelisted?: boolean;
  elasticsearch?: { docker_image?: string; default_plugins?: string[]; plugins?: string[] };
  kibana?: { docker_image?: string };
}

export function register(group: Command, contexts: Contexts): void {
  group
    .command('show')
    .description('Show a stack version: template, upgrade paths, flags')
    .argument('<version>', 'the stack version, e.g. 8.15.1')
    .addHelpText(
      'after',
      '\nExamples:\n  $ ece stack show 8.15.1\n  $ ece stack show 8.15.1 --json | jq .upgradable_to',
    )
    .action(act(contexts, (ctx, version: string) => run(version, ctx)));
}

export async function run(version: string, ctx: Context): Promise<void> {
  const renderer = await ctx.renderer();
  const res = await getStackVersion(await ctx.api(), version.trim().replace(/^v/, ''));
  await renderer.body(
    res,
    fieldsView<StackVersion>([
      ['VERSION', (s) => s.version],
      ['TEMPLATE_VERSION', (s) => s.template?.template_version],
      ['MIN_UPGRADABLE_FROM', (s) => s.min_upgradable_from],
      ['UPGRADABLE_TO', (s) => s.upgradable_to],
      // ECE sends accessible and whitelisted only in Elastic Cloud: absent means usable.
      ['ACCEPTED', (s) => s.accessible !== false],
      ['WHITELISTED', (s) => s.whitelisted !== false],
      ['DELETED', (s) => s.deleted === true],
      ['ELASTICSEARCH_IMAGE', (s) => s.elasticsearch?.docker_image],
      ['DEFAULT_PLUGINS', (s) => s.elasticsearch?.default_plugins],
      ['KIBANA_IMAGE', (s) => s.kibana?.docker_image],
    ]),
  );
}
