// The sandbox's in-memory state and the deployment lifecycle: create (with
// request_id idempotency and templates), update, shutdown, restore, delete,
// restart, stop/start instances, cancel a pending plan.

import { randomBytes } from 'node:crypto';
import {
  DEFAULT_VERSION,
  defaultPlan,
  REGION,
  SEEDS,
  TEMPLATES,
  templatePayload,
} from './catalog.js';
import { invalid, notFound, SandboxError } from './errors.js';
import { hexId } from './ids.js';
import {
  activePlan,
  type Deployment,
  deploymentShutDown,
  isShutDown,
  pendingPlan,
  type Resource,
} from './model.js';
import { KINDS, type Kind, type Plan, type PlanAction, planSteps } from './plans.js';

export interface StateOptions {
  planDurationMs: number;
  now?: () => number;
}

let attemptCounter = 0;

export class SandboxState {
  readonly deployments = new Map<string, Deployment>();
  readonly now: () => number;
  constructor(readonly opts: StateOptions) {
    this.now = opts.now ?? Date.now;
  }

  list(): Deployment[] {
    return [...this.deployments.values()].sort((a, b) => a.createdAt - b.createdAt);
  }

  get(id: string): Deployment {
    const d = this.deployments.get(id);
    if (!d) throw notFound(id);
    return d;
  }

  resource(d: Deployment, kind: string, refId: string): Resource {
    const r = d.resources.find((x) => x.kind === kind && x.refId === refId);
    if (!r) {
      throw new SandboxError(
        404,
        'deployments.deployment_resource_not_found',
        `Deployment [${d.id}] has no ${kind} resource [${refId}]`,
      );
    }
    return r;
  }

  /** Seeded deployments whose first plans finished long ago. */
  seed(count: number, user: string): void {
    const base = this.now() - 86_400_000;
    for (let i = 0; i < count; i++) {
      const s = SEEDS[i % SEEDS.length];
      if (!s) continue;
      const name = i < SEEDS.length ? s.name : `${s.name}-${Math.floor(i / SEEDS.length) + 1}`;
      const created = base + i * 60_000;
      const payload: Record<string, unknown[]> = {};
      for (const kind of s.kinds) {
        payload[kind] = [
          {
            ref_id: `main-${kind}`,
            region: REGION,
            ...(kind === 'elasticsearch'
              ? {}
              : { elasticsearch_cluster_ref_id: 'main-elasticsearch' }),
            plan: defaultPlan(kind, DEFAULT_VERSION, s.template),
          },
        ];
      }
      this.insert({ name, resources: payload }, { user, at: created, durationMs: 30_000 });
    }
  }

  create(
    body: Record<string, unknown>,
    q: { requestId?: string; templateId?: string; validateOnly: boolean; user: string },
  ): { status: number; body: Record<string, unknown> } {
    if (q.requestId) {
      const existing = [...this.deployments.values()].find((d) => d.requestId === q.requestId);
      if (existing) {
        return { status: 202, body: createResponse(existing, false) };
      }
    }
    let resources = body.resources as Record<string, unknown[]> | undefined;
    const region = typeof body.region === 'string' ? body.region : REGION;
    if (resources === undefined) {
      const template = TEMPLATES.find((t) => t.id === (q.templateId ?? 'default'));
      if (!template) {
        throw new SandboxError(
          404,
          'templates.template_not_found',
          `Template [${q.templateId}] cannot be found`,
        );
      }
      const version = typeof body.version === 'string' ? body.version : DEFAULT_VERSION;
      resources = templatePayload(template, version, region);
    }
    const draft = this.build(
      { ...body, resources },
      { user: q.user, at: this.now(), durationMs: this.opts.planDurationMs },
    );
    if (q.validateOnly)
      return { status: 200, body: { ...createResponse(draft, false), id: draft.id } };
    draft.requestId = q.requestId;
    this.deployments.set(draft.id, draft);
    return { status: 201, body: createResponse(draft, true) };
  }

