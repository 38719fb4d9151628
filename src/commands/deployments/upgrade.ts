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

import { parseBody } from '../../api/body.js';
import { getStackVersions } from '../../api/deployments.js';
import { NO_7X_STACKS_SINCE } from '../../api/versions.js';
import { UsageError } from '../../errors.js';
import { defineVerb } from '../run/types.js';
import { type Plan, readForUpdate, type UpdatePayload, updatePlan } from './payload.js';
import { resolveDeployment } from './resolve.js';

export interface UpgradeInput {
  deployment: string;
  version: string;
}

interface Stack {
  version: string;
  min_upgradable_from?: string;
  deleted?: boolean;
}

// Destructive: a deployment cannot be downgraded afterwards, so it asks first.
export const verb = defineVerb<UpgradeInput>({
  effect: 'destructive',
  waits: true,
  args: [{ name: 'deployment', description: 'deployment id or exact name' }],
  options: [
    {
      flags: '--version <version>',
      description: 'the stack version to upgrade to, e.g. 8.15.3',
      required: true,
    },
  ],
  description: `All resources get the version in one request; ECE upgrades Elasticsearch
first, then the others. A version the installation does not have, cannot
upgrade to from the current one, or older than the current one is refused
before anything is sent (exit 2): see ece stack versions. No plan strategy
is sent, a major upgrade included: ECE applies its default. There is no way
back (ECE cannot downgrade): it asks first; --yes skips that.`,
  examples: [
    'ece deployments upgrade prod-logs --version 8.15.3 --yes --wait',
    'ece deployments upgrade prod-logs --version 8.15.3 --dry-run',
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
    const given = String(raw.version);
    const target = given.trim().replace(/^v/, '');
    if (!VERSION.test(target))
      throw new UsageError(`invalid --version "${given}": give a stack version like 8.15.3`);
    return { deployment: String(raw.deployment), version: target };
  },
  async plan(input, ctx) {
    const target = input.version;
    const api = await ctx.api();
    const { id } = await resolveDeployment(api, input.deployment);
    const read = await readForUpdate(api, id);
    const es = read.payload.resources.elasticsearch?.[0];
    const current = es ? versionOf(es.plan, 'elasticsearch') : undefined;
    if (!es || !current)
      throw new UsageError(
        'the deployment has no Elasticsearch plan with a version to upgrade from',
      );
    const stacks = parseBody<{ stacks?: Stack[] }>(await getStackVersions(api)).stacks ?? [];
    checkUpgrade(current, target, stacks);

    const body: UpdatePayload = { ...read.payload, resources: {} };
    const changed: string[] = [];
    for (const [kind, list] of Object.entries(read.payload.resources)) {
      for (const r of list) {
        const from = versionOf(r.plan, kind);
        if (from !== undefined && compareVersions(from, target) > 0) {
          throw new UsageError(
            `${kind} ${r.ref_id} runs ${from}, newer than ${target}: ECE cannot downgrade`,
          );
        }
        if (from === target) continue;
        const section = (r.plan[kind] ?? {}) as Record<string, unknown>;
        const plan: Plan = { ...r.plan, [kind]: { ...section, version: target } };
        body.resources[kind] = [...(body.resources[kind] ?? []), { ...r, plan }];
        changed.push(`${kind}/${r.ref_id}`);
      }
    }
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

const VERSION = /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/;

/** Compares x.y.z versions; a pre-release sorts before its release. */
export function compareVersions(a: string, b: string): number {
  const [ma = '', pa] = a.split('-', 2);
  const [mb = '', pb] = b.split('-', 2);
  const na = ma.split('.').map(Number);
  const nb = mb.split('.').map(Number);
  for (let i = 0; i < 3; i++) {
    const d = (na[i] ?? 0) - (nb[i] ?? 0);
    if (d !== 0) return Math.sign(d);
  }
  if (pa === pb) return 0;
  if (pa === undefined) return 1;
  if (pb === undefined) return -1;
  return pa < pb ? -1 : 1;
}

function versionOf(plan: Plan, kind: string): string | undefined {
  const v = (plan[kind] as { version?: unknown } | undefined)?.version;
  return typeof v === 'string' ? v : undefined;
}

/** ECE's upgrade rules, checked before sending; every refusal is a usage error (exit 2). */
export function checkUpgrade(current: string, target: string, stacks: Stack[]): void {
  const usable = stacks.filter((s) => s.deleted !== true);
  const to = usable.find((s) => s.version === target);
  if (!to) {
    const newer = usable
      .map((s) => s.version)
      .filter((v) => compareVersions(v, current) > 0)
      .sort(compareVersions);
    throw new UsageError(
      `the installation has no stack version ${target}${newer.length ? ` (newer than ${current}: ${newer.join(', ')})` : ''}`,
    );
  }
  const order = compareVersions(target, current);
  if (order < 0)
    throw new UsageError(`${target} is older than ${current}: ECE cannot downgrade a deployment`);
  if (order === 0) return;
  if (to.min_upgradable_from && compareVersions(current, to.min_upgradable_from) < 0) {
    throw new UsageError(
      `${target} can be reached only from ${to.min_upgradable_from} or later; upgrade ${current} to an intermediate version first`,
    );
  }
  // A target missing from the current version's upgradable_to is sent all
  // the same: no Elastic client checks that list, ECE decides, and a pack
  // uploaded later may be missing from it.
}
