// Response bodies built from the model, shaped as the specification says:
// DeploymentGetResponse, DeploymentSearchResponse, DeploymentsListingData.

import { allocatorOf, zoneOf } from './allocators.js';
import { INSTANCE_CONFIGURATIONS, SIZES } from './catalog.js';
import { iso } from './ids.js';
import { instanceName, withOverlay } from './instances.js';
import {
  activePlan,
  currentPlan,
  type Deployment,
  finishedPlans,
  pendingPlan,
  planHealthy,
  type Resource,
  resourceStatus,
  resourceVersion,
  topology,
} from './model.js';
import { KINDS, type Plan, planInfo } from './plans.js';
import { versionBefore } from './validate.js';

export interface ShowOptions {
  plans: boolean;
  logs: boolean;
  history: boolean;
  settings: boolean;
  metadata: boolean;
  /** show_instance_configurations (default true on GET). */
  instanceConfigurations?: boolean;
  /** enrich_with_template (default true): plans filled in from their template. */
  enrich?: boolean;
}

export const SEARCH_SHOW: ShowOptions = {
  plans: true,
  logs: false,
  history: false,
  settings: false,
  metadata: false,
};

/** DeploymentsListingData / DeploymentResource entries. */
export function listing(d: Deployment): Record<string, unknown> {
  return { id: d.id, name: d.name, resources: d.resources.map((r) => resourceRef(d, r)) };
}

export function resourceRef(d: Deployment, r: Resource): Record<string, unknown> {
  return {
    ref_id: r.refId,
    id: r.id,
    kind: r.kind,
    region: r.region,
    ...(r.esRefId ? { elasticsearch_cluster_ref_id: r.esRefId } : {}),
    ...(r.kind === 'elasticsearch' ? { cloud_id: cloudId(d, r) } : {}),
  };
}

export function deploymentBody(
  d: Deployment,
  now: number,
  show: ShowOptions,
): Record<string, unknown> {
  const resources: Record<string, Record<string, unknown>[]> = {};
  for (const kind of KINDS) resources[kind] = [];
  for (const r of d.resources) resources[r.kind]?.push(resourceInfo(d, r, now, show));
  const body: Record<string, unknown> = {
    id: d.id,
    name: d.name,
    ...(d.alias ? { alias: d.alias } : {}),
    // Every part of every resource: plans, instances, Elasticsearch's own health.
    healthy: Object.values(resources).every((list) =>
      list.every((r) => (r.info as { healthy: boolean }).healthy),
    ),
    resources,
  };
  if (show.instanceConfigurations) {
    const used = new Set(d.resources.flatMap((r) => instanceConfigurationIds(r, now)));
    body.instance_configurations = INSTANCE_CONFIGURATIONS.filter((c) => used.has(c.id)).map(
      (c) => ({
        id: c.id,
        name: c.id,
        instance_type: c.kind,
        discrete_sizes: {
          sizes: SIZES,
          default_size: c.kind === 'elasticsearch' ? 4096 : 1024,
          resource: 'memory',
        },
      }),
    );
  }
  if (show.settings)
    body.settings = { auto_ops: { status: 'not_connected' }, autoscaling_enabled: false };
  body.metadata = {
    owner_id: d.owner,
    system_owned: d.system,
    hidden: d.hidden,
    last_modified: iso(d.lastModified),
    last_resource_plan_modified: iso(
      Math.max(d.lastModified, ...d.resources.flatMap((r) => r.plans.map((p) => p.started))),
    ),
    tags: d.tags,
  };
  return body;
}

