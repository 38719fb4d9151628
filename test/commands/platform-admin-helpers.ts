// Shared by the platform administration tests (instance-configs,
// snapshot-repos, proxies, constructors, license, platform info): the
// per-test server answering fixed routes (helpers/server.ts serveRoutes), the
// key and environment for it, and the curl line a dry run prints.

import { AUTH } from '../helpers/curl.js';
import type { TestServer } from '../helpers/server.js';

// The scripted server lives with the other test servers (helpers/server.ts);
// these names stay for the files that import them from here.
export { closeAll, type Routes, serveRoutes as serve } from '../helpers/server.js';

export const API_KEY = 'test-api-key-0001';
export { inConfig, secretCurl, secretVar } from '../helpers/curl.js';

export const envFor = (s: TestServer) => ({ ECE_HOST: s.url, ECE_API_KEY: API_KEY });

/** A dry run's curl line, with the User-Agent (it names the build) as UA. */
export function curl(method: string, url: string, body?: unknown): string {
  const headers = `-H 'Accept: application/json' -H 'User-Agent: UA'`;
  const line = `${AUTH} | curl -sS -g -K - -X ${method} ${url} ${headers}`;
  if (body === undefined) return `${line}\n`;
  return `${line} -H 'Content-Type: application/json' --data-raw '${JSON.stringify(body)}'\n`;
}

export const ua = (stdout: string) => stdout.replace(/User-Agent: [^']*/g, 'User-Agent: UA');
