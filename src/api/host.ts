// Turns what a user types as a host (`name`, `name:port`, a URL with an
// optional reverse-proxy prefix) into the API's base URL, per DESIGN.md.

import { UsageError } from '../errors.js';

export const HTTPS_PORT = 12443;
export const HTTP_PORT = 12400;
const API_PATH = '/api/v1';

export interface Endpoint {
  /** `https://host:port/prefix`, without a trailing slash and without /api/v1. */
  root: string;
  /** `root` + `/api/v1`. */
  baseUrl: string;
  /** `https://host:port`: what stored credentials are bound to. */
  origin: string;
  protocol: 'https:' | 'http:';
  hostname: string;
  port: number;
}

const SCHEME = /^([a-zA-Z][a-zA-Z0-9+.-]*):\/\//;
// host (name, IPv4 or [IPv6]) then an optional :port, then an optional path.
const AUTHORITY = /^(\[[0-9a-fA-F:.]+\]|[^/:?#@[\]\s]+)(?::([^/?#]*))?(\/[^?#]*)?$/;

export function parseHost(input: string): Endpoint {
  const raw = input.trim();
  if (raw === '') throw new UsageError('the host is empty');
  let protocol: 'https:' | 'http:' = 'https:';
  let rest = raw;
  const scheme = SCHEME.exec(raw);
  if (scheme) {
    const name = scheme[1]?.toLowerCase();
    if (name !== 'https' && name !== 'http') {
      throw new UsageError(`invalid host "${input}": the scheme must be https:// or http://`);
    }
    protocol = `${name}:`;
    rest = raw.slice(scheme[0].length);
  }
  if (rest.includes('@')) {
    throw new UsageError(
      `invalid host "${input}": credentials in the URL are not accepted; use --api-key, ECE_API_KEY or 'ece login'`,
    );
  }
  if (/[?#]/.test(rest)) {
    throw new UsageError(`invalid host "${input}": a query string or fragment is not allowed`);
  }
  const m = AUTHORITY.exec(rest);
  if (!m?.[1]) throw new UsageError(`invalid host "${input}"`);
  const hostname = m[1].toLowerCase();
  let port = protocol === 'https:' ? HTTPS_PORT : HTTP_PORT;
  if (m[2] !== undefined) {
    if (!/^\d{1,5}$/.test(m[2]) || Number(m[2]) < 1 || Number(m[2]) > 65535) {
      throw new UsageError(`invalid host "${input}": the port must be a number from 1 to 65535`);
    }
    port = Number(m[2]);
  }
  let prefix = (m[3] ?? '').replace(/\/+$/, '');
  // People paste the API's base URL; the prefix is what comes before /api/v1.
  if (prefix === API_PATH || prefix.endsWith(API_PATH)) prefix = prefix.slice(0, -API_PATH.length);
  const origin = `${protocol}//${hostname}:${port}`;
  const root = origin + prefix;
  return { root, baseUrl: root + API_PATH, origin, protocol, hostname, port };
}

/** Loopback hosts: plain http with a credential is only warned about elsewhere. */
export function isLoopback(hostname: string): boolean {
  const h = hostname.replace(/^\[|\]$/g, '');
  return h === 'localhost' || h === '::1' || /^127\.\d+\.\d+\.\d+$/.test(h);
}
