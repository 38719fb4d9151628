// `startSandbox`: the ECE API simulator on node:http(s). Parses requests,
// authenticates them, routes them, and answers in ECE's shapes — including
// ECE-shaped 401/404/405 errors, and 501 sandbox.not_simulated for an
// operation of the spec it does not simulate. Usable from tests in-process.

import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import {
  createServer as createHttp,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import { createServer as createHttps } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { placer } from './allocators.js';
import { SandboxAuth } from './auth.js';
import { answeredBy, type EceVersion, PLATFORM_VERSIONS, refusedBy } from './ece-version.js';
import { SandboxError } from './errors.js';
import { notSimulated, specOperation, swallows } from './not-simulated.js';
import type { SandboxUser } from './platform.js';
import { matchPath, routes } from './routes.js';
import { SandboxState } from './state.js';
import type { Call, Reply, Route, World } from './world.js';

export interface SandboxOptions {
  host?: string;
  port?: number;
  tls?: boolean;
  deployments?: number;
  /**
   * The stack version the seeded user deployments run (default the newest
   * of the catalog): an older one gives a fleet to upgrade. It must be one
   * of the catalog's versions, as a real deployment's must be installed.
   */
  seedVersion?: string;
  /** Seed the installation's three system deployments (default true). */
  systemDeployments?: boolean;
  tokenTtlMs?: number;
  planDurationMs?: number;
  /** The ECE version it answers as where 3.8 and 4.0 differ (default 3.8). */
  eceVersion?: EceVersion;
  user?: string;
  password?: string;
  now?: () => number;
  /** Sees every exchange: tests validate bodies against the spec here. */
  onExchange?: (e: Exchange) => void;
}

export interface Exchange {
  method: string;
  url: string;
  /** The matched path template (`/deployments/{id}`), if any. */
  template?: string;
  status: number;
  body: unknown;
  requestBody: unknown;
  /** The sandbox's clock when it answered: a request log with times (how many plans ran at once). */
  at: number;
}

export interface Sandbox {
  url: string;
  apiKey: string;
  user: string;
  password: string;
  caFile?: string;
  state: SandboxState;
  auth: SandboxAuth;
  close(): Promise<void>;
}

const API = '/api/v1';
/** The user that owns the API key the sandbox prints. */
export const KEY_USER = 'sandbox-admin';
const MAX_BODY = 10 * 1024 * 1024;

export async function startSandbox(opts: SandboxOptions = {}): Promise<Sandbox> {
  // Read at each call, not captured: a test may put Date on a virtual clock after the start.
  const now = opts.now ?? (() => Date.now());
  const user = opts.user ?? 'admin';
  const password = opts.password ?? randomBytes(12).toString('base64url');
  const state = new SandboxState({ planDurationMs: opts.planDurationMs ?? 10_000, now });
  const auth = new SandboxAuth({ user, password, tokenTtlMs: opts.tokenTtlMs ?? 15 * 60_000, now });
  const users: SandboxUser[] = [
    {
      name: user,
      roles: ['ece_platform_admin'],
      fullName: 'Platform administrator',
      builtin: true,
    },
    ...(user === 'readonly'
      ? []
      : [
          {
            name: 'readonly',
            roles: ['ece_platform_viewer'],
            fullName: 'Platform viewer',
            builtin: true,
          },
        ]),
  ];
  // The printed key belongs to a platform admin created after install, as
  // on a real ECE, which gives its built-in users no API keys.
  if (!users.some((u) => u.name === KEY_USER)) {
    users.push({
      name: KEY_USER,
      roles: ['ece_platform_admin'],
      fullName: 'Sandbox platform administrator',
      builtin: false,
    });
  }
  const eceVersion = opts.eceVersion ?? '3.8';
  const world: World = {
    state,
    auth,
    users,
    maintenance: new Set(),
    platformVersion: PLATFORM_VERSIONS[eceVersion],
  };
  // Plans place their instances by the allocators' free memory.
  state.placer = placer(state, world.maintenance);
  const table = routes(world);
  state.seed(opts.deployments ?? 3, user, opts.systemDeployments !== false, opts.seedVersion);
  const apiKey = auth.addKey(KEY_USER, 'ece sandbox key').key;

  const host = opts.host ?? '127.0.0.1';
  const handler = (req: IncomingMessage, res: ServerResponse) => {
    handle(req, res, table, auth, eceVersion, opts.onExchange, now).catch(() => {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  };
  let server: Server;
  let caFile: string | undefined;
  let removeCa = () => {};
  if (opts.tls) {
    const { makeSandboxPki } = await import('./tls.js');
    const pki = await makeSandboxPki(host);
    caFile = pki.caFile;
    removeCa = pki.remove;
    server = createHttps({ key: pki.key, cert: pki.cert }, handler);
  } else {
    server = createHttp(handler);
  }
  const sockets = new Set<Socket>();
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  server.listen(opts.port ?? 0, host);
  await Promise.race([
    once(server, 'listening'),
    once(server, 'error').then(([err]) => {
      throw err;
    }),
  ]).catch((err: unknown) => {
    removeCa();
    throw err;
  });
  const { port } = server.address() as AddressInfo;
  const shown = host.includes(':') ? `[${host}]` : host;
  return {
    url: `${opts.tls ? 'https' : 'http'}://${shown}:${port}`,
    apiKey,
    user,
    password,
    ...(caFile ? { caFile } : {}),
    state,
    auth,
    close: async () => {
      server.close();
      for (const s of sockets) s.destroy();
      await once(server, 'close').catch(() => undefined);
      // The CA file was printed for this run only (Ctrl-C and SIGTERM end here too).
      removeCa();
    },
  };
}

async function handle(
  req: IncomingMessage,
  res: ServerResponse,
  table: Route[],
  auth: SandboxAuth,
  eceVersion: EceVersion,
  onExchange: SandboxOptions['onExchange'],
  now: () => number,
): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://sandbox');
  const method = (req.method ?? 'GET').toUpperCase();
  let template: string | undefined;
  let requestBody: unknown;
  let reply: Reply;
  try {
    const bytes = await readBody(req);
    // An upload (extension archive, stack pack) reaches its route as bytes.
    const multipart = /^multipart\/form-data/i.test(req.headers['content-type'] ?? '');
    // A text body (an extra certificate bundle, sent as application/text) reaches its route as text.
    const textual = /^(application\/text|text\/plain)\b/i.test(req.headers['content-type'] ?? '');
    requestBody = multipart
      ? undefined
      : textual
        ? bytes.toString('utf8')
        : parseBody(bytes.toString('utf8'));
    if (!url.pathname.startsWith(`${API}/`) && url.pathname !== API)
      throw unknownPath(url.pathname);
    const path = url.pathname.slice(API.length).replace(/\/+$/, '') || '/';
    let allowed = false;
    let found: { route: Route; params: Record<string, string> } | undefined;
    const refused = refusedBy(eceVersion, method, path, requestBody);
    if (refused) {
      auth.authenticate(req.headers.authorization);
      throw refused;
    }
    const op = specOperation(method, path);
    for (const route of table) {
      const params = matchPath(route.path, path);
      if (!params) continue;
      allowed = true;
      if (op && swallows(route.path, op)) continue;
      if (route.method === method) {
        found = { route, params };
        break;
      }
    }
    if (!found) {
      if (op) {
        // As ECE would: no credentials is 401 before anything else.
        auth.authenticate(req.headers.authorization);
        throw notSimulated(op);
      }
      if (allowed)
        throw new SandboxError(
          405,
          'root.method_not_allowed',
          `Method [${method}] is not allowed on [${url.pathname}]`,
        );
      throw unknownPath(url.pathname);
    }
    template = found.route.path;
    const principal =
      found.route.auth === false
        ? { user: '', method: 'basic' as const }
        : auth.authenticate(req.headers.authorization);
    const raw = found.route.stringBody && typeof requestBody === 'string' ? requestBody : undefined;
    const call: Call = {
      principal,
      params: found.params,
      query: url.searchParams,
      body: (raw === undefined ? (requestBody ?? {}) : {}) as Record<string, unknown>,
      headers: req.headers,
      ...(multipart ? { raw: bytes } : {}),
      ...(raw === undefined ? {} : { text: raw }),
    };
    if (call.body === null || typeof call.body !== 'object' || Array.isArray(call.body)) {
      throw new SandboxError(400, 'root.invalid_data', 'The request body must be a JSON object');
    }
    reply = answeredBy(eceVersion, method, path, await found.route.handle(call));
  } catch (caught) {
    const err =
      caught instanceof SandboxError
        ? caught
        : new SandboxError(
            500,
            'root.unexpected_error',
            `The sandbox failed: ${(caught as Error).message}`,
          );
    const error = {
      code: err.code,
      message: err.message,
      ...(err.fields ? { fields: err.fields } : {}),
    };
    reply = {
      status: err.status,
      body: { errors: [error] },
      headers: { 'x-cloud-error-codes': err.code },
    };
  }
  const status = reply.status ?? 200;
  const text = reply.text ?? JSON.stringify(reply.body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    ...reply.headers,
  });
  res.end(text);
  onExchange?.({
    method,
    url: url.pathname + url.search,
    ...(template ? { template } : {}),
    status,
    body: reply.body,
    requestBody,
    at: now(),
  });
}

function unknownPath(path: string): SandboxError {
  return new SandboxError(
    404,
    'root.resource_not_found',
    `The requested resource [${path}] could not be found`,
  );
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY)
      throw new SandboxError(413, 'root.invalid_data', 'The request body is too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

function parseBody(text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw new SandboxError(400, 'root.invalid_data', 'The request body is not valid JSON');
  }
}
