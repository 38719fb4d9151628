// `ece templates show`: one deployment template.

import type { Command } from 'commander';
import { getTemplate } from '../../api/platform.js';
import type { Context } from '../../context.js';
import { fieldsView } from '../../output/views.js';
import { act, type Contexts } from '../action.js';
import { warnIfUnsupported } from '../platform-version.js';
import { type Template, templateColumns } from './columns.js';
import { templateRegion, withRegion } from './region.js';

interface ShowFlags {
  region?: string;
}

export function register(group: Command, contexts: Contexts): void {
  withRegion(
    group
      .command('show')
      .description('Show a deployment template')
      .argument('<id>', 'template id')
      .addHelpText('after', '\nExamples:\n  $ ece templates show default --json > template.json'),
  ).action(act(contexts, (ctx, id: string, flags: ShowFlags) => run(id, flags, ctx)));
}

export async function run(id: string, flags: ShowFlags, ctx: Context): Promise<void> {
  const renderer = await ctx.renderer();
  const api = await ctx.api();
  warnIfUnsupported(ctx, api, 'GET', '/deployments/templates/{template_id}');
  const res = await getTemplate(api, id, await templateRegion(api, flags.region));
  const view = fieldsView<Template>([
    ...templateColumns,
    ['INSTANCE_CONFIGURATIONS', (t) => t.instance_configurations.map((c) => c.name)],
  ]);
  await renderer.body(res, view);
}