  update(
    id: string,
    body: Record<string, unknown>,
    q: { validateOnly: boolean; user: string },
  ): Record<string, unknown> {
    const d = this.get(id);
    if (typeof body.prune_orphans !== 'boolean')
      throw invalid('prune_orphans is required', ['prune_orphans']);
    const payloads = parsePayloads(body.resources, false);
    const now = this.now();
    const touched = new Set<Resource>();
    const additions: Resource[] = [];
    for (const p of payloads) {
      const existing = d.resources.find((r) => r.kind === p.kind && r.refId === p.refId);
      if (existing) touched.add(existing);
      else additions.push(this.newResource(p, d.name, 'create', q.user, now));
    }
    const orphans = body.prune_orphans ? d.resources.filter((r) => !touched.has(r)) : [];
    const result = {
      id: d.id,
      name: typeof body.name === 'string' ? body.name : d.name,
      resources: [] as Record<string, unknown>[],
      shutdown_resources: orphanedBody(orphans),
    };
    if (q.validateOnly) return result;
    if (typeof body.name === 'string') d.name = body.name;
    if (typeof body.alias === 'string') d.alias = body.alias;
    for (const p of payloads) {
      const r = d.resources.find((x) => x.kind === p.kind && x.refId === p.refId);
      if (r) this.startPlan(r, d.name, 'update', p.plan, q.user, now);
    }
    d.resources.push(...additions);
    for (const r of orphans) this.startPlan(r, d.name, 'shutdown', lastBody(r, now), q.user, now);
    this.touch(d);
    result.resources = d.resources.map((r) => ({
      ref_id: r.refId,
      id: r.id,
      kind: r.kind,
      region: r.region,
    }));
    return result;
  }

  shutdown(id: string, user: string, hide: boolean): Record<string, unknown> {
    const d = this.get(id);
    const now = this.now();
    for (const r of d.resources) {
      if (!isShutDown(r, now)) this.startPlan(r, d.name, 'shutdown', lastBody(r, now), user, now);
    }
    if (hide) d.hidden = true;
    this.touch(d);
    return { id: d.id, name: d.name };
  }

  restore(id: string, user: string): Record<string, unknown> {
    const d = this.get(id);
    const now = this.now();
    if (!deploymentShutDown(d, now)) {
      throw new SandboxError(
        400,
        'deployments.resource_not_shutdown',
        `Deployment [${d.id}] is not shut down`,
      );
    }
    for (const r of d.resources) {
      r.stopped = false;
      this.startPlan(r, d.name, 'restore', lastBody(r, now), user, now);
    }
    d.hidden = false;
    this.touch(d);
    return { id: d.id };
  }

  delete(id: string): Record<string, unknown> {
    const d = this.get(id);
    if (!deploymentShutDown(d, this.now())) {
      throw new SandboxError(
        400,
        'deployments.resource_not_shutdown',
        `Deployment [${d.id}] must be shut down before it can be deleted`,
      );
    }
    this.deployments.delete(id);
    return { id: d.id, name: d.name };
  }

  restart(id: string, kind: string, refId: string, user: string): Record<string, unknown> {
    const d = this.get(id);
    const r = this.resource(d, kind, refId);
    const now = this.now();
    this.assertRunning(d, r, now);
    this.startPlan(r, d.name, 'restart', lastBody(r, now), user, now);
    this.touch(d);
    return {};
  }

  setInstancesStopped(
    id: string,
    kind: string,
    refId: string,
    stopped: boolean,
  ): Record<string, unknown> {
    const d = this.get(id);
    const r = this.resource(d, kind, refId);
    if (isShutDown(r, this.now())) {
      throw new SandboxError(
        400,
        'clusters.command_prohibited',
        `The ${kind} resource [${refId}] is shut down`,
      );
    }
    r.stopped = stopped;
    this.touch(d);
    return {};
  }

  cancelPending(id: string, kind: string, refId: string): Record<string, unknown> {
    const d = this.get(id);
    const r = this.resource(d, kind, refId);
    const now = this.now();
    const pending = pendingPlan(r, now);
    if (!pending) {
      throw new SandboxError(
        400,
        'deployments.resource_does_not_have_a_pending_plan',
        `The ${kind} resource [${refId}] does not have a pending plan`,
      );
    }
    pending.cancelledAt = now;
    this.touch(d);
    return { id: d.id, kind, ref_id: refId };
  }

  private assertRunning(d: Deployment, r: Resource, now: number): void {
    if (isShutDown(r, now)) {
      throw new SandboxError(
        400,
        'clusters.command_prohibited',
        `Deployment [${d.id}] is shut down`,
      );
    }
  }

  private touch(d: Deployment): void {
    d.lastModified = this.now();
    d.version++;
  }

