// What every route of the sandbox works with: the World it reads and
// changes, the Call it is handed and the Reply it gives. Apart from
// routes.ts (which imports every route module) so that a route module can
// name these without importing the registry that imports it.

import type { Principal, SandboxAuth } from './auth.js';
import type { SandboxUser } from './platform.js';
import type { SandboxState } from './state.js';

export interface Call {
  principal: Principal;
  params: Record<string, string>;
  query: URLSearchParams;
  body: Record<string, unknown>;
  /** Request headers, names in lower case. */
  headers: Record<string, string | string[] | undefined>;
  /** A multipart/form-data body's bytes (uploads); `body` is then empty. */
  raw?: Buffer;
  /** The body when it is a JSON string or a text body (routes with stringBody). */
  text?: string;
}

export interface Reply {
  status?: number;
  body: unknown;
  headers?: Record<string, string>;
  /** A body sent as this text instead of JSON (Elasticsearch's _cat answers through the proxy). */
  text?: string;
}

export interface Route {
  method: string;
  path: string;
  /** false for the login endpoint, which is called without credentials. */
  auth?: boolean;
  /** The body is a JSON string (the TLS chain) or text (an extra certificate bundle), not an object. */
  stringBody?: boolean;
  handle(call: Call): Reply | Promise<Reply>;
}

export interface World {
  state: SandboxState;
  auth: SandboxAuth;
  users: SandboxUser[];
  maintenance: Set<string>;
  /** What GET /platform reports (`--ece-version`: 3.8.0 or 4.0.0; absent: 3.8.0). */
  platformVersion?: string;
}
