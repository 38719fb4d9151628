// `ece traffic-filters create`: a ruleset from a file (-f) or, for the
// common case, from flags: --name and one --source per IP address or CIDR
// block. Without --region, the installation's only region is used (one read
// of GET /platform). The new id goes to stdout.

import { parseBody } from '../../api/body.js';
import type { ApiClient } from '../../api/client.js';
import { getPlatform } from '../../api/platform.js';
import { createRuleset, isIpSource, type RulesetRequest } from '../../api/traffic-filters.js';
import { UsageError } from '../../errors.js';
import { readDocument } from '../../input.js';
import { defineVerb, type Raw } from '../run/types.js';

export interface CreateFlags {
  file?: string;
  name?: string;
  type?: string;
  source: string[];
  description?: string;
  region?: string;
  includeByDefault?: boolean;
}

/** An IP address or CIDR block, as ECE accepts them for "ip" rules. */
export function checkSource(source: string): string {
  if (!isIpSource(source.trim()))
    throw new UsageError(
      `invalid --source "${source}": give an IP address or a CIDR block such as 10.0.0.0/8`,
    );
  return source.trim();
}

/** The flags checked: -f alone, or a --name and at least one --source. */
function inputOf(raw: Raw): CreateFlags {
  const flags = raw as unknown as CreateFlags;
  const sources = flags.source ?? [];
  if (flags.file !== undefined) {
    const used = [
      flags.name !== undefined && '--name',
      sources.length > 0 && '--source',
      flags.type !== 'ip' && flags.type !== undefined && '--type',
      flags.description !== undefined && '--description',
      flags.region !== undefined && '--region',
      flags.includeByDefault && '--include-by-default',
    ].filter(Boolean);
    if (used.length > 0)
      throw new UsageError(`-f cannot be combined with ${used.join(', ')}: put them in the file`);
  }
  return { ...flags, source: sources };
}

export const verb = defineVerb<CreateFlags>({
  effect: 'write',
  options: [
    {
      flags: '-f, --file <file>',
      description: 'the whole TrafficFilterRulesetRequest, JSON or YAML (- for stdin)',
    },
    { flags: '--name <name>', description: 'the ruleset name' },
    {
      flags: '--source <cidr>',
      description: 'an IP address or CIDR block to allow (repeat for more)',
      repeatable: true,
    },
    { flags: '--type <type>', description: 'ruleset type', default: 'ip' },
    { flags: '--description <text>', description: 'what the ruleset is for' },
    {
      flags: '--region <region>',
      description: "the region (default: the installation's only region)",
    },
    { flags: '--include-by-default', description: 'apply it to new deployments automatically' },
  ],
  description: `Flags build the common case: an "ip" ruleset whose rules each allow one
--source. For anything else (rule descriptions, other types), give the
whole ruleset with -f; -f cannot be combined with the flags. The new id is
printed on stdout; associate it with deployments next.`,
  examples: [
    'ece traffic-filters create --name office-network --source 203.0.113.0/24 --source 198.51.100.7',
    'ece traffic-filters create -f ruleset.json',
    'id=$(ece traffic-filters create --name vpn --source 10.8.0.0/16) && ece traffic-filters associate "$id" prod-logs',
  ],
  input: inputOf,
  async plan(flags, ctx) {
    let body: RulesetRequest;
    if (flags.file !== undefined) {
      const doc = await readDocument(ctx.io, flags.file);
      // What ECE adds to a ruleset (show --json has them) is not part of a request.
      const { id: _i, associations: _a, total_associations: _t, ...rest } = doc;
      body = rest as unknown as RulesetRequest;
    } else {
      if (flags.name === undefined || flags.name.trim() === '')
        throw new UsageError('give the ruleset a --name (or the whole ruleset with -f FILE)');
      if (flags.source.length === 0)
        throw new UsageError('give at least one --source (an IP address or CIDR block)');
      const type = flags.type ?? 'ip';
      const rules = flags.source.map((s) => ({ source: type === 'ip' ? checkSource(s) : s }));
      body = {
        name: flags.name,
        type,
        region: '',
        include_by_default: flags.includeByDefault === true,
        ...(flags.description === undefined ? {} : { description: flags.description }),
        rules,
      };
    }
    const api = await ctx.api();
    if (flags.file === undefined) body.region = flags.region ?? (await onlyRegion(api));
    return {
      writes: [createRuleset(body)],
      // The new id on stdout, for a script to use next.
      output: ([res]) => ({
        body: res ?? '',
        print: (_renderer, io) => {
          io.stdout.write(`${res ? String(parseBody<{ id?: unknown }>(res).id) : ''}\n`);
        },
      }),
      done: `Created traffic filter ruleset ${String(body.name)}.`,
    };
  },
});

async function onlyRegion(api: ApiClient): Promise<string> {
  const info = parseBody<{ regions?: { region_id?: string }[] }>(await getPlatform(api));
  const ids = (info.regions ?? []).flatMap((r) => (r.region_id ? [r.region_id] : []));
  const [only, ...more] = ids;
  if (only === undefined || more.length > 0)
    throw new UsageError(
      `give the ruleset's --region${ids.length ? ` (this installation has ${ids.join(', ')})` : ''}`,
    );
  return only;
}
