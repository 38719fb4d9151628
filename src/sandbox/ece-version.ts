// `ece sandbox --ece-version 3.8|4.0`: where ECE 4.0 answers differently
// from 3.8 (the spec's version, and the sandbox's default). From Elastic's
// ECE 4.0 breaking changes: the deprecated stateless `…/_upgrade` endpoint
// is gone, and 7.x stacks are no longer run. How a 4.0 installation words
// those answers is our reading (docs/sandbox.md): the route is unknown (404
// root.resource_not_found, as for any path ECE has not), a 7.x version is a
// stack version it does not have.

import { SandboxError } from './errors.js';
import type { Reply } from './world.js';

export const ECE_VERSIONS = ['3.8', '4.0'] as const;
export type EceVersion = (typeof ECE_VERSIONS)[number];

/** What GET /platform reports for each. */
export const PLATFORM_VERSIONS: Record<EceVersion, string> = { '3.8': '3.8.0', '4.0': '4.0.0' };

const STATELESS_UPGRADE = /^\/deployments\/[^/]+\/[a-z_]+\/[^/]+\/_upgrade$/;
const is7x = (v: unknown) => typeof v === 'string' && /^7\./.test(v);

/** A request this version refuses before any route sees it, or undefined. */
export function refusedBy(
  version: EceVersion,
  method: string,
  path: string,
  body: unknown,
): SandboxError | undefined {
  if (version === '3.8') return undefined;
  if (method === 'POST' && STATELESS_UPGRADE.test(path))
    return new SandboxError(
      404,
      'root.resource_not_found',
      `The requested resource [/api/v1${path}] could not be found`,
    );
  const stack = /^\/stack\/versions\/([^/]+)$/.exec(path)?.[1];
  if (stack !== undefined && is7x(decodeURIComponent(stack)))
    return new SandboxError(
      404,
      'stackpack.version_not_found',
      `The Elastic Stack version [${decodeURIComponent(stack)}] can't be found`,
    );
  const writesPlan =
    (method === 'POST' && path === '/deployments') ||
    (method === 'PUT' && /^\/deployments\/[^/]+$/.test(path) && !path.startsWith('/deployments/_'));
  const old = writesPlan ? planVersions(body).find(is7x) : undefined;
  if (old !== undefined)
    return new SandboxError(
      400,
      'deployments.stack_version_not_found',
      `Stack version [${old}] is not available: ECE 4.0 runs no 7.x stack`,
    );
  return undefined;
}

/** A route's answer as this version gives it: no 7.x stack listed on 4.0. */
export function answeredBy(version: EceVersion, method: string, path: string, reply: Reply): Reply {
  if (version === '3.8' || method !== 'GET' || path !== '/stack/versions') return reply;
  const body = reply.body as { stacks?: { version?: unknown; upgradable_to?: unknown[] }[] };
  return {
    ...reply,
    body: {
      ...body,
      stacks: (body.stacks ?? []).filter((s) => !is7x(s.version)),
    },
  };
}

/** Every `resources.<kind>[].plan.<kind>.version` of a create or update body. */
function planVersions(body: unknown): unknown[] {
  const resources = (body as { resources?: Record<string, unknown> } | undefined)?.resources;
  if (!resources || typeof resources !== 'object') return [];
  return Object.entries(resources).flatMap(([kind, list]) =>
    Array.isArray(list)
      ? list.map(
          (r) => (r as { plan?: Record<string, { version?: unknown }> })?.plan?.[kind]?.version,
        )
      : [],
  );
}
