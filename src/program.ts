// The commander program: the global options, declared once, and the
// command groups, each loaded only when argv names it (or every one, for
// completion and the reference). Building it decides nothing about exit
// codes: cli.ts runs it.

import { Command, Help, Option } from 'commander';
import type { Contexts } from './commands/action.js';
import { findGroup, GROUPS } from './commands/registry.js';
import type { Context } from './context.js';
import { FORMATS } from './output/formats.js';

/** The global options, declared once: the program's options and the argv scan below read them. */
const GLOBAL_OPTIONS: (Option | [flags: string, description: string])[] = [
  ['--host <host>', 'ECE host: name, name:port or URL (env: ECE_HOST)'],
  ['--api-key <key>', 'API key (env: ECE_API_KEY); prefer the env var, flags show in ps'],
  ['--token <token>', 'bearer token (env: ECE_TOKEN)'],
  ['--profile <name>', 'configuration profile to use (env: ECE_PROFILE)'],
  ['--ca-cert <file>', 'trust this CA certificate (PEM) for TLS (env: ECE_CA_CERT)'],
  ['-k, --insecure', 'skip TLS certificate verification (env: ECE_INSECURE=1)'],
  ['--timeout <duration>', 'timeout for each request, e.g. 30s or 2m (default: 30s)'],
  new Option('-o, --output <format>', 'output format').choices(FORMATS),
  ['--json', 'print the API response body as JSON (same as -o json)'],
  ['--query <expr>', 'JMESPath expression applied to the data before output'],
  ['--verbose', 'trace HTTP requests and responses on stderr (secrets masked)'],
  ['--dry-run', 'print the write(s) as curl commands instead of sending them'],
  ['--no-color', 'disable colour (env: NO_COLOR)'],
];

/** Shown in the root help; answered by main() when it is the first word. */
const VERSION_OPTION = new Option('-V, --version', 'print the version');

const globalOptions = () =>
  GLOBAL_OPTIONS.map((o) => (o instanceof Option ? o : new Option(o[0], o[1])));

/** Every name of a global option (`-o`, `--output`, `--no-color`, …). */
export const GLOBAL_NAMES = new Set(
  globalOptions().flatMap((o) => [o.short, o.long].filter((n): n is string => n !== undefined)),
);

/** Global options that take a value, for finding the command word in argv. */
export const VALUE_OPTIONS = new Set(
  globalOptions()
    .filter((o) => o.required || o.optional)
    .flatMap((o) => [o.short, o.long].filter((n): n is string => n !== undefined)),
);

/** `all`: load every group (completion, reference docs); else only the one argv names. */
export async function buildProgram(
  ctx: Context,
  argv: string[],
  opts: { all?: boolean; helpWidth?: number } = {},
): Promise<Command> {
  const { io } = ctx;
  const program = new Command('ece')
    .description(
      'Work with Elastic Cloud Enterprise from the command line: deployments, platform, and the whole REST API.',
    )
    .helpOption('-h, --help', 'show help')
    .showSuggestionAfterError(true)
    .configureHelp({
      showGlobalOptions: true,
      // -V/--version is answered before commander parses (see main), so that a
      // command may have a --version of its own (deployments upgrade); the
      // root help still lists it.
      // A group lists its verbs by name, as the root lists its groups: their
      // arguments are in each verb's own help, and a group's help loads no verb.
      subcommandTerm(cmd) {
        if (cmd.name() === 'help') return Help.prototype.subcommandTerm.call(this, cmd);
        return [cmd.name(), ...cmd.aliases().slice(0, 1)].join('|');
      },
      visibleOptions(cmd) {
        const own = Help.prototype.visibleOptions.call(this, cmd);
        return cmd.parent ? own : [VERSION_OPTION, ...own];
      },
    })
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
      // One line: commander puts its suggestion on a line of its own.
      outputError: (s, write) =>
        write(
          s
            .replace(/\n(?=\(Did you mean)/, ' ')
            // The root's -V/--version is not an option of a command.
            .replace(
              /^(error: unknown option '(?:--version|-V)').*$/m,
              "$1 (ece's own version: ece --version)",
            ),
        ),
      ...(opts.helpWidth ? { getOutHelpWidth: () => opts.helpWidth as number } : {}),
    })
    .addHelpText(
      'after',
      `
Examples:
  $ export ECE_HOST=ece.example.com ECE_API_KEY=…
  $ ece deployments list
  $ ece deployments list --json | jq '.deployments | length'

Help topics: ece help exit-codes | environment | formatting
Help for a command: ece help deployments list (or ece deployments list --help)
Every command, its options and the exit codes as JSON: ece help --json`,
    );
  for (const o of globalOptions()) program.addOption(o);
  // One Context a run, built from what commander parsed, before the action runs.
  let parsed: Context | undefined;
  const contexts: Contexts = (cmd) => {
    parsed ??= ctx.withFlags(cmd.optsWithGlobals());
    return parsed;
  };

  const wanted = findGroup(commandWord(argv));
  const all = opts.all === true || wanted?.everyVerb === true;
  for (const group of GROUPS) {
    // Root help lists the groups under their section's heading; the help
    // command, made last, joins the last section (Tools).
    program.commandsGroup(`${group.section}:`);
    const cmd = program.command(group.name).aliases(group.aliases).description(group.summary);
    cmd.exitOverride();
    if (all || group === wanted) (await group.load()).register(cmd, contexts);
  }
  if (all) await (await import('./commands/run/command.js')).fillAll(program);
  program.helpCommand('help [command]', 'show help for a command');
  return program;
}

/** The first word of argv that names a command (after `help`, the one it asks about). */
export function commandWord(argv: string[]): string | undefined {
  const words: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? '';
    if (a === '--') break;
    if (a.startsWith('-')) {
      if (VALUE_OPTIONS.has(a)) i++;
      continue;
    }
    words.push(a);
    if (a !== 'help' || words.length > 1) break;
  }
  return words[0] === 'help' ? words[1] : words[0];
}
