// `ece constructors maintenance <id> on|off`. While a constructor is in
// maintenance mode no plan in the installation makes progress, so turning it
// on asks first (--yes skips that); turning it off never does.

import type { Command } from 'commander';
import { constructorMaintenance, getConstructor } from '../../api/infrastructure.js';
import type { Context } from '../../context.js';
import { UsageError } from '../../errors.js';
import { confirmOrFail, requireConfirmable } from '../../output/prompt.js';
import { act, type Contexts } from '../action.js';
import { showDryRun } from '../write.js';

interface MaintenanceFlags {
  yes?: boolean;
}

export function register(group: Command, contexts: Contexts): void {
  group
    .command('maintenance')
    .description("Turn a constructor's maintenance mode on or off (on asks first)")
    .argument('<id>', 'constructor id (ece constructors list)')
    .argument('<state>', 'on or off')
    .option('-y, --yes', 'do not ask for confirmation')
    .addHelpText(
      'after',
      `
In maintenance mode a constructor places no instances: plans wait until it is
turned off again.

Examples:
  $ ece constructors maintenance 192.168.44.10 on --yes
  $ ece constructors maintenance 192.168.44.10 off`,
    )
    .action(
      act(contexts, (ctx, id: string, state: string, flags: MaintenanceFlags) =>
        run(id, state, flags, ctx),
      ),
    );
}

export async function run(
  id: string,
  state: string,
  flags: MaintenanceFlags,
  ctx: Context,
): Promise<void> {
  if (state !== 'on' && state !== 'off')
    throw new UsageError(`invalid state "${state}": use on or off`);
  const on = state === 'on';
  if (on && !ctx.flags.dryRun) requireConfirmable(ctx.io, flags.yes);
  const api = await ctx.api();
  await getConstructor(api, id);
  const write = constructorMaintenance(id, on);
  if (showDryRun(ctx, api, write)) return;
  if (on)
    await confirmOrFail(
      ctx.io,
      `Put constructor ${id} in maintenance mode? Plans stop making progress until it is off.`,
      flags.yes,
    );
  await api.request(write);
  ctx.io.stderr.write(`Maintenance mode ${state} for constructor ${id}.\n`);
}
