// The sandbox's endpoints: path templates as in the specification, each
// handled against the state. Handlers return a status and a body or throw
// SandboxError.

import { allocatorRoutes } from './allocator-routes.js';
import { allocators } from './allocators.js';
import { commentRoutes } from './comments.js';
import { constructorResyncRoutes } from './constructor-resync.js';
import { coordinatorRoutes } from './coordinators.js';
import { deploymentRoutes } from './deployment-routes.js';
import { enrollmentRoutes } from './enrollment.js';
import { SandboxError } from './errors.js';
import { esRoutes } from './es-proxy.js';
import { extensionRoutes } from './extensions.js';
import { infrastructureRoutes } from './infrastructure.js';
import { instanceConfigRoutes } from './instance-configs.js';
import { instanceRoutes } from './instances.js';
import { keystoreRoutes } from './keystore.js';
import { licenseRoutes } from './license.js';
import { loggingRoutes } from './logging.js';
import { platformInfo, stackVersions, user } from './platform.js';
import { platformConfigRoutes } from './platform-config.js';
import { proxyGroupRoutes } from './proxy-groups.js';
import { remoteClusterRoutes } from './remote-clusters.js';
import { resourceOpRoutes } from './resource-ops.js';
import { resourceRoutes } from './resource-routes.js';
import { runnerRoutes } from './runners.js';
import { securityRealmRoutes } from './security.js';
import { securityDeploymentRoutes } from './security-deployment.js';
import { snapshotRepoRoutes } from './snapshot-repos.js';
import { stackRoutes } from './stack.js';
import { templateRoutes } from './templates.js';
import { tlsRoutes } from './tls-config.js';
import { trafficFilterRoutes } from './traffic-filters.js';
import { allKeysRoutes, userRoutes } from './users.js';
import type { Call, Route, World } from './world.js';

export function routes(w: World): Route[] {
  const { state, auth } = w;
  const find = (name: string) => {
    const u = w.users.find((x) => x.name === name);
    if (!u) throw new SandboxError(404, 'user.not_found', `User [${name}] cannot be found`);
    return u;
  };
  const userNamed = (name: string) => user(find(name));
  const allocator = (id: string) => {
    for (const z of allocators(state, w.maintenance).zones as {
      allocators: { allocator_id: string }[];
    }[]) {
      const a = z.allocators.find((x) => x.allocator_id === id);
      if (a) return a;
    }
    throw new SandboxError(
      404,
      'allocators.allocator_not_found',
      `Allocator [${id}] cannot be found`,
    );
  };
  return [
    // Before /users/auth/keys/{id}, which would take `_all` for an id.
    ...allKeysRoutes(w),
    {
      method: 'POST',
      path: '/users/auth/_login',
      auth: false,
      handle: (c) => ({ body: auth.login(c.body) }),
    },
    {
      method: 'POST',
      path: '/users/auth/_refresh',
      handle: (c) => ({ body: auth.refresh(c.principal) }),
    },
    {
      method: 'POST',
      path: '/users/auth/_logout',
      handle: (c) => ({ body: auth.logout(c.principal) }),
    },
    { method: 'GET', path: '/users/auth', handle: (c) => ({ body: auth.info(c.principal) }) },
    { method: 'GET', path: '/user', handle: (c) => ({ body: userNamed(c.principal.user) }) },
    {
      method: 'GET',
      path: '/users/auth/keys',
      handle: (c) => ({ body: auth.listKeys(c.principal.user) }),
    },
    {
      method: 'POST',
      path: '/users/auth/keys',
      handle: (c) => ({ status: 201, body: auth.createKey(c.principal.user, c.body) }),
    },
    {
      method: 'GET',
      path: '/users/auth/keys/{id}',
      handle: (c) => ({ body: auth.getKey(c.principal.user, c.params.id ?? '') }),
    },
    {
      method: 'DELETE',
      path: '/users/auth/keys/{id}',
      handle: (c) => ({ body: auth.deleteKey(c.principal.user, c.params.id ?? '') }),
    },
    { method: 'GET', path: '/platform', handle: () => ({ body: platformInfo(w.platformVersion) }) },
    {
      method: 'GET',
      path: '/platform/infrastructure/allocators',
      handle: () => ({ body: allocators(state, w.maintenance) }),
    },
    {
      method: 'GET',
      path: '/platform/infrastructure/allocators/{id}',
      handle: (c) => ({ body: allocator(c.params.id ?? '') }),
    },
    ...(['_start', '_stop'] as const).map((verb) => ({
      method: 'POST',
      path: `/platform/infrastructure/allocators/{id}/maintenance-mode/${verb}`,
      handle: (c: Call) => {
        const id = c.params.id ?? '';
        allocator(id);
        if (verb === '_start') w.maintenance.add(id);
        else w.maintenance.delete(id);
        return { status: 202, body: {} };
      },
    })),
    {
      method: 'GET',
      path: '/stack/versions',
      handle: () => ({ body: stackVersions(state.stacks) }),
    },
    // Before deploymentRoutes: /deployments/extensions and /deployments/templates are not deployment ids.
    ...extensionRoutes(state),
    ...templateRoutes(state),
    ...deploymentRoutes(state),
    ...esRoutes(state),
    ...instanceConfigRoutes(),
    ...snapshotRepoRoutes(),
    ...infrastructureRoutes(state),
    ...licenseRoutes(state.now),
    ...stackRoutes(state),
    ...runnerRoutes(state, w.maintenance),
    ...enrollmentRoutes(),
    ...tlsRoutes(),
    ...userRoutes(w),
    ...trafficFilterRoutes(state),
    ...commentRoutes(state),
    ...instanceRoutes(state),
    ...keystoreRoutes(state),
    ...remoteClusterRoutes(state),
    ...allocatorRoutes(w),
    ...loggingRoutes(),
    ...platformConfigRoutes(state),
    ...constructorResyncRoutes(),
    ...resourceOpRoutes(state),
    ...securityRealmRoutes(),
    ...securityDeploymentRoutes(state),
    ...coordinatorRoutes(),
    ...proxyGroupRoutes(state),
    // Last: /deployments/{id}/{kind}/{ref} would take any three segments.
    ...resourceRoutes(state),
  ];
}

/** Matches a concrete path against a template; literal segments win over parameters by route order. */
export function matchPath(template: string, path: string): Record<string, string> | undefined {
  const t = template.split('/');
  let p = path.split('/');
  // The proxy's {proxy_path} is the rest of the path, slashes and all.
  const rest = t.at(-1) === '{proxy_path}';
  if (rest && p.length > t.length)
    p = [...p.slice(0, t.length - 1), p.slice(t.length - 1).join('/')];
  // The server drops a trailing slash: `…/proxy/` is Elasticsearch's root.
  if (rest && p.length === t.length - 1) p = [...p, ''];
  if (t.length !== p.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < t.length; i++) {
    const seg = t[i] ?? '';
    const val = p[i] ?? '';
    if (seg.startsWith('{')) {
      if (val === '' && !(rest && i === t.length - 1)) return undefined;
      try {
        params[seg.slice(1, -1)] = decodeURIComponent(val);
      } catch {
        return undefined;
      }
    } else if (seg !== val) return undefined;
  }
  return params;
}
