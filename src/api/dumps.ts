// Typed calls for thread and heap dumps of a deployment's instances, and
// how their bodies become the dump's bytes. Silent: requests are data, the
// command sends them.
//
// The spec declares both dumps as `string` (format `byte`) in an
// application/json response: a JSON string holding base64, which is what
// Elastic's generated Go client decodes. A server that answers the raw
// bytes (any other content type) is taken as it is.

import type { ApiResponse } from './body.js';
import type { ApiClient, RequestOptions } from './client.js';
import { segment } from './path.js';

/** The kinds whose thread dumps the API captures. */
export const THREAD_DUMP_KINDS = ['elasticsearch', 'kibana', 'apm'] as const;

/**
 * The kinds whose heap dumps can be followed: the capture names
 * Elasticsearch, Kibana and APM, but GET /deployments/{id}/heap_dumps
 * (DeploymentHeapDumps) reports only Elasticsearch and Enterprise Search.
 */
export const HEAP_DUMP_KINDS = ['elasticsearch'] as const;

/** One heap dump as GET /deployments/{id}/heap_dumps lists it (HeapDump). */
export interface HeapDump {
  instance_id?: string;
  size?: number;
  type?: string;
  status?: string;
  error?: string;
  captured?: string;
}

/** DeploymentHeapDumps: per kind, the resources and their dumps. */
export type DeploymentHeapDumps = Partial<
  Record<string, { ref_id?: string; id?: string; heap_dumps?: HeapDump[] }[]>
>;

const instancePath = (id: string, kind: string, refId: string, instance: string) =>
  `/deployments/${segment(id)}/${segment(kind)}/${segment(refId)}/instances/${segment(instance)}`;

/** POST …/thread_dump/_capture: the answer is the dump. */
export function threadDumpRequest(
  id: string,
  kind: string,
  refId: string,
  instance: string,
): RequestOptions {
  // Capturing twice does no harm: safe to retry.
  return {
    method: 'POST',
    path: `${instancePath(id, kind, refId, instance)}/thread_dump/_capture`,
    idempotent: true,
  };
}

/** POST …/heap_dump/_capture: 202, the capture runs in the background. */
export function heapDumpCaptureRequest(
  id: string,
  kind: string,
  refId: string,
  instance: string,
): RequestOptions {
  return {
    method: 'POST',
    path: `${instancePath(id, kind, refId, instance)}/heap_dump/_capture`,
  };
}

/** GET /deployments/{id}/heap_dumps: the heap dumps of every instance, and captures in progress. */
export function listHeapDumps(api: ApiClient, id: string): Promise<ApiResponse> {
  return api.request({
    method: 'GET',
    path: `/deployments/${segment(id)}/heap_dumps`,
    retry: false,
  });
}

/** GET …/heap_dump/_download. */
export function heapDumpDownloadRequest(
  id: string,
  kind: string,
  refId: string,
  instance: string,
): RequestOptions {
  return { method: 'GET', path: `${instancePath(id, kind, refId, instance)}/heap_dump/_download` };
}

/** The dump of one instance in a DeploymentHeapDumps body, if listed. */
export function findHeapDump(
  body: DeploymentHeapDumps,
  kind: string,
  refId: string,
  instance: string,
): HeapDump | undefined {
  const resources = body[kind] ?? [];
  const resource =
    resources.find((r) => r.ref_id === refId) ?? (refId === '_main' ? resources[0] : undefined);
  return resource?.heap_dumps?.find((d) => d.instance_id === instance);
}

/** The dump's bytes: a JSON string is base64 (as the spec has it); anything else is the dump. */
export function dumpBytes(res: ApiResponse): Buffer {
  const raw = res.bytes ?? Buffer.from(res.text, 'utf8');
  if (!(res.headers['content-type'] ?? '').includes('json')) return raw;
  const text = res.text.trim();
  if (!text.startsWith('"')) return raw;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return raw;
  }
  if (typeof value !== 'string') return raw;
  const compact = value.replace(/\s+/g, '');
  return /^[A-Za-z0-9+/]*={0,2}$/.test(compact) && compact.length % 4 === 0
    ? Buffer.from(compact, 'base64')
    : Buffer.from(value, 'utf8');
}
