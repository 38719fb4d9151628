// Thread and heap dumps in the sandbox. A thread dump answers at once with a
// small deterministic dump; a heap dump capture answers 202 and is
// `capturing` in GET /deployments/{id}/heap_dumps until CAPTURE_MS (or the
// plan duration, if shorter) has passed, then `available` for download. ECE
// keeps one heap dump per instance; so does the sandbox. Dumps are bodies as
// the spec declares them: a JSON string of base64.

import { SandboxError } from './errors.js';
import { iso } from './ids.js';
import type { Resource } from './model.js';
import type { SandboxState } from './state.js';
import type { Call, Route } from './world.js';

/** How long a heap dump capture takes in the sandbox, at most. */
export const CAPTURE_MS = 2_000;

interface Capture {
  captured: number;
  readyAt: number;
}

/** Per sandbox: `deployment/kind/ref_id/instance` → its one heap dump. */
const captures = new WeakMap<SandboxState, Map<string, Capture>>();

const DUMP_KINDS = ['elasticsearch', 'kibana', 'apm'];

export function threadDump(deploymentId: string, r: Resource, instance: string): string {
  return [
    `Full thread dump of ${r.kind} ${r.refId} ${instance} (deployment ${deploymentId}):`,
    '',
    '"main" #1 prio=5 os_prio=0 tid=0x0001 nid=0x1 waiting on condition',
    '   java.lang.Thread.State: WAITING (parking)',
    '',
  ].join('\n');
}

export function heapDump(deploymentId: string, r: Resource, instance: string): Buffer {
  return Buffer.concat([
    Buffer.from('JAVA PROFILE 1.0.2\0', 'latin1'),
    Buffer.from(`${deploymentId}/${r.refId}/${instance}\n`, 'utf8'),
    Buffer.from([0, 1, 2, 3, 254, 255]),
  ]);
}

/** `instanceNames`: the instances a resource has now (from instances.ts, which adds these routes). */
export function dumpRoutes(
  state: SandboxState,
  instanceNames: (r: Resource, now: number) => string[],
): Route[] {
  const table = () => {
    const t = captures.get(state) ?? new Map<string, Capture>();
    captures.set(state, t);
    return t;
  };
  /** The deployment, resource and instance of a dump call; ECE's 404s otherwise. */
  const target = (c: Call) => {
    const d = state.get(c.params.id ?? '');
    const kind = c.params.kind ?? '';
    if (!DUMP_KINDS.includes(kind))
      throw new SandboxError(
        404,
        'deployments.deployment_resource_not_found',
        `Dumps are captured for ${DUMP_KINDS.join(', ')} resources, not ${kind}`,
      );
    const r = state.resource(d, kind, c.params.ref ?? '');
    const instance = c.params.instance ?? '';
    if (!instanceNames(r, state.now()).includes(instance))
      throw new SandboxError(
        404,
        'deployments.instance_not_found_error',
        `Instance [${instance}] of the ${kind} resource [${r.refId}] cannot be found`,
      );
    return { d, r, instance, key: `${d.id}/${kind}/${r.refId}/${instance}` };
  };
  const base = '/deployments/{id}/{kind}/{ref}/instances/{instance}';
  return [
    {
      method: 'POST',
      path: `${base}/thread_dump/_capture`,
      handle: (c) => {
        const { d, r, instance } = target(c);
        return { body: Buffer.from(threadDump(d.id, r, instance)).toString('base64') };
      },
    },
    {
      method: 'POST',
      path: `${base}/heap_dump/_capture`,
      handle: (c) => {
        const { key } = target(c);
        const now = state.now();
        table().set(key, {
          captured: now,
          readyAt: now + Math.min(CAPTURE_MS, state.opts.planDurationMs),
        });
        return { status: 202, body: {} };
      },
    },
    {
      method: 'GET',
      path: `${base}/heap_dump/_download`,
      handle: (c) => {
        const { d, r, instance, key } = target(c);
        const dump = table().get(key);
        if (!dump || dump.readyAt > state.now())
          throw new SandboxError(
            404,
            'heap_dumps.heap_dump_not_found',
            `Instance [${instance}] has no heap dump available to download`,
          );
        return { body: heapDump(d.id, r, instance).toString('base64') };
      },
    },
    {
      method: 'GET',
      path: '/deployments/{id}/heap_dumps',
      handle: (c) => {
        const d = state.get(c.params.id ?? '');
        const now = state.now();
        const of = (kind: string) =>
          d.resources
            .filter((r) => r.kind === kind)
            .map((r) => ({
              ref_id: r.refId,
              id: r.id,
              heap_dumps: instanceNames(r, now).flatMap((instance) => {
                const dump = table().get(`${d.id}/${kind}/${r.refId}/${instance}`);
                if (!dump) return [];
                const ready = dump.readyAt <= now;
                return [
                  {
                    instance_id: instance,
                    type: 'on_demand',
                    status: ready ? 'available' : 'capturing',
                    captured: iso(dump.captured),
                    ...(ready ? { size: heapDump(d.id, r, instance).length } : {}),
                  },
                ];
              }),
            }));
        return {
          body: { elasticsearch: of('elasticsearch'), enterprise_search: of('enterprise_search') },
        };
      },
    },
  ];
}
