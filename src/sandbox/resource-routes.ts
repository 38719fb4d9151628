// One resource of a deployment on its own: its info (`GET
// /deployments/{id}/{kind}/{ref_id}`, the second curl of Elastic's "checking
// on progress" tutorial), one plan attempt by its id (`…/activity/{attempt_id}`)
// and deleting a stateless resource (`DELETE …/{kind}/{ref_id}`), which ECE
// allows only once the resource is shut down.

import { SandboxError } from './errors.js';
import { isShutDown } from './model.js';
import { flag } from './params.js';
import { KINDS, type Kind, planInfo } from './plans.js';
import type { SandboxState } from './state.js';
import { deploymentBody } from './views.js';
import type { Call, Route } from './world.js';

const isKind = (k: string): k is Kind => (KINDS as readonly string[]).includes(k);

/** A path segment that is no resource kind: ECE's answer to a path it does not have. */
const noSuchPath = (c: Call, path: string) =>
  new SandboxError(
    404,
    'root.resource_not_found',
    `The requested resource [/api/v1${path.replace(/\{(\w+)\}/g, (_m, p: string) => c.params[p] ?? '')}] could not be found`,
  );

export function resourceRoutes(state: SandboxState): Route[] {
  const base = '/deployments/{id}/{kind}/{ref}';
  const resolve = (c: Call, path: string) => {
    const kind = c.params.kind ?? '';
    if (!isKind(kind)) throw noSuchPath(c, path);
    const d = state.get(c.params.id ?? '');
    return { d, r: state.resource(d, kind, c.params.ref ?? ''), kind };
  };
  return [
    {
      method: 'GET',
      path: base,
      handle: (c) => {
        const { d, r, kind } = resolve(c, base);
        // The resource as GET /deployments/{id} shows it, with the same query flags.
        const body = deploymentBody(d, state.now(), {
          plans: flag(c.query, 'show_plans', true),
          logs: flag(c.query, 'show_plan_logs'),
          history: flag(c.query, 'show_plan_history'),
          settings: flag(c.query, 'show_settings'),
          metadata: flag(c.query, 'show_metadata'),
          enrich: flag(c.query, 'enrich_with_template', true),
        });
        const list = (body.resources as Record<string, { ref_id: string }[]>)[kind] ?? [];
        return { body: list.find((x) => x.ref_id === r.refId) };
      },
    },
    {
      method: 'GET',
      path: `${base}/activity/{attempt}`,
      handle: (c) => {
        const { d, r, kind } = resolve(c, `${base}/activity/{attempt}`);
        const attempt = c.params.attempt ?? '';
        const plan = r.plans.find((p) => p.attemptId === attempt);
        if (!plan)
          throw new SandboxError(
            404,
            'deployments.deployment_resource_plan_attempt_not_found',
            `The ${kind} resource [${r.refId}] of deployment [${d.id}] has no plan attempt [${attempt}]`,
          );
        return { body: planInfo(plan, state.now(), { logs: true, plan: true }) };
      },
    },
    {
      method: 'DELETE',
      path: base,
      handle: (c) => {
        const { d, r, kind } = resolve(c, base);
        if (kind === 'elasticsearch')
          throw new SandboxError(
            400,
            'root.invalid_data',
            'Only a stateless resource (kibana, apm, appsearch, enterprise_search, integrations_server) can be deleted on its own; delete the deployment instead',
            ['stateless_resource_kind'],
          );
        if (!isShutDown(r, state.now()))
          throw new SandboxError(
            400,
            'deployments.resource_has_instances',
            `The ${kind} resource [${r.refId}] of deployment [${d.id}] still has instances: shut it down first`,
          );
        d.resources = d.resources.filter((x) => x !== r);
        state.touch(d);
        return { body: { id: d.id, kind, ref_id: r.refId } };
      },
    },
  ];
}
