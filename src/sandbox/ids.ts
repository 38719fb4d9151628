// Identifiers and times as ECE writes them.

import { randomBytes } from 'node:crypto';

/** 32 lower-case hex characters, like ECE's deployment and resource ids. */
export function hexId(): string {
  return randomBytes(16).toString('hex');
}

export function iso(ms: number): string {
  return new Date(ms).toISOString();
}
