// What ECE checks in a deployment's resources before it starts a plan: the
// shape of each resource payload, the region, that the stack version exists,
// that instance configurations exist, sizes and zone counts, and node_roles
// (7.10 on) against node_type (before 7.10). The spec names no codes for
// these; ours are listed in docs/sandbox.md as unverified.

import { INSTANCE_CONFIGURATIONS, REGION, SIZES } from './catalog.js';
import { invalid, SandboxError } from './errors.js';
import { activePlan, type Resource } from './model.js';
import { KINDS, type Kind } from './plans.js';

export interface Payload {
  kind: Kind;
  refId: string;
  region: string;
  esRefId?: string;
  plan: Record<string, unknown>;
  settings?: Record<string, unknown>;
}

const bad = (code: string, message: string, field: string) =>
  new SandboxError(400, code, message, [field]);

export function parsePayloads(
  resources: unknown,
  requireElasticsearch: boolean,
  stacks: readonly string[],
): Payload[] {
  if (resources === undefined || resources === null) {
    if (requireElasticsearch)
      throw invalid('A deployment needs at least one Elasticsearch resource', ['resources']);
    return [];
  }
  if (typeof resources !== 'object' || Array.isArray(resources))
    throw invalid('resources must be an object', ['resources']);
  const out: Payload[] = [];
  for (const [kind, list] of Object.entries(resources as Record<string, unknown>)) {
    if (!KINDS.includes(kind as Kind))
      throw invalid(`Unknown resource kind [${kind}]`, [`resources.${kind}`]);
    if (!Array.isArray(list))
      throw invalid(`resources.${kind} must be an array`, [`resources.${kind}`]);
    list.forEach((item: unknown, i) => {
      const field = `resources.${kind}[${i}]`;
      const p = item as Record<string, unknown>;
      if (typeof p !== 'object' || p === null) throw invalid(`${field} must be an object`, [field]);
      for (const key of ['ref_id', 'region'] as const) {
        if (typeof p[key] !== 'string' || !p[key])
          throw invalid(`${field}.${key} is required`, [`${field}.${key}`]);
      }
      if (typeof p.plan !== 'object' || p.plan === null)
        throw invalid(`${field}.plan is required`, [`${field}.plan`]);
      if (kind !== 'elasticsearch' && typeof p.elasticsearch_cluster_ref_id !== 'string') {
        throw invalid(`${field}.elasticsearch_cluster_ref_id is required`, [
          `${field}.elasticsearch_cluster_ref_id`,
        ]);
      }
      const payload: Payload = {
        kind: kind as Kind,
        refId: p.ref_id as string,
        region: p.region as string,
        ...(typeof p.elasticsearch_cluster_ref_id === 'string'
          ? { esRefId: p.elasticsearch_cluster_ref_id }
          : {}),
        plan: p.plan as Record<string, unknown>,
        ...(typeof p.settings === 'object' && p.settings !== null
          ? { settings: p.settings as Record<string, unknown> }
          : {}),
      };
      validatePlan(payload, field, stacks);
      out.push(payload);
    });
  }
  if (requireElasticsearch && !out.some((p) => p.kind === 'elasticsearch')) {
    throw invalid('A deployment needs at least one Elasticsearch resource', [
      'resources.elasticsearch',
    ]);
  }
  const esRefs = new Set(out.filter((p) => p.kind === 'elasticsearch').map((p) => p.refId));
  for (const p of out) {
    if (p.esRefId !== undefined && requireElasticsearch && !esRefs.has(p.esRefId)) {
      throw invalid(
        `${p.kind} [${p.refId}] refers to an unknown Elasticsearch resource [${p.esRefId}]`,
        [`resources.${p.kind}`],
      );
    }
  }
  return out;
}

/** Version strings compared as numbers: 7.9.3 < 7.10.0. */
export function versionBefore(a: string, b: string): boolean {
  const x = a.split('.').map(Number);
  const y = b.split('.').map(Number);
  for (let i = 0; i < 3; i++) {
    const d = (x[i] ?? 0) - (y[i] ?? 0);
    if (d !== 0) return d < 0;
  }
  return false;
}

