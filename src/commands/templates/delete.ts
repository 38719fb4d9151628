// `ece templates delete <id>`: asks first; --yes skips that. ECE refuses to
// delete its own (system-owned) templates and, per its documentation, a
// template deployments still use: its answer is the error shown (exit 5).

import type { Command } from 'commander';
import { getTemplate } from '../../api/platform.js';
import { deleteTemplateRequest } from '../../api/templates.js';
import type { Context } from '../../context.js';
import { requireConfirmable } from '../../output/prompt.js';
import { act, type Contexts } from '../action.js';
import { warnIfUnsupported } from '../platform-version.js';
import { confirmAndSend } from '../write.js';
import { templateRegion, withRegion } from './region.js';

interface DeleteFlags {
  yes?: boolean;
  region?: string;
}

export function register(group: Command, contexts: Contexts): void {
  withRegion(
    group
      .command('delete')
      .alias('rm')
      .description('Delete a deployment template (asks first)')
      .argument('<id>', 'template id')
      .option('-y, --yes', 'do not ask for confirmation')
      .addHelpText(
        'after',
        `
ECE refuses to delete a system-owned template, and one that deployments still
use; the error says which (exit 5).

Examples:
  $ ece templates delete logs
  $ ece templates delete logs --yes`,
      ),
  ).action(act(contexts, (ctx, id: string, flags: DeleteFlags) => run(id, flags, ctx)));
}

export async function run(id: string, flags: DeleteFlags, ctx: Context): Promise<void> {
  if (!ctx.flags.dryRun) requireConfirmable(ctx.io, flags.yes);
  const api = await ctx.api();
  const region = await templateRegion(api, flags.region);
  warnIfUnsupported(ctx, api, 'DELETE', '/deployments/templates/{template_id}');
  // A missing template is exit 3 before anyone is asked anything.
  await getTemplate(api, id, region);
  const write = deleteTemplateRequest(id, region);
  await confirmAndSend(ctx, api, write, {
    question: `Delete deployment template ${id}?`,
    yes: flags.yes,
    done: `Deleted deployment template ${id}.`,
  });
}