  private insert(
    body: Record<string, unknown>,
    at: { user: string; at: number; durationMs: number },
  ): Deployment {
    const d = this.build(body, at);
    this.deployments.set(d.id, d);
    return d;
  }

  private build(
    body: Record<string, unknown>,
    at: { user: string; at: number; durationMs: number },
  ): Deployment {
    const payloads = parsePayloads(body.resources, true);
    const name =
      typeof body.name === 'string' && body.name.trim()
        ? body.name
        : `deployment-${hexId().slice(0, 6)}`;
    const metadata = body.metadata as { tags?: unknown } | undefined;
    const tags = Array.isArray(metadata?.tags)
      ? metadata.tags.filter(
          (t): t is { key: string; value: string } =>
            typeof t?.key === 'string' && typeof t?.value === 'string',
        )
      : [];
    const d: Deployment = {
      id: hexId(),
      name,
      alias: typeof body.alias === 'string' ? body.alias : undefined,
      createdAt: at.at,
      lastModified: at.at,
      resources: [],
      tags,
      hidden: false,
      version: 1,
      owner: at.user,
    };
    for (const p of payloads)
      d.resources.push(this.newResource(p, name, 'create', at.user, at.at, at.durationMs));
    return d;
  }

  private newResource(
    p: Payload,
    name: string,
    action: PlanAction,
    user: string,
    at: number,
    durationMs = this.opts.planDurationMs,
  ): Resource {
    const r: Resource = {
      kind: p.kind,
      refId: p.refId,
      id: hexId(),
      region: p.region,
      esRefId: p.esRefId,
      plans: [],
      stopped: false,
      settings: p.settings,
    };
    this.startPlan(r, name, action, p.plan, user, at, durationMs);
    return r;
  }

  private startPlan(
    r: Resource,
    name: string,
    action: PlanAction,
    body: Record<string, unknown>,
    user: string,
    at: number,
    durationMs = this.opts.planDurationMs,
  ): void {
    const pending = pendingPlan(r, at);
    if (pending) pending.cancelledAt = at;
    const steps = planSteps(action, r.kind);
    const fails =
      (action === 'create' || action === 'update') &&
      r.kind === 'elasticsearch' &&
      name.includes('fail-plan');
    const plan: Plan = {
      attemptId: `${r.id.slice(0, 8)}-${String(++attemptCounter).padStart(10, '0')}`,
      action,
      started: at,
      durationMs,
      steps,
      failAt: fails ? steps.length - 3 : undefined,
      body,
      user,
    };
    r.plans.push(plan);
  }
}

interface Payload {
  kind: Kind;
  refId: string;
  region: string;
  esRefId?: string;
  plan: Record<string, unknown>;
  settings?: Record<string, unknown>;
}

function parsePayloads(resources: unknown, requireElasticsearch: boolean): Payload[] {
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
      out.push({
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
      });
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

function lastBody(r: Resource, now: number): Record<string, unknown> {
  return (activePlan(r, now) ?? r.plans.at(-1))?.body ?? {};
}

function orphanedBody(orphans: Resource[]): Record<string, unknown> {
  const ids = (kind: Kind) => orphans.filter((r) => r.kind === kind).map((r) => r.id);
  return {
    elasticsearch: orphans
      .filter((r) => r.kind === 'elasticsearch')
      .map((r) => ({ id: r.id, dependents: [] })),
    kibana: ids('kibana'),
    apm: ids('apm'),
    appsearch: ids('appsearch'),
    enterprise_search: ids('enterprise_search'),
    integrations_server: ids('integrations_server'),
  };
}

/** DeploymentCreateResponse; credentials only on a fresh create, as ECE does. */
function createResponse(d: Deployment, created: boolean): Record<string, unknown> {
  return {
    id: d.id,
    name: d.name,
    ...(d.alias ? { alias: d.alias } : {}),
    created,
    resources: d.resources.map((r) => ({
      ref_id: r.refId,
      id: r.id,
      kind: r.kind,
      region: r.region,
      ...(r.esRefId ? { elasticsearch_cluster_ref_id: r.esRefId } : {}),
      ...(created && r.kind === 'elasticsearch'
        ? { credentials: { username: 'elastic', password: randomBytes(18).toString('base64url') } }
        : {}),
      ...(created && (r.kind === 'apm' || r.kind === 'integrations_server')
        ? { secret_token: randomBytes(18).toString('base64url') }
        : {}),
    })),
  };
}
