// Declared verbs on commander. A group's index lists its verbs by name,
// aliases and summary (VerbEntry); each becomes a stub command that help and
// completion of the group can list, and is filled in — its arguments,
// options, help and action, from the verb's module — only when it runs or
// its help is asked for. Groups may still mix in verbs written the old way
// (a `register(group, contexts)` function) while they move to the model.

import { type Command, Option } from 'commander';
import type { Contexts } from '../action.js';
import type { Effect, Verb, VerbEntry } from './types.js';
import { addWaitOptions } from './wait-flags.js';

/** The old way: a function that adds its verb(s) to the group itself. */
export type Register = (group: Command, contexts: Contexts) => void;

export interface GroupSpec {
  /** The group's help after its commands (its examples). */
  help?: string;
  /** In the order help lists them. */
  commands: (VerbEntry | Register)[];
}

/** What cli.ts asks of a group module; a nested group calls it on its own command. */
export interface GroupModule {
  register(group: Command, contexts: Contexts): void;
}

interface Stub {
  entry: VerbEntry;
  contexts: Contexts;
  filled?: Promise<void>;
}

const stubs = new WeakMap<Command, Stub>();
const effects = new WeakMap<Command, Effect>();
const verbs = new WeakMap<Command, Verb<unknown>>();

/** The declared effect of a command, once filled in; undefined for groups and old-style verbs. */
export function effectOf(cmd: Command): Effect | undefined {
  return effects.get(cmd);
}

/**
 * The declaration a command was filled in from, for what runs verbs without
 * commander (`ece mcp`); undefined for groups, old-style verbs and stubs not filled.
 */
export function verbOf(cmd: Command): Verb<unknown> | undefined {
  return verbs.get(cmd);
}

export function defineGroup(spec: GroupSpec): GroupModule {
  return {
    register(group, contexts) {
      if (spec.help) group.addHelpText('after', spec.help);
      for (const c of spec.commands) {
        if (typeof c === 'function') {
          c(group, contexts);
          continue;
        }
        const cmd = group
          .command(c.name)
          .aliases(c.aliases ?? [])
          .description(c.summary);
        stubs.set(cmd, { entry: c, contexts });
      }
      // The verb about to run (or show its help) is loaded here, and only it.
      group.hook('preSubcommand', (_group, sub) => fill(sub));
    },
  };
}

/** A top-level command that is one verb (`ece completion`, `ece api`): its module is its group's. */
export function verbCommand(verb: Verb<unknown>): GroupModule {
  return { register: (cmd, contexts) => build(cmd, verb, contexts) };
}

/** Loads a stub's verb and completes the command from it; no-op for any other command. */
export function fill(cmd: Command): Promise<void> {
  const stub = stubs.get(cmd);
  if (!stub) return Promise.resolve();
  stub.filled ??= stub.entry.load().then(({ verb }) => build(cmd, verb, stub.contexts));
  return stub.filled;
}

/** Every command, depth first from `cmd`, with its words (`['ece', 'auth', 'keys']`). */
export function walk(cmd: Command, path: string[] = [cmd.name()]): [Command, string[]][] {
  return [[cmd, path], ...cmd.commands.flatMap((sub) => walk(sub, [...path, sub.name()]))];
}

/** Every declared verb below `cmd` loaded (help --json, docs, completion). */
export async function fillAll(cmd: Command): Promise<void> {
  await fill(cmd);
  for (const sub of cmd.commands) await fillAll(sub);
}

function build(cmd: Command, verb: Verb<unknown>, contexts: Contexts): void {
  if (verb.usage) cmd.usage(verb.usage);
  for (const a of verb.args ?? []) {
    const term = a.required === false ? `[${a.name}${dots(a)}]` : `<${a.name}${dots(a)}>`;
    cmd.argument(term, a.description);
    if (a.choices) cmd.registeredArguments.at(-1)?.choices(a.choices);
  }
  for (const o of verb.options ?? []) {
    const opt = new Option(o.flags, o.description);
    if (o.default !== undefined) opt.default(o.default);
    if (o.choices) opt.choices(o.choices);
    if (o.hidden) opt.hideHelp();
    if (o.required) opt.makeOptionMandatory();
    if (o.repeatable) opt.argParser((v: string, prev: string[]) => [...prev, v]).default([]);
    cmd.addOption(opt);
  }
  for (const group of verb.exclusive ?? []) {
    for (const name of group) {
      const opt = cmd.options.find((o) => o.attributeName() === name);
      opt?.conflicts(group.filter((n) => n !== name));
    }
  }
  // Derived from the effect, the same for every verb (--dry-run is global).
  if (verb.effect !== 'read') cmd.option('-y, --yes', 'do not ask for confirmation');
  if (verb.waits) addWaitOptions(cmd);
  const after = [
    verb.description ? `\n${verb.description}` : '',
    verb.examples?.length ? `\nExamples:\n${verb.examples.map((e) => `  $ ${e}`).join('\n')}` : '',
  ].join('\n');
  if (after.trim() !== '') cmd.addHelpText('after', after.replace(/^\n+/, '\n'));
  effects.set(cmd, verb.effect);
  verbs.set(cmd, verb);
  const names = (verb.args ?? []).map((a) => a.key ?? camel(a.name));
  cmd.action(async (...args: unknown[]) => {
    // commander passes the arguments, the options, then the Command.
    const self = args.at(-1) as Command;
    const raw: Record<string, unknown> = { ...(args.at(-2) as Record<string, unknown>) };
    names.forEach((n, i) => {
      raw[n] = args[i];
    });
    const { execute } = await import('./execute.js');
    await execute(verb, raw, contexts(self));
  });
}

const dots = (a: { variadic?: boolean }) => (a.variadic ? '...' : '');

/** The raw input's key of an argument named `name` (`comment-id` → `commentId`, `on|off` → `onOff`). */
export function camel(name: string): string {
  return name.replace(/[-_|](\w)/g, (_, c: string) => c.toUpperCase());
}
