// `ece traffic-filters update <ruleset>`: a read-modify-write. The current
// ruleset is read, the file's fields (-f) replace the ones they name, and
// --add-source / --remove-source / --name / --description change the rest;
// the whole ruleset is then sent back. ECE keeps no version for rulesets, so
// it cannot refuse a concurrent change: the last update wins.

import { isDeepStrictEqual } from 'node:util';
import { parseBody } from '../../api/body.js';
import { getRuleset, type RulesetRequest, updateRuleset } from '../../api/traffic-filters.js';
import { UsageError } from '../../errors.js';
import { readDocument } from '../../input.js';
import { defineVerb, type Raw } from '../run/types.js';
import { checkSource } from './create.js';
import { type Rule, type Ruleset, requestOf, resolveRuleset, ruleSource } from './ruleset.js';

interface UpdateFlags {
  ruleset: string;
  file?: string;
  name?: string;
  description?: string;
  addSource: string[];
  removeSource: string[];
  includeByDefault?: boolean;
}

/** Something to change, and the sources to add checked (trimmed) before any request. */
function inputOf(raw: Raw): UpdateFlags {
  const flags = raw as unknown as UpdateFlags;
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
  return {
    ...flags,
    addSource: (flags.addSource ?? []).map(checkSource),
    removeSource: (flags.removeSource ?? []).map((s) => s.trim()),
  };
}

export const verb = defineVerb<UpdateFlags>({
  effect: 'write',
  args: [{ name: 'ruleset', description: 'ruleset id or exact name' }],
  options: [
    {
      flags: '-f, --file <file>',
      description: 'fields to replace, JSON or YAML (- for stdin); rules as a whole',
    },
    {
      flags: '--add-source <cidr>',
      description: 'allow another IP address or CIDR block (repeatable)',
      repeatable: true,
    },
    {
      flags: '--remove-source <cidr>',
      description: 'remove the rule for this source (repeatable)',
      repeatable: true,
    },
    { flags: '--name <name>', description: 'rename the ruleset' },
    { flags: '--description <text>', description: 'a new description' },
    { flags: '--include-by-default', description: 'apply it to new deployments automatically' },
    { flags: '--no-include-by-default', description: 'stop applying it to new deployments' },
  ],
  description: `The ruleset is read first; only what the file and the flags name changes,
and the whole ruleset is sent back. ECE keeps no version for rulesets: if
someone else changes it at the same moment, the last update wins. Nothing
is sent when nothing would change.`,
  examples: [
    'ece traffic-filters update office-network --add-source 192.0.2.0/24',
    'ece traffic-filters update office-network --remove-source 198.51.100.7 --dry-run',
    'ece traffic-filters show office-network --json > r.json   # edit r.json',
    'ece traffic-filters update office-network -f r.json',
  ],
  input: inputOf,
  async plan(flags, ctx) {
    const doc = flags.file === undefined ? undefined : await readDocument(ctx.io, flags.file);
    const api = await ctx.api();
    const { id } = await resolveRuleset(api, flags.ruleset);
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
    for (const source of flags.removeSource) {
      if (!rules.some((r) => ruleSource(r) === source))
        throw new UsageError(`ruleset ${current.name} has no rule for source ${source}`);
      rules = rules.filter((r) => ruleSource(r) !== source);
    }
    for (const source of flags.addSource)
      if (!rules.some((r) => ruleSource(r) === source)) rules = [...rules, { source }];
    next.rules = rules as Record<string, unknown>[];
    if (isDeepStrictEqual(next, before))
      return { done: `Ruleset ${current.name} already is as asked: nothing to change.` };
    return {
      writes: [updateRuleset(id, next)],
      done: `Updated traffic filter ruleset ${next.name}.`,
    };
  },
});
