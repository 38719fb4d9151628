// `ece help …`: a topic (`ece help exit-codes`), the help of any command at
// any depth (`ece help auth keys create`), or every command as data
// (`ece help --json [command…]`, from src/reference.ts). An unknown word is a
// usage error that lists what there is.

import type { Command } from 'commander';
import { fill } from './commands/run/command.js';
import type { Context } from './context.js';
import { ExitCode, UsageError } from './errors.js';
import { buildProgram, GLOBAL_NAMES, VALUE_OPTIONS } from './program.js';
import { isTopic, TOPICS, topic } from './topics.js';

export async function help(ctx: Context, args: string[]): Promise<number> {
  const { json, words } = parseArgs(args);
  const [first] = words;
  if (!json && words.length === 1 && first !== undefined && isTopic(first)) {
    ctx.io.stdout.write(topic(first));
    return ExitCode.OK;
  }
  if (json) {
    const { helpJson, reference } = await import('./reference.js');
    const ref = await reference();
    const path = ['ece', ...(await resolve(ref.program, words)).map((c) => c.name())].join(' ');
    const tree = helpJson(ref);
    tree.commands = tree.commands.filter((c) => c.path === path || c.path.startsWith(`${path} `));
    ctx.io.stdout.write(`${JSON.stringify(tree, null, 2)}\n`);
    return ExitCode.OK;
  }
  const program = await buildProgram(ctx, ['help', ...words]);
  ((await resolve(program, words)).at(-1) ?? program).outputHelp();
  return ExitCode.OK;
}

/** The commands the words name, from the program down (declared verbs loaded); an unknown word is a UsageError. */
async function resolve(program: Command, words: string[]): Promise<Command[]> {
  const found: Command[] = [];
  let cmd = program;
  for (const [i, w] of words.entries()) {
    const sub = cmd.commands.find((c) => c.name() === w || c.aliases().includes(w));
    if (!sub) {
      const e = new UsageError(
        `unknown help topic or command "${words.slice(0, i + 1).join(' ')}"`,
      );
      if (i === 0) e.hints.push(`help topics: ${TOPICS.join(', ')}`);
      const names = cmd.commands.map((c) => c.name()).join(', ');
      e.hints.push(
        i === 0 ? `commands: ${names}` : `commands of ece ${words.slice(0, i).join(' ')}: ${names}`,
      );
      throw e;
    }
    await fill(sub);
    found.push(sub);
    cmd = sub;
  }
  return found;
}

/** The words after `help`; --json; global options (and their values) are accepted and have no effect on help. */
function parseArgs(args: string[]): { json: boolean; words: string[] } {
  let json = false;
  const words: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? '';
    const name = a.split('=')[0] ?? a;
    if (a === '--json') json = true;
    else if (VALUE_OPTIONS.has(a)) i++;
    else if (a.startsWith('-') && !GLOBAL_NAMES.has(name) && a !== '-h' && a !== '--help')
      throw new UsageError(`unknown option '${a}' for ece help`);
    else if (!a.startsWith('-')) words.push(a);
  }
  return { json, words };
}
