// HTTP statuses and network failures → exit codes and one-line messages;
// retries for idempotent requests.

import { describe, it } from 'node:test';
import { ApiClient } from '../../src/api/client.js';
import { parseHost } from '../../src/api/host.js';
import { ApiError } from '../../src/errors.js';
import { deploymentsListText } from '../fixtures/index.js';
import assert from '../helpers/assert.js';
import { run } from '../helpers/cli.js';
import { closedPort, eceError, type Handler, json, startServer } from '../helpers/server.js';
import { stopwatch } from '../helpers/time.js';

async function against(
  handler: Handler,
  argv: string[] = ['deployments', 'list', '--json'],
  env = {},
) {
  const server = await startServer(handler);
  try {
    const r = await run(argv, { env: { ECE_HOST: server.url, ECE_API_KEY: 'k-123456', ...env } });
    return { ...r, requests: server.requests.length };
  } finally {
    await server.close();
  }
}

describe('HTTP status → exit code', () => {
  const cases: [number, string, string, number][] = [
    [401, 'root.unauthenticated', 'The supplied authentication is invalid', 4],
    [403, 'root.unauthorized', 'You are not authorized to perform this action', 4],
    [404, 'deployments.deployment_not_found', 'Deployment not found', 3],
    [400, 'root.invalid_json_request', 'The request body is malformed', 5],
    [409, 'deployments.version_conflict', 'The resource version is out of date', 5],
    [412, 'root.precondition_failed', 'Precondition failed', 5],
    [422, 'root.unprocessable', 'Unprocessable', 5],
  ];
  for (const [status, code, message, exit] of cases) {
    it(`${status} → exit ${exit}, "error: <message> (<code>)", no retry`, async () => {
      const r = await against((_q, res) => eceError(res, status, code, message));
      assert.equal(r.code, exit);
      assert.equal(r.stdout, '');
      assert.equal(r.stderr, `error: ${message} (${code})\n`);
      assert.equal(r.requests, 1);
    });
  }

  it('prints every ECE error, with fields', async () => {
    const r = await against((_q, res) =>
      json(res, 400, {
        errors: [
          { code: 'deployments.invalid', message: 'Name is too long', fields: ['name'] },
          { code: 'deployments.invalid', message: 'Unknown template' },
        ],
      }),
    );
    assert.equal(r.code, 5);
    assert.equal(
      r.stderr,
      'error: Name is too long (deployments.invalid) [name]\nerror: Unknown template (deployments.invalid)\n',
    );
  });

  it('500 is not retried (DESIGN: 429, 502, 503, 504 are): exit 1 after one request', async () => {
    const r = await against((_q, res) =>
      eceError(res, 500, 'root.unexpected_error', 'Internal error'),
    );
    assert.equal(r.code, 1);
    assert.equal(r.requests, 1);
    assert.equal(r.stderr, 'error: Internal error (root.unexpected_error)\n');
    assert.deepEqual(r.sleeps, []);
  });

  it('502 is retried, then exit 1 after 4 attempts with backoff', async () => {
    const r = await against((_q, res) => eceError(res, 502, 'root.bad_gateway', 'Bad gateway'));
    assert.equal(r.code, 1);
    assert.equal(r.requests, 4);
    assert.equal(r.stderr, 'error: Bad gateway (root.bad_gateway)\n');
    assert.equal(r.sleeps.length, 3);
    // Exponential with jitter: each within [ceiling/2, ceiling].
    const ceilings = [300, 600, 1200];
    r.sleeps.forEach((ms, i) => {
      const c = ceilings[i] ?? 0;
      assert.ok(ms >= c / 2 && ms <= c, `sleep ${i} was ${ms}`);
    });
  });

  it('ECE_MAX_ATTEMPTS bounds the attempts', async () => {
    const r = await against((_q, res) => eceError(res, 502, 'x', 'bad gateway'), undefined, {
      ECE_MAX_ATTEMPTS: '2',
    });
    assert.equal(r.code, 1);
    assert.equal(r.requests, 2);
  });

  for (const status of [429, 502, 503, 504]) {
    it(`${status} then 200 → success`, async () => {
      const r = await against((_q, res, n) =>
        n === 1 ? eceError(res, status, 'root.busy', 'busy') : json(res, 200, deploymentsListText),
      );
      assert.equal(r.code, 0, r.stderr);
      assert.equal(r.stdout, deploymentsListText);
      assert.equal(r.stderr, '');
      assert.equal(r.requests, 2);
    });
  }

  it('honours Retry-After in seconds', async () => {
    const r = await against((_q, res, n) =>
      n === 1
        ? json(
            res,
            503,
            { errors: [{ code: 'root.busy', message: 'busy' }] },
            { 'retry-after': '2' },
          )
        : json(res, 200, deploymentsListText),
    );
    assert.equal(r.code, 0);
    assert.deepEqual(r.sleeps, [2000]);
  });

  it('honours Retry-After as an HTTP date', async () => {
    const r = await against((_q, res, n) =>
      n === 1
        ? json(
            res,
            429,
            { errors: [{ code: 'root.busy', message: 'busy' }] },
            {
              'retry-after': new Date(Date.now() + 5000).toUTCString(),
            },
          )
        : json(res, 200, deploymentsListText),
    );
    assert.equal(r.code, 0);
    assert.equal(r.sleeps.length, 1);
    assert.ok((r.sleeps[0] ?? 0) > 3000 && (r.sleeps[0] ?? 0) <= 5000, `slept ${r.sleeps[0]}`);
  });

  it('waits for real when Retry-After says 1', async () => {
    const server = await startServer((_q, res, n) =>
      n === 1
        ? json(res, 503, '{"errors":[]}', { 'retry-after': '1' })
        : json(res, 200, deploymentsListText),
    );
    try {
      const clock = stopwatch();
      const r = await run(['deployments', 'list', '--json'], {
        env: { ECE_HOST: server.url, ECE_API_KEY: 'k' },
        realSleep: true,
      });
      assert.equal(r.code, 0);
      clock.atLeast(1000, 'the retry came before Retry-After');
      assert.equal(server.requests.length, 2);
    } finally {
      await server.close();
    }
  });

  it('an HTML error page from a proxy is one short line with the status', async () => {
    const r = await against((_q, res) => {
      res.writeHead(502, { 'content-type': 'text/html' });
      res.end(
        '<html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1></body></html>',
      );
    });
    assert.equal(r.code, 1);
    assert.equal(
      r.stderr,
      'error: HTTP 502 Bad Gateway after 4 attempts: an HTML page instead of the ECE API (a proxy or load balancer in between?)\n',
    );
  });

  it('a 200 that is not JSON is exit 1, not a crash', async () => {
    const r = await against((_q, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<!doctype html><p>login</p>');
    });
    assert.equal(r.code, 1);
    assert.equal(
      r.stderr,
      'error: unexpected response from ECE (HTTP 200): an HTML page instead of the ECE API (a proxy or load balancer in between?)\n',
    );
    assert.equal(r.stdout, '');
  });

  it('a 200 with a JSON body of the wrong shape is exit 1', async () => {
    const r = await against(
      (_q, res) => json(res, 200, { hello: 'world' }),
      ['deployments', 'list'],
    );
    assert.equal(r.code, 1);
    assert.equal(r.stderr, 'error: unexpected response from ECE: not a list of deployments\n');
  });

  it('connection refused → exit 6, no retry', async () => {
    const port = await closedPort();
    const r = await run(['deployments', 'list'], {
      env: { ECE_HOST: `http://127.0.0.1:${port}`, ECE_API_KEY: 'k' },
    });
    assert.equal(r.code, 6);
    assert.equal(
      r.stderr,
      `error: connection refused by 127.0.0.1:${port}; is ECE running there, and is the port right?\n`,
    );
    assert.deepEqual(r.sleeps, []);
  });

  it('--timeout bounds a request that never answers → exit 6', async () => {
    const r = await against(() => undefined, ['deployments', 'list', '--timeout', '300ms']);
    assert.equal(r.code, 6);
    assert.match(
      r.stderr,
      /^error: no answer from http:\/\/127\.0\.0\.1:\d+ within 300ms \(raise it with --timeout\)\n$/,
    );
    assert.equal(r.requests, 1);
  });

  it('an invalid --timeout is a usage error', async () => {
    const r = await run(['deployments', 'list', '--timeout', 'soon'], {
      env: { ECE_HOST: 'x', ECE_API_KEY: 'k' },
    });
    assert.equal(r.code, 2);
    assert.equal(
      r.stderr,
      'error: invalid --timeout "soon": use a duration such as 30s, 2m or 1h30m\n',
    );
  });
});

