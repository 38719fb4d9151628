// Shared by the platform administration tests (instance-configs,
// snapshot-repos, proxies, constructors, license, platform info): a
// per-test server answering fixed routes, and the curl line a dry run prints.

import type { ServerResponse } from 'node:http';
import { AUTH } from '../helpers/curl.js';
import {
  type Expectation,
  json,
  type Recorded,
  startServer,
  type TestServer,
} from '../helpers/server.js';

/** `METHOD /path` (below /api/v1, no query) → status and body, or a handler. */
export type Routes = Record<
  string,
  [status: number, body: unknown] | ((req: Recorded, res: ServerResponse) => void)
>;

const open = new Set<TestServer>();

/** A per-test server; closeAll() (in afterEach) closes it if the test did not. */
export async function serve(routes: Routes, expect: Expectation[] = []): Promise<TestServer> {
  const s = await startServer(
    (req, res) => {
      const path = (req.url.split('?')[0] ?? '').replace(/^\/api\/v1/, '');
      const route = routes[`${req.method} ${path}`];
      if (route === undefined) throw new Error(`unexpected request ${req.method} ${req.url}`);
      if (typeof route === 'function') route(req, res);
      else json(res, route[0], route[1]);
    },
    { expect },
  );
  let closing: Promise<void> | undefined;
  const close = s.close;
  s.close = () => {
    open.delete(s);
    closing ??= close();
    return closing;
  };
  open.add(s);
  return s;
}

export async function closeAll(): Promise<void> {
  for (const s of [...open]) await s.close();
}

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
