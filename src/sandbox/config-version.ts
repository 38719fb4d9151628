// What the sandbox's versioned settings share: a value and its version
// (x-cloud-resource-version, a number that grows with every change), the
// check of a ?version= against it (a non-number is 400 …bad_version_format,
// a stale one 409 …version_conflict, with the operation's own prefix), and
// the {"value": "…"} body most of them take.

import { invalid, SandboxError } from './errors.js';
import type { Call, Reply } from './world.js';

export interface Versioned<T> {
  value: T;
  version: number;
}

export const versioned = <T>(v: Versioned<T>, body: unknown, status = 200): Reply => ({
  status,
  body,
  headers: { 'x-cloud-resource-version': String(v.version) },
});

/** ?version= against the stored version: a bad format is 400, a stale one 409 (codes per operation). */
export function checkVersion(
  c: Call,
  current: number | undefined,
  prefix: string,
  notFound: () => SandboxError,
): void {
  const sent = c.query.get('version');
  if (sent === null) return;
  if (!/^\d+$/.test(sent))
    throw new SandboxError(
      400,
      `${prefix}.bad_version_format`,
      `The version [${sent}] is not a number`,
    );
  if (current === undefined) throw notFound();
  if (Number(sent) !== current)
    throw new SandboxError(
      409,
      `${prefix}.version_conflict`,
      `The version you sent [${sent}] does not match the persisted version [${current}]`,
    );
}

export function stringValue(body: Record<string, unknown>): string {
  if (typeof body.value !== 'string') throw invalid('value must be a string', ['value']);
  return body.value;
}
