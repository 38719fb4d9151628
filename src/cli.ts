// Runs the command line: `--version`, help and completion, else the
// commander program (program.ts). The only place that turns errors into exit
// codes and messages on stderr.

import { CommanderError } from 'commander';
import { Context, type ContextInit } from './context.js';
import { CliError, ExitCode } from './errors.js';
import { sanitize } from './output/sanitize.js';
import { buildProgram, VALUE_OPTIONS } from './program.js';
import { VERSION } from './version.js';

export async function main(argv: string[], init: ContextInit): Promise<number> {
  const ctx = new Context(init);
  try {
    if (argv[0] === '--version' || argv[0] === '-V') {
      ctx.io.stdout.write(`${VERSION}\n`);
      return ExitCode.OK;
    }
    // Help (topics, any command at any depth, --json) and shell completion
    // are not commands of their own.
    const at = firstWord(argv);
    if (argv[at] === 'help')
      return await (await import('./help.js')).help(ctx, argv.toSpliced(at, 1));
    if (argv[0] === '__complete') {
      const { complete } = await import('./complete.js');
      await complete(ctx, argv.slice(1), (c) => buildProgram(c, [], { all: true }));
      return ExitCode.OK;
    }
    const program = await buildProgram(ctx, argv);
    await program.parseAsync(argv, { from: 'user' });
    return ExitCode.OK;
  } catch (err) {
    return report(err, ctx);
  } finally {
    await ctx.dispose();
  }
}

/** Where the first word of argv is (after the global options before it), or -1. */
function firstWord(argv: string[]): number {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? '';
    if (a === '--') return -1;
    if (!a.startsWith('-')) return i;
    if (VALUE_OPTIONS.has(a)) i++;
  }
  return -1;
}

function report(err: unknown, ctx: Context): number {
  const { stderr } = ctx.io;
  if (err instanceof CommanderError) {
    // commander has already printed its message (or the help / version).
    // Help asked for, or the version, exits 0; help shown because a verb is
    // missing (`ece deployments`) is a usage error.
    return err.exitCode === 0 ? ExitCode.OK : ExitCode.USAGE;
  }
  if (err instanceof CliError) {
    if (err.silent) return err.exitCode;
    for (const line of err.lines()) stderr.write(`error: ${oneLine(line)}\n`);
    for (const hint of err.hints) stderr.write(`hint: ${oneLine(hint)}\n`);
    return err.exitCode;
  }
  // A bug: say so in one line; the stack only on request.
  const message = err instanceof Error ? err.message : String(err);
  stderr.write(`error: unexpected internal error: ${oneLine(message)}\n`);
  if (ctx.env.ECE_DEBUG && err instanceof Error && err.stack) stderr.write(`${err.stack}\n`);
  return ExitCode.ERROR;
}

/** One line, with whatever the message quotes from the network made harmless. */
function oneLine(s: string): string {
  return sanitize(s.replace(/\s*\n\s*/g, ' '));
}
