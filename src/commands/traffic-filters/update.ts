// `ece traffic-filters update <ruleset>`: a read-modify-write. The current
// ruleset is read, the file's fields (-f) replace the ones they name, and
// --add-source / --remove-source / --name / --description change the rest;
// the whole ruleset is then sent back. ECE keeps no version for rulesets, so
// it cannot refuse a concurrent change: the last update wins.

import { isDeepStrictEqual } from 'node:util';
import type { Command } from 'commander';
import { parseBody } from '../../api/body.js';
import { getRuleset, type RulesetRequest, updateRuleset } from '../../api/traffic-filters.js';
import type { Context } from '../../context.js';
import { UsageError } from '../../errors.js';
import { readDocument } from '../../input.js';
import { RAW } from '../../output/raw.js';
import { act, type Contexts } from '../action.js';
import { showDryRun } from '../write.js';
import { checkSource, collect } from './create.js';
import { type Rule, type Ruleset, requestOf, resolveRuleset, ruleSource } from './ruleset.js';

interface UpdateFlags {
  file?: string;
  name?: string;
  description?: string;
  addSource: string[];
  removeSource: string[];
  includeByDefault?: boolean;
}

export function register(group: Command, contexts: Contexts): void {
  group
    .command('update')
    .description('Change a traffic filter ruleset: its rules, name or description')
    .argument('<ruleset>', 'ruleset id or exact name')
    .option('-f, --file <file>', 'fields to replace, JSON or YAML (- for stdin); rules as a whole')
    .option('--add-source <cidr>', 'allow another IP address or CIDR block (repeatable)', collect)
    .option('--remove-source <cidr>', 'remove the rule for this source (repeatable)', collect)
    .option('--name <name>', 'rename the ruleset')
    .option('--description <text>', 'a new description')
    .option('--include-by-default', 'apply it to new deployments automatically')
    .option('--no-include-by-default', 'stop applying it to new deployments')
    .addHelpText(
      'after',
      `
The ruleset is read first; only what the file and the flags name changes,
and the whole ruleset is sent back. ECE keeps no version for rulesets: if
someone else changes it at the same moment, the last update wins. Nothing
is sent when nothing would change.

Examples:
  $ ece traffic-filters update office-network --add-source 192.0.2.0/24
  $ ece traffic-filters update office-network --remove-source 198.51.100.7 --dry-run
  $ ece traffic-filters show office-network --json > r.json   # edit r.json
  $ ece traffic-filters update office-network -f r.json`,
    )
    .action(act(contexts, (ctx, ref: string, flags: UpdateFlags) => run(ref, flags, ctx)));
}

export async function run(ref: string, flags: UpdateFlags, ctx: Context): Promise<void> {
  const asked = [
    flags.file,
    flags.name,
    flags.description,
    flags.includeByDefault,
    flags.addSource?.length ? flags.addSource : undefined,
    flags.removeSource?.length ? flags.removeSource : undefined,
  ];
  if (asked.every((v) => v === undefined))
    throw new UsageError(
      'nothing to update: give -f or at least one of --name, --description, --[no-]include-by-default, --add-source, --remove-source',
    );
  const adds = (flags.addSource ?? []).map(checkSource);
  const removes = (flags.removeSource ?? []).map((s) => s.trim());
  const doc = flags.file === undefined ? undefined : await readDocument(ctx.io, flags.file);
  const api = await ctx.api();
  const { id } = await resolveRuleset(api, ref);
  const current = parseBody<Ruleset>(await getRuleset(api, id));
  if (doc?.id !== undefined && doc.id !== current.id)
    throw new UsageError(`the file is ruleset "${String(doc.id)}", not "${current.id}"`);
  const before = requestOf(current);
  const { id: _i, associations: _a, total_associations: _t, ...fields } = doc ?? {};
  const next = { ...before, ...fields } as RulesetRequest;
  if (flags.name !== undefined) next.name = flags.name;
  if (flags.description !== undefined) next.description = flags.description;
  if (flags.includeByDefault !== undefined) next.include_by_default = flags.includeByDefault;
  let rules = (next.rules ?? []) as Rule[];
  for (const source of removes) {
    if (!rules.some((r) => ruleSource(r) === source))
      throw new UsageError(`ruleset ${current.name} has no rule for source ${source}`);
    rules = rules.filter((r) => ruleSource(r) !== source);
  }
  for (const source of adds)
    if (!rules.some((r) => ruleSource(r) === source)) rules = [...rules, { source }];
  next.rules = rules as Record<string, unknown>[];
  if (isDeepStrictEqual(next, before)) {
    ctx.io.stderr.write(`Ruleset ${current.name} already is as asked: nothing to change.\n`);
    return;
  }
  const write = updateRuleset(id, next);
  if (showDryRun(ctx, api, write)) return;
  const renderer = await ctx.renderer();
  const res = await api.request(write);
  if (renderer.raw) await renderer.body(res, RAW);
  ctx.io.stderr.write(`Updated traffic filter ruleset ${next.name}.\n`);
}