/** The plan checks ECE runs at create and update time, against the installation's stack versions. */
export function validatePlan(p: Payload, field: string, stacks: readonly string[]): void {
  if (p.region !== REGION) {
    throw bad(
      'deployments.region_not_found',
      `Region [${p.region}] does not exist in this installation`,
      `${field}.region`,
    );
  }
  const section = p.plan[p.kind] as { version?: unknown } | undefined;
  const version = section?.version;
  if (version !== undefined) {
    if (typeof version !== 'string' || !stacks.includes(version)) {
      throw bad(
        'deployments.stack_version_not_found',
        `Stack version [${String(version)}] is not available: use one of ${stacks.join(', ')}`,
        `${field}.plan.${p.kind}.version`,
      );
    }
  }
  const topology = p.plan.cluster_topology;
  if (topology === undefined) return;
  if (!Array.isArray(topology))
    throw invalid(`${field}.plan.cluster_topology must be an array`, [`${field}.plan`]);
  topology.forEach((el: Record<string, unknown>, i) => {
    const at = `${field}.plan.cluster_topology[${i}]`;
    const ic = el?.instance_configuration_id;
    if (ic !== undefined) {
      const known = INSTANCE_CONFIGURATIONS.find((c) => c.id === ic);
      if (!known || known.kind !== p.kind) {
        throw bad(
          'deployments.instance_configuration_not_found',
          `Instance configuration [${String(ic)}] does not exist for ${p.kind}`,
          `${at}.instance_configuration_id`,
        );
      }
    }
    const size = el?.size as { value?: unknown; resource?: unknown } | undefined;
    if (size !== undefined) {
      const ok =
        typeof size.value === 'number' &&
        (size.value === 0 || SIZES.includes(size.value)) &&
        (size.resource === undefined || size.resource === 'memory' || size.resource === 'storage');
      if (!ok) {
        throw bad(
          'deployments.invalid_topology_size',
          `Size [${JSON.stringify(size.value)}] is not one of ${SIZES.join(', ')} (MB of memory)`,
          `${at}.size`,
        );
      }
    }
    const zones = el?.zone_count;
    if (
      zones !== undefined &&
      !(Number.isInteger(zones) && Number(zones) >= 1 && Number(zones) <= 3)
    ) {
      throw bad(
        'deployments.invalid_zone_count',
        'zone_count must be 1, 2 or 3',
        `${at}.zone_count`,
      );
    }
    if (p.kind === 'elasticsearch' && typeof version === 'string') {
      const roles = el?.node_roles !== undefined;
      const type = el?.node_type !== undefined;
      if (roles && type) {
        throw bad(
          'deployments.node_roles_and_node_type',
          'node_roles and node_type cannot both be given: use node_roles from 7.10.0 on',
          `${at}.node_roles`,
        );
      }
      if (roles && versionBefore(version, '7.10.0')) {
        throw bad(
          'deployments.node_roles_not_supported',
          `node_roles needs version 7.10.0 or later (this plan has ${version}): use node_type`,
          `${at}.node_roles`,
        );
      }
    }
  });
}

/** The plan body a resource runs (or last tried). */
export function lastBody(r: Resource, now: number): Record<string, unknown> {
  return (activePlan(r, now) ?? r.plans.at(-1))?.body ?? {};
}

/** Plans compared as JSON values, whatever the order of their keys. */
export function samePlan(a: unknown, b: unknown): boolean {
  const canon = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(canon)
      : v && typeof v === 'object'
        ? Object.fromEntries(
            Object.entries(v)
              .sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))
              .map(([k, x]) => [k, canon(x)]),
          )
        : v;
  // transient holds one-off instructions (a strategy, a snapshot to restore), not configuration.
  const kept = (v: unknown) => {
    const { transient: _, ...rest } = (v ?? {}) as Record<string, unknown>;
    return rest;
  };
  return JSON.stringify(canon(kept(a))) === JSON.stringify(canon(kept(b)));
}
