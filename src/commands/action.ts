// How a command's action gets its Context: built once per run from the
// options commander parsed (the command's own and the global ones), never
// changed afterwards. `act` puts it first among the action's arguments.

import type { Command } from 'commander';
import type { Context } from '../context.js';

/** The run's Context for the command about to run. */
export type Contexts = (cmd: Command) => Context;

export function act<A extends unknown[]>(
  contexts: Contexts,
  fn: (ctx: Context, ...args: A) => unknown,
): (...args: unknown[]) => Promise<void> {
  return async (...args: unknown[]) => {
    // commander passes the positional arguments, the options, then the Command.
    const cmd = args[args.length - 1] as Command;
    await fn(contexts(cmd), ...(args.slice(0, -1) as A));
  };
}
