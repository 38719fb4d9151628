// The sandbox's in-memory state and the deployment lifecycle: create (with
// request_id idempotency and templates), update, shutdown, restore, delete,
// restart, stop/start instances, cancel a pending plan.

import {
  DEFAULT_VERSION,
  defaultPlan,
  REGION,
  SEEDS,
  STACK_VERSIONS,
  SYSTEM_SEEDS,
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
import { type Plan, type PlanAction, planSteps } from './plans.js';
import { createResponse, orphanedBody } from './replies.js';
import { lastBody, type Payload, parsePayloads, samePlan } from './validate.js';

export interface StateOptions {
  planDurationMs: number;
  now?: () => number;
}

/**
 * Chooses where a plan's instances go (allocators.ts): a zone for each, or
 * why they do not fit. `alongside` are resources being created in the same
 * request, not yet in the state, whose instances take room too.
 */
export type Placer = (
  r: Resource,
  body: Record<string, unknown>,
  at: number,
  alongside: readonly Resource[],
) => { zones: string[] } | { error: string };

/** The plans that put instances on allocators; a shutdown or restart keeps them where they are. */
const PLACING: readonly PlanAction[] = ['create', 'update', 'restore', 'start'];

export class SandboxState {
  readonly deployments = new Map<string, Deployment>();
  /**
   * The stack versions this installation has, newest first: the catalog's at
   * the start, then what stack packs add and remove (stack.ts). The
   * sandbox's own, not the process's: a test process runs many sandboxes.
   */
  readonly stacks: string[] = [...STACK_VERSIONS];
  readonly now: () => number;
  /** Set by the server; without one, instances go to their zones in order and always fit. */
  placer: Placer | undefined;
  /** The resources of the request being applied that are not in a deployment yet. */
  private building: readonly Resource[] = [];
  /** Numbers the plan attempts of this installation (their ids). */
  private attempts = 0;
  constructor(readonly opts: StateOptions) {
    this.now = opts.now ?? (() => Date.now());
  }

  list(): Deployment[] {
    return [...this.deployments.values()].sort((a, b) => a.createdAt - b.createdAt);
  }

  get(id: string): Deployment {
    const d = this.deployments.get(id);
    if (!d) throw notFound(id);
    return d;
  }

  /** A resource by kind and ref_id; `_main` is the first of its kind, as in ECE. */
  resource(d: Deployment, kind: string, refId: string): Resource {
    const r = d.resources.find((x) => x.kind === kind && (x.refId === refId || refId === '_main'));
    if (!r) {
      throw new SandboxError(
        404,
        'deployments.deployment_resource_not_found',
        `Deployment [${d.id}] has no ${kind} resource [${refId}]`,
      );
    }
    return r;
  }

  /**
   * The installation's system deployments (created first, as at install
   * time), then `count` user deployments, whose first plans finished long ago,
   * on `version` (system deployments stay on the newest).
   */
  seed(count: number, user: string, system = true, version = DEFAULT_VERSION): void {
    if (!this.stacks.includes(version))
      throw new Error(
        `the sandbox has no stack version ${version} to seed (it has ${this.stacks.join(', ')})`,
      );
    const base = this.now() - 86_400_000;
    const seeds = [
      ...(system ? SYSTEM_SEEDS.map((s) => ({ ...s, name: s.name, system: true })) : []),
      ...Array.from({ length: count }, (_x, i) => {
        const s = SEEDS[i % SEEDS.length] ?? { name: 'deployment', template: 'default', kinds: [] };
        const name = i < SEEDS.length ? s.name : `${s.name}-${Math.floor(i / SEEDS.length) + 1}`;
        return { ...s, name, system: false };
      }),
    ];
    for (const [i, s] of seeds.entries()) {
      const name = s.name;
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
            plan: defaultPlan(kind, s.system ? DEFAULT_VERSION : version, s.template),
          },
        ];
      }
      const d = this.insert(
        { name, resources: payload },
        { user, at: created, durationMs: 30_000 },
      );
      d.system = s.system;
    }
  }

  create(
    body: Record<string, unknown>,
    q: { requestId?: string; templateId?: string; validateOnly: boolean; user: string },
  ): { status: number; body: Record<string, unknown> } {
    if (q.requestId !== undefined && (q.requestId.length < 32 || q.requestId.length > 128)) {
      throw invalid(`request_id must be 32 to 128 characters long (it has ${q.requestId.length})`, [
        'request_id',
      ]);
    }
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
      // As the templates show it: the newest version this installation has.
      const version =
        typeof body.version === 'string' ? body.version : (this.stacks[0] ?? DEFAULT_VERSION);
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
    const payloads = parsePayloads(body.resources, false, this.stacks);
    const now = this.now();
    const touched = new Set<Resource>();
    const additions: Resource[] = [];
    // Added resources take room while the others' new plans are placed.
    this.building = additions;
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
    if (q.validateOnly) {
      this.building = [];
      return result;
    }
    if (typeof body.name === 'string') d.name = body.name;
    if (typeof body.alias === 'string') d.alias = body.alias;
    // DeploymentUpdateMetadata: the tags given replace the deployment's.
    const tags = (body.metadata as { tags?: unknown } | undefined)?.tags;
    if (Array.isArray(tags)) d.tags = tagsOf(tags);
    for (const p of payloads) {
      const r = d.resources.find((x) => x.kind === p.kind && x.refId === p.refId);
      // ECE starts no plan for a resource whose plan is unchanged.
      if (
        r &&
        !(
          isShutDown(r, now) === false &&
          samePlan(lastBody(r, now), p.plan) &&
          !pendingPlan(r, now)
        )
      )
        this.startPlan(r, d.name, 'update', p.plan, q.user, now);
    }
    this.building = [];
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

  /** Records a change: x-cloud-resource-version and last_modified. */
  touch(d: Deployment): void {
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
    const payloads = parsePayloads(body.resources, true, this.stacks);
    const name =
      typeof body.name === 'string' && body.name.trim()
        ? body.name
        : `deployment-${hexId().slice(0, 6)}`;
    const metadata = body.metadata as { tags?: unknown } | undefined;
    const tags = Array.isArray(metadata?.tags) ? tagsOf(metadata.tags) : [];
    const d: Deployment = {
      id: hexId(),
      name,
      alias: typeof body.alias === 'string' ? body.alias : undefined,
      createdAt: at.at,
      lastModified: at.at,
      resources: [],
      tags,
      hidden: false,
      system: false,
      version: 1,
      owner: at.user,
    };
    this.building = d.resources;
    try {
      for (const p of payloads)
        d.resources.push(this.newResource(p, name, 'create', at.user, at.at, at.durationMs));
    } finally {
      this.building = [];
    }
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

  startPlan(
    r: Resource,
    name: string,
    action: PlanAction,
    body: Record<string, unknown>,
    user: string,
    at: number,
    durationMs = this.opts.planDurationMs,
    place = true,
  ): void {
    const pending = pendingPlan(r, at);
    if (pending) pending.cancelledAt = at;
    const grows = activePlan(r, at) !== undefined && !isShutDown(r, at);
    const steps = planSteps(action, r.kind);
    // Placed when it starts, against what the allocators hold then (a move places its own).
    const placed =
      place && PLACING.includes(action) ? this.placer?.(r, body, at, this.building) : undefined;
    const fails =
      (action === 'create' || action === 'update') &&
      r.kind === 'elasticsearch' &&
      name.includes('fail-plan');
    const plan: Plan = {
      attemptId: `${r.id.slice(0, 8)}-${String(++this.attempts).padStart(10, '0')}`,
      action,
      started: at,
      durationMs,
      steps,
      failAt: fails ? steps.length - 3 : undefined,
      body,
      user,
      grows,
    };
    if (placed && 'error' in placed) {
      // ECE accepts the plan and fails it at allocation: a step error, not an HTTP error.
      plan.failAt = steps.indexOf('allocate-instances');
      plan.failure = {
        message: placed.error,
        type: 'InstanceAllocationFailure:InsufficientCapacity',
      };
    } else if (placed) plan.zones = placed.zones;
    r.plans.push(plan);
  }
}

/** MetadataItem entries ({key, value} strings) of a request's tags. */
function tagsOf(tags: unknown[]): { key: string; value: string }[] {
  return tags.filter(
    (t): t is { key: string; value: string } =>
      typeof (t as { key?: unknown })?.key === 'string' &&
      typeof (t as { value?: unknown })?.value === 'string',
  );
}
