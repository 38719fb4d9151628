// Proxies and constructors (/platform/infrastructure/proxies|constructors):
// a proxy on each of the three hosts, as /platform counts them (hosts and
// settings kept by proxy-groups.ts), and one constructor, whose maintenance
// mode the routes keep.

import { SandboxError } from './errors.js';
import { PROXY_HOSTS as HOSTS, proxiesSettings, proxyMetadata } from './proxy-groups.js';
import type { SandboxState } from './state.js';
import type { Route } from './world.js';

export const CONSTRUCTOR = '192.168.44.10';
const KINDS = ['elasticsearch', 'kibana', 'apm', 'integrations_server', 'enterprise_search'];

export function infrastructureRoutes(state: SandboxState): Route[] {
  let maintenance = false;
  const proxy = (h: (typeof HOSTS)[number]) => {
    const counts = new Map<string, number>();
    for (const d of state.list())
      for (const r of d.resources) counts.set(r.kind, (counts.get(r.kind) ?? 0) + 1);
    return {
      proxy_id: h.ip,
      runner_id: h.ip,
      host_ip: h.ip,
      public_hostname: h.name,
      zone: h.zone,
      healthy: true,
      metadata: proxyMetadata(h),
      allocations: KINDS.map((kind) => ({
        allocations_type: kind,
        counts: { allocations: counts.get(kind) ?? 0, connectors: counts.get(kind) ?? 0 },
      })),
    };
  };
  const constructorInfo = () => ({
    constructor_id: CONSTRUCTOR,
    status: { connected: true, maintenance_mode: maintenance },
  });
  const findConstructor = (id: string) => {
    if (id !== CONSTRUCTOR)
      throw new SandboxError(
        404,
        'constructors.constructor_not_found',
        `Constructor [${id}] cannot be found`,
      );
  };
  return [
    {
      method: 'GET',
      path: '/platform/infrastructure/proxies',
      handle: () => ({
        body: {
          proxies_count: HOSTS.length,
          proxies: HOSTS.map(proxy),
          settings: proxiesSettings(state).doc,
        },
      }),
    },
    {
      method: 'GET',
      path: '/platform/infrastructure/proxies/{id}',
      handle: (c) => {
        const h = HOSTS.find((x) => x.ip === c.params.id);
        if (!h)
          throw new SandboxError(
            404,
            'proxies.proxy_not_found',
            `Proxy [${c.params.id}] cannot be found`,
          );
        return { body: proxy(h) };
      },
    },
    {
      method: 'GET',
      path: '/platform/infrastructure/constructors',
      handle: () => ({ body: { constructors: [constructorInfo()] } }),
    },
    {
      method: 'GET',
      path: '/platform/infrastructure/constructors/{id}',
      handle: (c) => {
        findConstructor(c.params.id ?? '');
        return { body: constructorInfo() };
      },
    },
    ...(['_start', '_stop'] as const).map(
      (verb): Route => ({
        method: 'POST',
        path: `/platform/infrastructure/constructors/{id}/maintenance-mode/${verb}`,
        handle: (c) => {
          findConstructor(c.params.id ?? '');
          maintenance = verb === '_start';
          return { status: 202, body: {} };
        },
      }),
    ),
  ];
}