function resourceInfo(
  d: Deployment,
  r: Resource,
  now: number,
  show: ShowOptions,
): Record<string, unknown> {
  const plansOk = planHealthy(r, now);
  const status = resourceStatus(r, now);
  const pending = pendingPlan(r, now);
  const finished = finishedPlans(r, now);
  const current = currentPlan(r, now);
  const opts = { logs: show.logs, plan: true };
  const attempt = (p: Plan) => {
    const out = planInfo(p, now, opts);
    if (show.enrich && out.plan) out.plan = enrich(r, out.plan as Record<string, unknown>);
    return out;
  };
  const plan_info: Record<string, unknown> = {
    healthy: plansOk,
    history: show.history ? finished.map(attempt) : [],
  };
  if (show.plans && current) plan_info.current = attempt(current);
  if (show.plans && pending) plan_info.pending = attempt(pending);
  // Instances stopped with instances/_stop are still there, not running.
  const placed = status !== 'initializing' && (status !== 'stopped' || r.stopped);
  const running = placed && !r.stopped;
  const version = resourceVersion(r, now);
  const instances = topology(r, now).map((t, i) => {
    const shown = withOverlay(r, {
      instance_name: instanceName(i),
      zone: t.zone,
      allocator_id: allocatorOf(r, instanceName(i), t.zone, now),
      healthy: running,
      container_started: running,
      service_running: running,
      maintenance_mode: false,
      ...(version ? { service_version: version } : {}),
      memory: { instance_capacity: t.memory },
      instance_configuration: {
        id: instanceConfiguration(r.kind),
        name: instanceConfiguration(r.kind),
        resource: 'memory',
      },
    });
    // An instance moved to another allocator is in that allocator's zone.
    return { ...shown, zone: zoneOf(shown.allocator_id) ?? t.zone };
  });
  const metadata = {
    version: r.plans.length,
    last_modified: iso(r.plans.at(-1)?.started ?? d.createdAt),
    endpoint: `${r.id}.ece.local`,
    service_url: `https://${r.id}.ece.local:9243`,
    ...(r.kind === 'elasticsearch' ? { cloud_id: cloudId(d, r) } : {}),
    ...(show.metadata ? { ports: { http: 9200, https: 9243, transport_passthrough: 9400 } } : {}),
  };
  const shown = placed ? instances : [];
  const topologyHealthy = shown.every((i) => i.healthy);
  const esHealthy = r.kind !== 'elasticsearch' || running || !placed;
  const healthy = plansOk && topologyHealthy && esHealthy;
  const common = {
    deployment_id: d.id,
    healthy,
    status,
    plan_info,
    metadata,
    topology: { healthy: topologyHealthy, instances: shown },
    external_links: [],
    region: r.region,
    ...(show.settings ? { settings: r.settings ?? {} } : {}),
  };
  const es = d.resources.find((x) => x.kind === 'elasticsearch' && x.refId === r.esRefId);
  let info: Record<string, unknown>;
  if (r.kind === 'elasticsearch') {
    const associated = (kind: string, idKey: string) =>
      d.resources
        .filter((x) => x.kind === kind && x.esRefId === r.refId)
        .map((x) => ({ [idKey]: x.id, enabled: true }));
    info = {
      cluster_id: r.id,
      cluster_name: d.name,
      ...common,
      elasticsearch: {
        healthy: esHealthy,
        blocking_issues: { healthy: true, cluster_level: [], index_level: [] },
        master_info: {
          healthy: esHealthy,
          instances_with_no_master: [],
          masters: running
            ? [
                {
                  master_node_id: r.id.slice(0, 22),
                  instances: [instances[0]?.instance_name ?? ''],
                },
              ]
            : [],
        },
        shard_info: {
          healthy: esHealthy,
          available_shards: running
            ? instances.map((i) => ({ instance_name: i.instance_name, shard_count: 12 }))
            : [],
          unavailable_shards: [],
          unavailable_replicas: [],
        },
      },
      associated_kibana_clusters: associated('kibana', 'kibana_id'),
      associated_apm_clusters: associated('apm', 'apm_id'),
      associated_appsearch_clusters: associated('appsearch', 'app_search_id'),
      associated_enterprise_search_clusters: associated(
        'enterprise_search',
        'enterprise_search_id',
      ),
      snapshots: {
        healthy: true,
        count: activePlan(r, now) ? 3 : 0,
        recent_success: activePlan(r, now) !== undefined,
      },
    };
  } else if (r.kind === 'kibana') {
    info = {
      cluster_id: r.id,
      cluster_name: d.name,
      elasticsearch_cluster: { elasticsearch_id: es?.id ?? '' },
      ...common,
    };
  } else {
    info = {
      id: r.id,
      name: d.name,
      elasticsearch_cluster: { elasticsearch_id: es?.id ?? '' },
      ...common,
    };
  }
  return {
    ref_id: r.refId,
    id: r.id,
    region: r.region,
    ...(r.esRefId ? { elasticsearch_cluster_ref_id: r.esRefId } : {}),
    info,
  };
}

/** enrich_with_template: what the template fills in that the user's plan left out. */
function enrich(r: Resource, plan: Record<string, unknown>): Record<string, unknown> {
  const topology = plan.cluster_topology;
  if (!Array.isArray(topology)) return plan;
  const version = (plan[r.kind] as { version?: unknown } | undefined)?.version;
  const modern = typeof version === 'string' && !versionBefore(version, '7.10.0');
  return {
    ...plan,
    cluster_topology: topology.map((el: Record<string, unknown>) => ({
      zone_count: 1,
      instance_configuration_id: instanceConfiguration(r.kind),
      ...(r.kind === 'elasticsearch' && modern && el.node_type === undefined
        ? {
            node_roles: [
              'master',
              'ingest',
              'data_hot',
              'data_content',
              'remote_cluster_client',
              'transform',
            ],
          }
        : {}),
      ...el,
    })),
  };
}

function instanceConfigurationIds(r: Resource, now: number): string[] {
  const plan = activePlan(r, now) ?? r.plans.at(-1);
  const elements = (plan?.body.cluster_topology as Record<string, unknown>[] | undefined) ?? [];
  const ids = elements.map((e) => e.instance_configuration_id).filter((x) => typeof x === 'string');
  return ids.length ? (ids as string[]) : [instanceConfiguration(r.kind)];
}

function instanceConfiguration(kind: string): string {
  return kind === 'elasticsearch' ? 'data.default' : kind;
}

/** An ECE-style cloud id: name:base64(host$es$kibana). */
export function cloudId(d: Deployment, r: Resource): string {
  const kb = d.resources.find((x) => x.kind === 'kibana');
  const encoded = Buffer.from(`ece.local:9243$${r.id}$${kb?.id ?? ''}`).toString('base64');
  return `${d.name}:${encoded}`;
}
