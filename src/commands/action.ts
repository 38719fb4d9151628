// How a command's action gets its Context: built once per run from the
// options commander parsed (the command's own and the global ones), never
// changed afterwards.

import type { Command } from 'commander';
import type { Context } from '../context.js';

/** The run's Context for the command about to run. */
export type Contexts = (cmd: Command) => Context;
