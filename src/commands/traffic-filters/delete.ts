// `ece traffic-filters delete <ruleset>`: asks first; --yes skips that.
// While deployments still use the ruleset it is refused before anything is
// sent (exit 5, naming them), as ECE refuses it; --ignore-associations
// deletes it anyway and those deployments lose its rules.

import type { Command } from 'commander';
import { parseBody } from '../../api/body.js';
import { deleteRuleset, getRuleset } from '../../api/traffic-filters.js';
import type { Context } from '../../context.js';
import { CliError, ExitCode } from '../../errors.js';
import { confirmOrFail, requireConfirmable } from '../../output/prompt.js';
import { act, type Contexts } from '../action.js';
import { showDryRun } from '../write.js';
import { type Ruleset, resolveRuleset } from './ruleset.js';

interface DeleteFlags {
  yes?: boolean;
  ignoreAssociations?: boolean;
}

export function register(group: Command, contexts: Contexts): void {
  group
    .command('delete')
    .alias('rm')
    .description('Delete a traffic filter ruleset (asks first)')
    .argument('<ruleset>', 'ruleset id or exact name')
    .option('-y, --yes', 'do not ask for confirmation')
    .option('--ignore-associations', 'delete it even while deployments use it')
    .addHelpText(
      'after',
      `
A ruleset that deployments use is not deleted (exit 5): disassociate them
first, or pass --ignore-associations.

Examples:
  $ ece traffic-filters disassociate office-network prod-logs
  $ ece traffic-filters delete office-network
  $ ece traffic-filters delete 5e1b0c0a4f0d4d3e9a8b7c6d5e4f3a2b --yes --ignore-associations`,
    )
    .action(act(contexts, (ctx, ref: string, flags: DeleteFlags) => run(ref, flags, ctx)));
}

export async function run(ref: string, flags: DeleteFlags, ctx: Context): Promise<void> {
  if (!ctx.flags.dryRun) requireConfirmable(ctx.io, flags.yes);
  const api = await ctx.api();
  const { id } = await resolveRuleset(api, ref);
  const ruleset = parseBody<Ruleset>(await getRuleset(api, id));
  const n = ruleset.total_associations ?? ruleset.associations?.length ?? 0;
  const used = `${n} deployment${n === 1 ? '' : 's'}`;
  if (n > 0 && !flags.ignoreAssociations) {
    const err = new CliError(
      `traffic filter ruleset ${ruleset.name} is associated with ${used}; it was not deleted`,
      ExitCode.REJECTED,
    );
    err.hints.push(
      `disassociate them (ece traffic-filters disassociate ${ref} <deployment>), or pass --ignore-associations`,
    );
    throw err;
  }
  const write = deleteRuleset(id, n > 0);
  if (showDryRun(ctx, api, write)) return;
  const question =
    n > 0
      ? `Delete traffic filter ruleset ${ruleset.name}? ${used} will lose its rules.`
      : `Delete traffic filter ruleset ${ruleset.name}?`;
  await confirmOrFail(ctx.io, question, flags.yes);
  await api.request(write);
  ctx.io.stderr.write(`Deleted traffic filter ruleset ${ruleset.name}.\n`);
}
