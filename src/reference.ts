// The command reference, from the command definitions themselves: the
// program with every group loaded, walked command by command. Both outputs
// come from here, so they cannot drift apart:
// - docs/commands.md (scripts/gen-docs.ts): each command's own --help;
// - `ece help --json`: the same commands as data (arguments, options with
//   type, default and environment variable, examples) and the exit codes.

import type { Argument, Command, Option } from 'commander';
import { effectOf, walk } from './commands/run/command.js';
import type { Effect } from './commands/run/types.js';
import { Context } from './context.js';
import { EXIT_CODES } from './errors.js';
import { memoryIO } from './output/memory-io.js';
import { buildProgram } from './program.js';
import { ENVIRONMENT, TOPICS } from './topics.js';
import { VERSION } from './version.js';

export interface Reference {
  program: Command;
  /** The command's --help exactly as `ece … --help` prints it at the reference's width. */
  helpOf(cmd: Command): string;
}

/** The program with every command group loaded, printing help into a buffer. */
export async function reference(helpWidth = 80): Promise<Reference> {
  let out = '';
  const ctx = new Context({ io: memoryIO({ out: (s) => (out += s) }), env: {} });
  const program = await buildProgram(ctx, [], { all: true, helpWidth });
  return {
    program,
    helpOf(cmd) {
      out = '';
      cmd.outputHelp();
      return out;
    },
  };
}

// The one walk of the command tree; it lives with fillAll so that `ece mcp` uses it too.
export { walk } from './commands/run/command.js';

export interface OptionInfo {
  flags: string;
  long: string | null;
  short: string | null;
  description: string;
  type: 'boolean' | 'string' | 'choices';
  choices?: string[];
  /** Whether the option's value may be left out (`--flag [value]`). */
  value_optional?: boolean;
  default: string | boolean | null;
  /** The environment variable that sets it when the flag is absent. */
  env: string | null;
  /** Accepted by every command (the options of `ece` itself). */
  global: boolean;
}

export interface CommandInfo {
  /** `ece deployments list` */
  path: string;
  name: string;
  aliases: string[];
  summary: string;
  /**
   * The most a call can change (read, write, destructive): declared by verbs
   * on the command model; null for groups and for verbs not yet moved to it.
   */
  effect: Effect | null;
  usage: string;
  arguments: {
    name: string;
    description: string;
    required: boolean;
    variadic: boolean;
    choices?: string[];
  }[];
  options: OptionInfo[];
  examples: string[];
  subcommands: string[];
}

export interface HelpJson {
  name: string;
  version: string;
  topics: string[];
  exit_codes: { code: number; name: string; meaning: string }[];
  environment: { name: string; description: string }[];
  commands: CommandInfo[];
}

/** `ece help --json`: every command as data. */
export function helpJson(ref: Reference): HelpJson {
  const { program } = ref;
  const help = program.createHelp();
  const globals = new Set(help.visibleOptions(program).filter((o) => o.long !== '--version'));
  const commands = walk(program).map(([cmd, path]): CommandInfo => {
    const own = help.visibleOptions(cmd).filter((o) => path.length === 1 || !isHelp(o));
    return {
      path: path.join(' '),
      name: cmd.name(),
      aliases: cmd.aliases(),
      summary: cmd.summary() || cmd.description(),
      effect: effectOf(cmd) ?? null,
      usage: `${path.join(' ')} ${cmd.usage()}`.trim(),
      arguments: cmd.registeredArguments.map(argumentInfo),
      options: own.map((o) => optionInfo(o, globals.has(o))),
      examples: examples(ref.helpOf(cmd)),
      subcommands: cmd.commands.map((c) => c.name()),
    };
  });
  return {
    name: program.name(),
    version: VERSION,
    topics: [...TOPICS],
    exit_codes: EXIT_CODES.map(([name, code, meaning]) => ({ code, name, meaning })),
    environment: ENVIRONMENT.map(([name, description]) => ({ name, description })),
    commands,
  };
}

/** -h/--help is listed once, as a global option of `ece`. */
const isHelp = (o: Option) => o.long === '--help';

function argumentInfo(a: Argument): CommandInfo['arguments'][number] {
  return {
    name: a.name(),
    description: a.description,
    required: a.required,
    variadic: a.variadic,
    ...(a.argChoices ? { choices: [...a.argChoices] } : {}),
  };
}

function optionInfo(o: Option, global: boolean): OptionInfo {
  const type = o.argChoices ? 'choices' : o.isBoolean() || o.negate ? 'boolean' : 'string';
  return {
    flags: o.flags,
    long: o.long ?? null,
    short: o.short ?? null,
    description: o.description,
    type,
    ...(o.argChoices ? { choices: [...o.argChoices] } : {}),
    ...(o.optional ? { value_optional: true } : {}),
    default: defaultOf(o),
    env: envOf(o),
    global,
  };
}

function defaultOf(o: Option): string | boolean | null {
  const d: unknown = o.defaultValue;
  if (typeof d === 'string' || typeof d === 'boolean') return d;
  if (typeof d === 'number') return String(d);
  if (o.negate) return true;
  const said = /\(default:? ([^)]+)\)/.exec(o.description)?.[1];
  if (said) return said;
  return o.isBoolean() ? false : null;
}

/** Which variable: commander's own .env(), "(env: X)" in the description, or the environment table's "after --flag". */
function envOf(o: Option): string | null {
  if (o.envVar) return o.envVar;
  const said = /\(env: ([A-Z][A-Z0-9_]*)/.exec(o.description)?.[1];
  if (said) return said;
  for (const [name, description] of ENVIRONMENT) {
    const after = /\bafter (--?[\w-]+)/.exec(description)?.[1];
    if (after && (after === o.long || after === o.short)) return name;
  }
  return null;
}

/** The `$ …` lines of a help text's "Examples:" section(s), without the prompt. */
export function examples(helpText: string): string[] {
  const out: string[] = [];
  let inExamples = false;
  for (const line of helpText.split('\n')) {
    if (/^\S/.test(line)) inExamples = /^Examples?:/.test(line);
    else if (inExamples) {
      const m = /^\s+\$ (.+)$/.exec(line);
      if (m?.[1]) out.push(m[1]);
    }
  }
  return out;
}
