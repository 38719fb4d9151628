// `ece deployments upgrade`: every resource to one stack version in one
// update — Elasticsearch's plan first, the stateless resources after it, the
// order ECE applies them in. Checked before anything is sent against
// GET /stack/versions: the version must exist, be reachable from the current
// one (min_upgradable_from) and not be a downgrade (exit 2).
// No plan strategy is sent, major upgrades included: ECE picks its default
// (autodetect). What ECE refuses on a major upgrade is a rolling strategy by
// zone, which this command never asks for (terraform-provider-ec checks the
// same: rolling by zone is rejected for a major version change, no strategy
// and rolling over all instances are accepted).
//
// Over a selection (several names, --search, --below, --all) it is a fleet
// rollout (fleet.ts plans it, rollout.ts runs it, docs/fleet.md): at most
// --concurrency upgrades in flight, each followed to its end and gated on
// health before the next starts.

import { parseBody } from '../../api/body.js';
import { getStackVersions } from '../../api/deployments.js';
import { NO_7X_STACKS_SINCE } from '../../api/versions.js';
import { UsageError } from '../../errors.js';
import { INCLUDE_SYSTEM } from '../run/system.js';
import { defineVerb, type Raw } from '../run/types.js';
import type { FleetInput } from './fleet.js';
import { readForUpdate, updatePlan } from './payload.js';
import { resolveDeployment } from './resolve.js';
import {
  checkUpgrade,
  currentVersion,
  type Stack,
  stackVersion,
  upgradeBody,
} from './upgrade-rules.js';

export { checkUpgrade, compareVersions } from './upgrade-rules.js';

export interface UpgradeInput {
  deployment: string;
  version: string;
  /** Set when the call is a rollout over a selection. */
  fleet?: FleetInput;
}

// Destructive: a deployment cannot be downgraded afterwards, so it asks first.
export const verb = defineVerb<UpgradeInput>({
  effect: 'destructive',
  waits: true,
  usage: '[deployment...] --version <version> [options]',
  args: [
    {
      name: 'deployment',
      description: 'deployment ids or exact names (several: a rollout)',
      required: false,
      variadic: true,
    },
  ],
  options: [
    {
      flags: '--version <version>',
      description: 'the stack version to upgrade to, e.g. 8.15.3',
      required: true,
    },
    {
      flags: '--search <terms>',
      description: 'a rollout over the deployments this search matches (deployments search syntax)',
    },
    {
      flags: '--below <version>',
      description: 'a rollout over the deployments with a resource below this version',
    },
    { flags: '--all', description: 'a rollout over every deployment' },
    INCLUDE_SYSTEM,
    {
      flags: '--concurrency <n>',
      description: 'rollout: upgrades in flight at once (default 1)',
    },
    {
      flags: '--max-failures <k>',
      description: 'rollout: stop starting upgrades after K failures (default 1)',
    },
    {
      flags: '--canary <deployment...>',
      description: 'rollout: upgrade these first, then ask (or --yes) before the rest',
    },
  ],
  exclusive: [['search', 'all']],
  description: `All resources get the version in one request; ECE upgrades Elasticsearch
first, then the others. A version the installation does not have, cannot
upgrade to from the current one, or older than the current one is refused
before anything is sent (exit 2): see ece stack versions. No plan strategy
is sent, a major upgrade included: ECE applies its default. There is no way
back (ECE cannot downgrade): it asks first; --yes skips that.
Several deployments, --search, --below or --all make a rollout: the plan of
the rollout first (the order, and what is skipped and why: already at the
version, no upgrade path, shut down, a pending plan, unhealthy), then at most
--concurrency upgrades at once, each followed to its end (--wait is implied)
and healthy before the next starts. A failure stops new starts (exit 7);
running the same command again resumes. System deployments only with
--include-system. See docs/fleet.md.`,
  examples: [
    'ece deployments upgrade prod-logs --version 8.15.3 --yes --wait',
    'ece deployments upgrade prod-logs --version 8.15.3 --dry-run',
    'ece deployments upgrade --below 8.15.3 --version 8.15.3 --concurrency 3 --yes --wait',
    "ece deployments upgrade --search 'name:logs-*' --version 8.15.3 --canary logs-dev --dry-run",
  ],
  // ECE 4.0 runs no 7.x stack: said before anything is read (the executor checks).
  eceOf: (input) =>
    Number.parseInt(input.version, 10) < 8
      ? {
          until: NO_7X_STACKS_SINCE,
          what: `an upgrade to ${input.version}`,
          why: 'ECE 4.0 runs no 7.x stack',
        }
      : undefined,
  input(raw) {
    const version = stackVersion(raw.version, '--version');
    const names = namesOf(raw.deployment);
    const fleet = fleetInput(raw, names);
    if (fleet) return { deployment: '', version, fleet };
    return { deployment: names[0] ?? '', version };
  },
  async plan(input, ctx) {
    if (input.fleet) {
      const { fleetPlan } = await import('./rollout.js');
      return fleetPlan(input.version, input.fleet, input, ctx);
    }
    const target = input.version;
    const api = await ctx.api();
    const { id } = await resolveDeployment(api, input.deployment);
    const read = await readForUpdate(api, id);
    const current = currentVersion(read);
    const stacks = parseBody<{ stacks?: Stack[] }>(await getStackVersions(api)).stacks ?? [];
    checkUpgrade(current, target, stacks);
    const { body, changed } = upgradeBody(read, target);
    if (changed.length === 0) {
      ctx.io.stderr.write(`${read.deployment.name} already runs ${target}: nothing to upgrade.\n`);
      return {};
    }
    const kinds = changed.map((k) => k.split('/')[0]).join(', ');
    return {
      ...updatePlan(
        ctx,
        api,
        read,
        body,
        changed,
        {},
        `Upgrading ${read.deployment.name} from ${current} to ${target} (${kinds}).`,
      ),
      confirm: `Upgrade deployment ${read.deployment.name} from ${current} to ${target} (${kinds})? ECE cannot downgrade it afterwards.`,
    };
  },
});

function namesOf(v: unknown): string[] {
  if (Array.isArray(v)) return v.map(String);
  return v === undefined ? [] : [String(v)];
}

/**
 * The rollout's input, or undefined for the single upgrade (one name and no
 * rollout option: exactly as before rollouts existed).
 */
function fleetInput(raw: Raw, names: string[]): FleetInput | undefined {
  const given = (k: string) => raw[k] !== undefined && raw[k] !== false;
  const selecting = given('search') || given('below') || given('all');
  const rolling = given('concurrency') || given('maxFailures') || given('canary');
  if (names.length === 1 && !selecting && !rolling) return undefined;
  if (names.length > 0 && (given('search') || given('all')))
    throw new UsageError(
      'give deployments by name, or select them with --search or --all, not both',
    );
  if (names.length === 0 && !selecting)
    throw new UsageError(
      'give the deployments to upgrade, or select them with --search, --below or --all',
    );
  const out: FleetInput = {
    names,
    concurrency: count(raw.concurrency, '--concurrency', 1),
    maxFailures: count(raw.maxFailures, '--max-failures', 1),
    canary: namesOf(raw.canary),
  };
  if (given('search')) out.search = String(raw.search);
  if (given('below')) out.below = stackVersion(raw.below, '--below');
  if (given('all')) out.all = true;
  if (given('includeSystem')) out.includeSystem = true;
  return out;
}

function count(v: unknown, flag: string, fallback: number): number {
  if (v === undefined) return fallback;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1 || n > 100)
    throw new UsageError(`invalid ${flag} "${String(v)}": use a number from 1 to 100`);
  return n;
}
