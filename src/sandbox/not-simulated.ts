// The answer to an operation of the specification that the sandbox does not
// simulate: 501 `sandbox.not_simulated`, naming the operation (method, the
// spec's path template and its operationId). Never ECE's 404, which a script
// would take for "that thing does not exist".

import { SandboxError } from './errors.js';
import { KINDS } from './plans.js';
import { SPEC_OPERATIONS } from './spec-operations.js';

export interface SpecOperation {
  method: string;
  path: string;
  operationId: string;
}

let parsed: SpecOperation[] | undefined;

function operations(): SpecOperation[] {
  parsed ??= SPEC_OPERATIONS.map((line) => {
    const [method = '', path = '', operationId = ''] = line.split(' ');
    return { method, path, operationId };
  });
  return parsed;
}

/** The spec's operation for a request (path below /api/v1): literal segments win over parameters. */
export function specOperation(method: string, path: string): SpecOperation | undefined {
  const segments = path.split('/');
  let best: { op: SpecOperation; params: number } | undefined;
  for (const op of operations()) {
    if (op.method !== method) continue;
    const parts = op.path.split('/');
    // The proxy's {proxy_path} is the rest of the path, slashes and all.
    const rest = parts.at(-1) === '{proxy_path}';
    if (rest ? segments.length < parts.length : segments.length !== parts.length) continue;
    if (!parts.every((p, i) => (p.startsWith('{') ? segments[i] !== '' : p === segments[i])))
      continue;
    const params = parts.filter((p) => p.startsWith('{')).length;
    if (!best || params < best.params) best = { op, params };
  }
  return best?.op;
}

export function notSimulated(op: SpecOperation): SandboxError {
  return new SandboxError(
    501,
    'sandbox.not_simulated',
    `The sandbox does not simulate ${op.method} ${op.path} (${op.operationId}); a real ECE would answer it`,
  );
}

/**
 * Whether a route's parameter would take a literal segment of another
 * operation (`/proxies/{id}` for `/proxies/health`): that route is not the
 * operation's. A `{kind}` parameter standing for `elasticsearch`, `kibana`, …
 * is the sandbox's generic form of the per-kind operations, not a mistake.
 */
export function swallows(route: string, op: SpecOperation): boolean {
  const mine = route.split('/');
  return op.path
    .split('/')
    .some(
      (seg, i) =>
        !seg.startsWith('{') &&
        mine[i]?.startsWith('{') === true &&
        !(KINDS as readonly string[]).includes(seg),
    );
}
