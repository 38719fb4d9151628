// A planned write (RequestOptions) checked against the ECE API specification
// without sending it: the URL it would have, and what the spec says of it.

import type { RequestOptions } from '../../src/api/client.js';
import { findOperation, requestViolations } from './spec.js';

/** `/api/v1/path?query`, as the client would build it. */
export function urlOf(w: RequestOptions): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(w.query ?? {})) if (v !== undefined) q.set(k, String(v));
  const s = q.toString();
  return `/api/v1${w.path}${s ? `?${s}` : ''}`;
}

/** The spec's operation template of a planned request, and its violations (none: []). */
export function checkPlanned(w: RequestOptions): { operation: string; violations: string[] } {
  const method = w.method ?? 'GET';
  const url = urlOf(w);
  const found = findOperation(method, url);
  // Query parameters the operation does not declare are violations too.
  const declared = new Set(
    (found?.op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name),
  );
  const unknown = Object.keys(w.query ?? {})
    .filter((k) => w.query?.[k] !== undefined && !declared.has(k))
    .map((k) => `query parameter ${k} is not declared`);
  return {
    operation: found ? `${method} ${found.template}` : `${method} ${url} (not in the spec)`,
    violations: [...requestViolations(method, url, w.body), ...(found ? unknown : [])],
  };
}