describe('ApiClient retries', () => {
  it('does not retry a POST on 503', async () => {
    const server = await startServer((_q, res) => eceError(res, 503, 'root.busy', 'busy'));
    try {
      const client = new ApiClient({
        endpoint: parseHost(server.url),
        credential: { type: 'apikey', secret: 'k', source: 'test' },
        userAgent: 't',
        timeoutMs: 60_000,
        env: {},
        sleep: async () => undefined,
      });
      await assert.rejects(
        client.request({ method: 'POST', path: '/deployments', body: {} }),
        (e) => {
          return e instanceof ApiError && e.status === 503;
        },
      );
      assert.equal(server.requests.length, 1);
      // Marked idempotent (a create with request_id), it is retried.
      await assert.rejects(
        client.request({ method: 'POST', path: '/deployments', body: {}, idempotent: true }),
      );
      assert.equal(server.requests.length, 5);
      await client.close();
    } finally {
      await server.close();
    }
  });

  it('retries a GET whose connection is reset, then succeeds', async () => {
    const server = await startServer((_q, res, n) => {
      if (n === 1) res.socket?.destroy();
      else json(res, 200, deploymentsListText);
    });
    try {
      const r = await run(['deployments', 'list', '--json'], {
        env: { ECE_HOST: server.url, ECE_API_KEY: 'k' },
      });
      assert.equal(r.code, 0, r.stderr);
      assert.equal(server.requests.length, 2);
      assert.equal(r.stdout, deploymentsListText);
    } finally {
      await server.close();
    }
  });
});
