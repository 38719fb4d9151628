// `ece extensions show <extension>`: one extension and the deployments using it.

import type { Command } from 'commander';
import { getExtension } from '../../api/extensions.js';
import type { Context } from '../../context.js';
import { fieldsView } from '../../output/views.js';
import { act, type Contexts } from '../action.js';
import { detailColumns } from './columns.js';
import { type Extension, resolveExtension } from './resolve.js';

export function register(group: Command, contexts: Contexts): void {
  group
    .command('show')
    .description('Show an extension and the deployments that use it')
    .argument('<extension>', 'extension id or exact name')
    .addHelpText(
      'after',
      '\nExamples:\n  $ ece extensions show synonyms\n  $ ece extensions show 4226448541 --json',
    )
    .action(act(contexts, (ctx, ref: string) => run(ref, ctx)));
}

export async function run(ref: string, ctx: Context): Promise<void> {
  const renderer = await ctx.renderer();
  const api = await ctx.api();
  const { id } = await resolveExtension(api, ref);
  const res = await getExtension(api, id, { deployments: true });
  await renderer.body(res, fieldsView<Extension>(detailColumns));
}
