// The sandbox in-process for tests: every exchange recorded, a clock the test
// can move, and a small client that speaks to it over real HTTP.

import { after, before } from 'node:test';
import {
  type Exchange,
  type Sandbox,
  type SandboxOptions,
  startSandbox,
} from '../../src/sandbox/server.js';
import { registerSecret } from './secrets.js';
import { assertContract } from './server.js';

export interface TestSandbox {
  sb: Sandbox;
  /** What the CLI needs to reach it: ECE_HOST and ECE_API_KEY (a new object each time). */
  readonly env: Record<string, string>;
  exchanges: Exchange[];
  /** Moves the sandbox's clock forward (only with a fake clock). */
  advance(ms: number): void;
  call(
    method: string,
    path: string,
    opts?: {
      body?: unknown;
      auth?: string | null;
      /** The body as sent (a Buffer for binary: a multipart upload). */
      raw?: string | Buffer;
      headers?: Record<string, string>;
    },
  ): Promise<{ status: number; body: unknown; headers: Headers }>;
  close(): Promise<void>;
}

export async function testSandbox(
  opts: SandboxOptions & { fakeClock?: boolean; contract?: boolean } = {},
): Promise<TestSandbox> {
  let offset = 0;
  const { fakeClock, contract, onExchange, ...rest } = opts;
  const exchanges: Exchange[] = [];
  const sb = await startSandbox({
    ...(fakeClock ? { now: () => Date.now() + offset } : {}),
    ...rest,
    onExchange: (e) => {
      exchanges.push(e);
      onExchange?.(e);
    },
  });
  return {
    sb,
    get env() {
      return { ECE_HOST: sb.url, ECE_API_KEY: sb.apiKey };
    },
    exchanges,
    advance: (ms) => {
      if (!fakeClock) throw new Error('advance needs fakeClock');
      offset += ms;
    },
    call: async (method, path, o = {}) => {
      const headers: Record<string, string> = { ...o.headers };
      const auth = o.auth === undefined ? `ApiKey ${sb.apiKey}` : o.auth;
      if (auth !== null) headers.authorization = auth;
      let body: string | Buffer | undefined = o.raw;
      if (o.body !== undefined) {
        body = JSON.stringify(o.body);
        headers['content-type'] = 'application/json';
      }
      const res = await fetch(`${sb.url}/api/v1${path}`, {
        method,
        headers,
        ...(body !== undefined ? { body } : {}),
      });
      const text = await res.text();
      return {
        status: res.status,
        body: text ? JSON.parse(text) : undefined,
        headers: res.headers,
      };
    },
    close: async () => {
      await sb.close();
      // Requests the CLI sent: every one an operation of the spec with a valid body.
      if (contract !== false) {
        assertContract(
          exchanges.map((e) => ({
            method: e.method,
            url: e.url,
            // A body that is a JSON string (the TLS chain) goes back to its wire form.
            body: typeof e.requestBody === 'string' ? JSON.stringify(e.requestBody) : e.requestBody,
          })),
        );
      }
    },
  };
}

/** A deployment create request as a user would write it. */
export function createRequest(
  name: string,
  kinds: string[] = ['elasticsearch', 'kibana'],
): Record<string, unknown> {
  const resources: Record<string, unknown[]> = {};
  for (const kind of kinds) {
    resources[kind] = [
      {
        ref_id: `main-${kind}`,
        region: 'ece-region',
        ...(kind === 'elasticsearch' ? {} : { elasticsearch_cluster_ref_id: 'main-elasticsearch' }),
        plan:
          kind === 'elasticsearch'
            ? {
                cluster_topology: [
                  {
                    id: 'hot_content',
                    zone_count: 1,
                    instance_configuration_id: 'data.default',
                    size: { resource: 'memory', value: 2048 },
                  },
                ],
                elasticsearch: { version: '8.15.1' },
              }
            : {
                cluster_topology: [{ zone_count: 1, size: { resource: 'memory', value: 1024 } }],
                [kind]: { version: '8.15.1' },
              },
      },
    ];
  }
  return { name, resources, metadata: { tags: [{ key: 'team', value: 'search' }] } };
}

/** The sandbox of a suite, with the environment the CLI needs to reach it. */
export interface SuiteSandbox extends TestSandbox {
  /** ECE_HOST and ECE_API_KEY of the sandbox: filled in before the suite's first test. */
  env: Record<string, string>;
}

/**
 * A sandbox for the tests of the enclosing describe(): started before its
 * first test (its API key registered as a secret), closed after its last (the
 * requests the CLI sent checked against the spec). Call it in the describe()
 * callback; use the result inside tests and hooks.
 */
export function useSandbox(
  opts: SandboxOptions & { fakeClock?: boolean; contract?: boolean } = {},
): SuiteSandbox {
  let current: TestSandbox | undefined;
  const env: Record<string, string> = {};
  const get = () => {
    if (!current) throw new Error('the sandbox starts before the first test: use it in a test');
    return current;
  };
  before(async () => {
    current = await testSandbox(opts);
    registerSecret(current.sb.apiKey);
    Object.assign(env, current.env);
  });
  after(async () => {
    await current?.close();
  });
  return {
    get sb() {
      return get().sb;
    },
    get exchanges() {
      return get().exchanges;
    },
    advance: (ms) => get().advance(ms),
    call: (method, path, o) => get().call(method, path, o),
    close: () => get().close(),
    env,
  };
}
