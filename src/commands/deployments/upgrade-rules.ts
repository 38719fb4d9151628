// ECE's upgrade rules, shared by the single upgrade and a fleet rollout:
// versions compared as versions (8.9.0 < 8.19.0), a target the installation
// has, reachable from the current version and not a downgrade; and the
// update that takes every resource of a deployment to the target.

import { UsageError } from '../../errors.js';
import type { ForUpdate, Plan, UpdatePayload } from './payload.js';

export interface Stack {
  version: string;
  min_upgradable_from?: string;
  deleted?: boolean;
}

export const VERSION = /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/;

/** A stack version given on the command line (`8.15.3`, `v8.15.3`), or a usage error. */
export function stackVersion(given: unknown, flag: string): string {
  const text = String(given);
  const v = text.trim().replace(/^v/, '');
  if (!VERSION.test(v))
    throw new UsageError(`invalid ${flag} "${text}": give a stack version like 8.15.3`);
  return v;
}

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

export function versionOf(plan: Plan, kind: string): string | undefined {
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

/** The Elasticsearch version an upgrade starts from, or a usage error. */
export function currentVersion(read: ForUpdate): string {
  const es = read.payload.resources.elasticsearch?.[0];
  const current = es ? versionOf(es.plan, 'elasticsearch') : undefined;
  if (!es || !current)
    throw new UsageError('the deployment has no Elasticsearch plan with a version to upgrade from');
  return current;
}

/**
 * The update that takes every resource to `target` (Elasticsearch first, in
 * the payload's order) and the resources it changes (`kind/ref_id`; none when
 * all run it). A resource newer than the target is a usage error. `running`
 * (`kind/ref_id` → the version its instances run) wins over the plan's: a
 * rollout retries a resource whose upgrade failed, though its current plan
 * (the failed attempt) names the target.
 */
export function upgradeBody(
  read: ForUpdate,
  target: string,
  running: ReadonlyMap<string, string> = new Map(),
): { body: UpdatePayload; changed: string[] } {
  const body: UpdatePayload = { ...read.payload, resources: {} };
  const changed: string[] = [];
  for (const [kind, list] of Object.entries(read.payload.resources)) {
    for (const r of list) {
      const from = running.get(`${kind}/${r.ref_id}`) ?? versionOf(r.plan, kind);
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
  return { body, changed };
}
