// --wait and --wait-timeout, which the model gives every verb that starts
// plans (the follower itself is deployments/wait.ts, loaded only to wait).

import type { Command } from 'commander';
import { parseDuration } from '../../duration.js';
import { UsageError } from '../../errors.js';

export interface WaitFlags {
  wait?: boolean;
  waitTimeout?: string;
}

export const DEFAULT_WAIT_TIMEOUT = '40m';

export function addWaitOptions(cmd: Command): Command {
  return cmd
    .option('--wait', 'wait until the plan finishes, showing its progress')
    .option(
      '--wait-timeout <duration>',
      'give up waiting after this long (exit 8)',
      DEFAULT_WAIT_TIMEOUT,
    );
}

/** Checked before anything is sent, so a typo does not leave a plan unwatched. */
export function waitTimeoutMs(flags: WaitFlags): number {
  const ms = parseDuration(flags.waitTimeout ?? DEFAULT_WAIT_TIMEOUT, '--wait-timeout');
  if (ms <= 0) throw new UsageError('--wait-timeout must be more than 0');
  if (
    flags.waitTimeout !== undefined &&
    flags.waitTimeout !== DEFAULT_WAIT_TIMEOUT &&
    !flags.wait
  ) {
    throw new UsageError('--wait-timeout needs --wait');
  }
  return ms;
}
