// The security deployment (/platform/configuration/security/deployment):
// the system deployment that holds the platform's security realms
// (`security-cluster`, seeded with the installation's system deployments).
// Its GET summarises that deployment's Elasticsearch resource; POST creates
// it when there is none (409 security_deployment.already_exists); PUT starts
// a plan on it with a new version or topology (SecurityDeploymentUpdateRequest).

import { DEFAULT_VERSION, defaultPlan, REGION } from './catalog.js';
import { invalid, SandboxError } from './errors.js';
import { activePlan, pendingPlan, planHealthy, resourceStatus, resourceVersion } from './model.js';
import type { SandboxState } from './state.js';
import { lastBody } from './validate.js';
import type { Route } from './world.js';

type Doc = Record<string, unknown>;
const NAME = 'security-cluster';
const PATH = '/platform/configuration/security/deployment';

const none = () =>
  new SandboxError(404, 'security_deployment.not_found', 'There is no security deployment');

/** SecurityDeploymentTopology: {size?: {resource, value}, zone_count?}. */
function checkTopology(body: Doc): Doc | undefined {
  const t = body.topology;
  if (t === undefined) return undefined;
  if (typeof t !== 'object' || t === null || Array.isArray(t))
    throw invalid('topology must be an object', ['topology']);
  const { size, zone_count: zones } = t as Doc;
  if (
    zones !== undefined &&
    (!Number.isInteger(zones) || (zones as number) < 1 || (zones as number) > 3)
  )
    throw invalid('topology.zone_count must be 1, 2 or 3', ['topology.zone_count']);
  if (size !== undefined) {
    const s = size as Doc;
    if (!['memory', 'storage'].includes(s?.resource as string) || !Number.isInteger(s?.value))
      throw invalid('topology.size needs a resource (memory or storage) and an integer value', [
        'topology.size',
      ]);
  }
  return t as Doc;
}

function checkVersion(body: Doc, stacks: readonly string[]): string | undefined {
  const v = body.version;
  if (v === undefined) return undefined;
  if (typeof v !== 'string' || !stacks.includes(v))
    throw invalid(`Stack version [${String(v)}] is not available`, ['version']);
  return v;
}

/** A plan body with the version and topology asked for. */
function withChanges(plan: Doc, version: string | undefined, topology: Doc | undefined): Doc {
  const next = structuredClone(plan);
  if (version) next.elasticsearch = { ...(next.elasticsearch as Doc), version };
  const first = (next.cluster_topology as Doc[] | undefined)?.[0];
  if (first && topology?.size) first.size = topology.size;
  if (first && topology?.zone_count !== undefined) first.zone_count = topology.zone_count;
  return next;
}

export function securityDeploymentRoutes(state: SandboxState): Route[] {
  const find = () => state.list().find((d) => d.system && d.name === NAME);
  const summary = () => {
    const d = find();
    const r = d?.resources.find((x) => x.kind === 'elasticsearch');
    if (!d || !r) throw none();
    const now = state.now();
    return {
      body: {
        cluster_id: r.id,
        deployment_id: d.id,
        name: d.name,
        version: resourceVersion(r, now),
        status: resourceStatus(r, now),
        has_pending_plan: pendingPlan(r, now) !== undefined,
        is_healthy: planHealthy(r, now) && activePlan(r, now) !== undefined,
        is_enabled: true,
      },
      headers: { 'x-cloud-resource-version': String(d.version) },
    };
  };
  return [
    { method: 'GET', path: PATH, handle: () => summary() },
    {
      method: 'POST',
      path: PATH,
      handle: (c) => {
        if (find())
          throw new SandboxError(
            409,
            'security_deployment.already_exists',
            'The security deployment already exists',
          );
        const version = checkVersion(c.body, state.stacks) ?? state.stacks[0] ?? DEFAULT_VERSION;
        const topology = checkTopology(c.body);
        const made = state.create(
          {
            name: NAME,
            resources: {
              elasticsearch: [
                {
                  ref_id: 'main-elasticsearch',
                  region: REGION,
                  plan: withChanges(defaultPlan('elasticsearch', version), undefined, topology),
                },
              ],
            },
          },
          { validateOnly: false, user: c.principal.user },
        );
        const d = state.get(String(made.body.id));
        d.system = true;
        return {
          status: 201,
          body: { id: d.id },
          headers: { 'x-cloud-resource-version': String(d.version) },
        };
      },
    },
    {
      method: 'PUT',
      path: PATH,
      handle: (c) => {
        const d = find();
        const r = d?.resources.find((x) => x.kind === 'elasticsearch');
        if (!d || !r) throw none();
        const version = checkVersion(c.body, state.stacks);
        const topology = checkTopology(c.body);
        const plan = withChanges(lastBody(r, state.now()) ?? {}, version, topology);
        state.update(
          d.id,
          {
            prune_orphans: false,
            resources: { elasticsearch: [{ ref_id: r.refId, region: r.region, plan }] },
          },
          { validateOnly: false, user: c.principal.user },
        );
        return { body: { id: d.id }, headers: { 'x-cloud-resource-version': String(d.version) } };
      },
    },
  ];
}
