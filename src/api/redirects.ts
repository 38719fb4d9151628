// Which redirects are followed (DESIGN.md, docs/connection.md): at most 5;
// never from https to http; never to another origin for a request with a
// body (a password on _login must not follow a 307 elsewhere); to another
// origin without the Authorization header. A refused redirect is exit 6 and
// names both origins; during a check of a credential (login with a key) a
// redirect to another origin is exit 4: that origin's answer proves nothing.

import { AuthError, NetworkError } from '../errors.js';
import type { FileBody } from './multipart.js';

export const REDIRECTS = new Set([301, 302, 303, 307, 308]);
export const MAX_REDIRECTS = 5;

export interface Hop {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string | FileBody | undefined;
}

/** The next request after a redirect answer, undefined to stop here (the answer is returned). */
export function nextHop(
  current: Hop,
  status: number,
  location: string | undefined,
  hops: number,
  /** A check of a credential: another origin's answer cannot verify it (exit 4). */
  verifying = false,
): Hop | undefined {
  if (!REDIRECTS.has(status) || !location || hops >= MAX_REDIRECTS) return undefined;
  let next: URL;
  try {
    next = new URL(location, current.url);
  } catch {
    return undefined;
  }
  if (next.protocol !== 'https:' && next.protocol !== 'http:') return undefined;
  const from = new URL(current.url);
  if (from.protocol === 'https:' && next.protocol === 'http:') {
    throw new NetworkError(
      `refused a redirect from ${from.origin} to ${next.origin}: ece never follows a redirect from https to http`,
      'EREDIRECT',
    );
  }
  const headers = { ...current.headers };
  const crossOrigin = next.origin !== from.origin;
  if (crossOrigin) {
    if (current.body !== undefined) {
      throw new NetworkError(
        `refused a redirect from ${from.origin} to ${next.origin}: ece never sends a request body to another origin (${current.method} ${from.pathname})`,
        'EREDIRECT',
      );
    }
    if (verifying) {
      throw new AuthError(
        `refused a redirect from ${from.origin} to ${next.origin} while checking the credential: only ${from.origin} itself can say that it works`,
      );
    }
    // Credentials stay with the origin they were meant for.
    delete headers.authorization;
    delete headers.cookie;
  }
  let { method, body } = current;
  if (status === 303 || ((status === 301 || status === 302) && method === 'POST')) {
    method = 'GET';
    body = undefined;
    delete headers['content-type'];
  }
  return { method, url: next.toString(), headers, body };
}
