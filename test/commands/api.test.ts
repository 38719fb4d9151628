// `ece api` against a per-test server: method inference, typed and nested
// fields, files and stdin, --include, --paginate, errors.

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import assert from '../helpers/assert.js';
import { run, tempDir } from '../helpers/cli.js';
import { eceError, json, type Recorded, startServer } from '../helpers/server.js';
import { requestViolations } from '../helpers/spec.js';

async function withServer(
  handler: Parameters<typeof startServer>[0],
  fn: (url: string, requests: Recorded[]) => Promise<void>,
  contract = true,
) {
  const server = await startServer(handler, { contract });
  try {
    await fn(server.url, server.requests);
  } finally {
    await server.close();
  }
}

const env = (url: string) => ({ ECE_HOST: url, ECE_API_KEY: 'api-test-key-1' });

describe('ece api', () => {
  it('GET by default; the path works with or without /api/v1; the body is printed as sent', async () => {
    const body = '{"version":"3.8.0", "eula_accepted":true}';
    await withServer(
      (_q, res) => json(res, 200, body),
      async (url, requests) => {
        for (const path of ['/platform', 'platform', '/api/v1/platform']) {
          const r = await run(['api', path], { env: env(url) });
          assert.deepEqual([r.code, r.stdout, r.stderr], [0, `${body}\n`, '']);
        }
        assert.deepEqual(
          requests.map((q) => `${q.method} ${q.url}`),
          ['GET /api/v1/platform', 'GET /api/v1/platform', 'GET /api/v1/platform'],
        );
        const q = await run(['api', '/platform', '--query', 'version'], { env: env(url) });
        assert.equal(q.stdout, '3.8.0\n');
        const yaml = await run(['api', '/platform', '-o', 'yaml'], { env: env(url) });
        assert.equal(yaml.stdout, 'version: 3.8.0\neula_accepted: true\n');
      },
    );
  });

  it('fields make it a POST; -F types and nests exactly; -f stays a string', async () => {
    await withServer(
      (_q, res) => json(res, 200, { return_count: 0, deployments: [] }),
      async (url, requests) => {
        const r = await run(
          [
            'api',
            '/deployments/_search',
            '-F',
            'size=10',
            '-F',
            'query.bool.filter[][term][name][value]=logs',
            '-F',
            'sort[]=id',
            '-F',
            'x.flag=true',
            '-F',
            'x.none=null',
            '-F',
            'x.ratio=-1.5e2',
            '-F',
            'x.empty={}',
            '-f',
            'x.text=007',
            '-f',
            'x.b[c]=d',
          ],
          { env: env(url) },
        );
        assert.equal(r.code, 0, r.stderr);
        const req = requests[0];
        assert.equal(req?.method, 'POST');
        assert.equal(req?.headers['content-type'], 'application/json');
        assert.deepEqual(JSON.parse(req?.body ?? ''), {
          size: 10,
          query: { bool: { filter: [{ term: { name: { value: 'logs' } } }] } },
          sort: ['id'],
          x: { flag: true, none: null, ratio: -150, empty: {}, text: '007', b: { c: 'd' } },
        });
      },
      false,
    );
  });

  it('-f with -X GET goes to the query string', async () => {
    await withServer(
      (_q, res) => json(res, 200, []),
      async (url, requests) => {
        const r = await run(
          [
            'api',
            '-X',
            'GET',
            '/deployments/templates',
            '-f',
            'region=ece-region',
            '-F',
            'show_hidden=true',
          ],
          {
            env: env(url),
          },
        );
        assert.equal(r.code, 0, r.stderr);
        assert.equal(
          requests[0]?.url,
          '/api/v1/deployments/templates?region=ece-region&show_hidden=true',
        );
        assert.equal(requests[0]?.body, '');
      },
    );
  });

  it('@file and @- read values; --input sends a file or stdin as the body', async () => {
    const dir = tempDir();
    const file = join(dir, 'desc.txt');
    writeFileSync(file, 'from a file');
    const input = join(dir, 'body.json');
    writeFileSync(input, '{"description":"raw body"}');
    await withServer(
      (_q, res) =>
        json(res, 201, { id: 'k1', description: 'x', creation_date: '2026-11-29T00:00:00Z' }),
      async (url, requests) => {
        await run(['api', '/users/auth/keys', '-F', `description=@${file}`], { env: env(url) });
        await run(['api', '/users/auth/keys', '-F', 'description=@-'], {
          env: env(url),
          stdin: 'from stdin\n',
        });
        await run(['api', '/users/auth/keys', '--input', input], { env: env(url) });
        await run(['api', '/users/auth/keys', '--input', '-'], {
          env: env(url),
          stdin: '{"description":"piped"}',
        });
        assert.deepEqual(
          requests.map((q) => [q.method, JSON.parse(q.body)]),
          [
            ['POST', { description: 'from a file' }],
            ['POST', { description: 'from stdin' }],
            ['POST', { description: 'raw body' }],
            ['POST', { description: 'piped' }],
          ],
        );
      },
    );
  });

  it('--include prints the status line and headers first; --silent prints no body', async () => {
    await withServer(
      (_q, res) => json(res, 200, '{"ok":1}', { 'x-cloud-resource-version': '3' }),
      async (url) => {
        const r = await run(['api', '/platform', '--include'], { env: env(url) });
        const [head, body] = r.stdout.split('\n\n');
        const lines = head?.split('\n') ?? [];
        assert.equal(lines[0], 'HTTP/1.1 200');
        assert.ok(lines.includes('content-type: application/json'));
        assert.ok(lines.includes('x-cloud-resource-version: 3'));
        assert.equal(body, '{"ok":1}\n');
        const silent = await run(['api', '/platform', '--silent'], { env: env(url) });
        assert.deepEqual([silent.code, silent.stdout], [0, '']);
      },
      false,
    );
  });

  it('--paginate follows 3 cursor pages into one document', async () => {
    const pages = [
      { return_count: 2, match_count: 5, deployments: [{ id: 'a' }, { id: 'b' }], cursor: 'c1' },
      { return_count: 2, match_count: 5, deployments: [{ id: 'c' }, { id: 'd' }], cursor: 'c2' },
      { return_count: 1, match_count: 5, deployments: [{ id: 'e' }] },
    ];
    await withServer(
      (_q, res, n) => json(res, 200, pages[n - 1] ?? {}),
      async (url, requests) => {
        const r = await run(['api', '/deployments/_search', '-F', 'size=2', '--paginate'], {
          env: env(url),
        });
        assert.equal(r.code, 0, r.stderr);
        assert.deepEqual(JSON.parse(r.stdout), {
          return_count: 5,
          match_count: 5,
          deployments: [{ id: 'a' }, { id: 'b' }, { id: 'c' }, { id: 'd' }, { id: 'e' }],
        });
        assert.deepEqual(
          requests.map((q) => JSON.parse(q.body)),
          [{ size: 2 }, { cursor: 'c1' }, { cursor: 'c2' }],
        );
      },
      false,
    );
  });

  it('a 404 prints the body on stdout, the message on stderr, exit 3', async () => {
    const body =
      '{"errors":[{"code":"root.resource_not_found","message":"The requested resource could not be found"}]}';
    await withServer(
      (_q, res) => json(res, 404, body, { 'x-cloud-error-codes': 'root.resource_not_found' }),
      async (url) => {
        const r = await run(['api', '/no/such/thing'], { env: env(url) });
        assert.deepEqual(
          [r.code, r.stdout, r.stderr],
          [3, body, 'error: The requested resource could not be found (root.resource_not_found)\n'],
        );
      },
      false,
    );
  });

  it('refuses URLs, Authorization headers, dot segments and bad fields (exit 2, nothing sent)', async () => {
    await withServer(
      (_q, res) => eceError(res, 500, 'x', 'should not be called'),
      async (url, requests) => {
        const cases: [string[], string][] = [
          [
            ['api', 'https://evil.example/api/v1/platform'],
            'error: give a path, not a URL: the host comes from --host, ECE_HOST or the profile\n',
          ],
          [
            ['api', '/platform', '-H', 'Authorization: Bearer x'],
            'error: an Authorization header cannot be given with -H; ece sends the credential itself\n',
          ],
          [['api', '/deployments/../users'], 'error: the path has . or .. segments\n'],
          [['api', '/deployments/%2e%2e/users'], 'error: the path has . or .. segments\n'],
          [['api', '/x', '-F', 'novalue'], 'error: invalid field "novalue": use key=value\n'],
          [
            ['api', '/x', '-F', 'a=1', '-F', 'a.b=2'],
            'error: field "a.b" conflicts with another field\n',
          ],
          [
            ['api', '/x', '-H', 'NoColon'],
            'error: invalid header "NoColon": use \'Name: value\'\n',
          ],
          [
            ['api', '/platform', '--paginate'],
            'error: --paginate works with _search endpoints (it follows their cursor)\n',
          ],
        ];
        for (const [argv, stderr] of cases) {
          const r = await run(argv, { env: env(url) });
          assert.deepEqual([r.code, r.stderr], [2, stderr], argv.join(' '));
        }
        assert.equal(requests.length, 0);
      },
    );
  });

  it('extra headers are sent; POST is not retried on 503', async () => {
    await withServer(
      (_q, res) => eceError(res, 503, 'root.unavailable', 'busy'),
      async (url, requests) => {
        const r = await run(
          ['api', '-X', 'POST', '/deployments/_search', '-H', 'X-Trace: 42', '--input', '-'],
          {
            env: env(url),
            stdin: '{}',
          },
        );
        assert.equal(r.code, 1);
        assert.equal(requests.length, 1);
        assert.equal(requests[0]?.headers['x-trace'], '42');
      },
    );
  });

  it('the contract check catches a request that breaks the spec (a deliberate mistake)', async () => {
    await withServer(
      (_q, res) => json(res, 201, {}),
      async (url, requests) => {
        await run(['api', '/users/auth/keys', '-F', 'description=42'], { env: env(url) });
        const [req] = requests;
        // description must be a string: the check that runs when every test server closes flags it.
        assert.notDeepEqual(
          requestViolations(req?.method ?? '', req?.url ?? '', JSON.parse(req?.body ?? '{}')),
          [],
        );
        await run(['api', '-X', 'PATCH', '/deployments'], { env: env(url) });
        assert.notDeepEqual(requestViolations('PATCH', '/api/v1/deployments', undefined), []);
      },
      false,
    );
  });

  it('--dry-run shows the secrets of a body it was given as shell variables; --verbose masks a private key', async () => {
    const dir = tempDir();
    const user = join(dir, 'user.json');
    writeFileSync(
      user,
      '{"user_name":"jdoe","password":"FromFileSecret1","security":{"roles":["ece_platform_viewer"]}}',
    );
    const key =
      '-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----\n';
    const pem = join(dir, 'pem.json');
    writeFileSync(
      pem,
      JSON.stringify(`${key}-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n`),
    );
    await withServer(
      (_q, res) => json(res, 202, {}),
      async (url, requests) => {
        const dry = await run(['api', '-X', 'POST', '/users', '--input', user, '--dry-run'], {
          env: env(url),
        });
        assert.equal(dry.code, 0, dry.stderr);
        assert.ok(!dry.stdout.includes('FromFileSecret1'), dry.stdout);
        assert.match(dry.stdout, /\\"password\\":\\"'"\$\(printf %s "\$ECE_PASSWORD"/);
        const tls = [
          'api',
          '-X',
          'POST',
          '/platform/configuration/security/tls/ui',
          '--input',
          pem,
        ];
        const dryTls = await run([...tls, '--dry-run'], { env: env(url) });
        assert.ok(!dryTls.stdout.includes('MIIEvQ'), dryTls.stdout);
        assert.match(dryTls.stdout, /\$ECE_TLS_KEY/);
        assert.equal(requests.length, 0);
        const verbose = await run([...tls, '--verbose'], { env: env(url) });
        assert.equal(verbose.code, 0, verbose.stderr);
        assert.ok(!verbose.stderr.includes('MIIEvQ'), verbose.stderr);
        assert.match(verbose.stderr, /\*{8}/);
      },
      false,
    );
  });

  it('to a terminal, controls and bidi overrides in text, JSON and error bodies are made visible; a pipe gets the bytes', async () => {
    const hostile = '\u001b]0;pwned\u0007\u001b[31mred\u202egnp.exe';
    const shown = '\\e]0;pwned\\a\\e[31mred\\u202egnp.exe';
    await withServer(
      (q, res) => {
        if (q.url.includes('/text')) {
          res.writeHead(200, { 'content-type': 'text/plain' });
          res.end(`${hostile}\n\tline 2\n`);
        } else if (q.url.includes('/json')) {
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(`{"name":"${hostile}"}`);
        } else {
          res.writeHead(404, { 'content-type': 'application/json' });
          res.end(`{"errors":[{"code":"x.missing","message":"gone"}],"x":"${hostile}"}`);
        }
      },
      async (url) => {
        for (const tty of [true, false]) {
          const text = await run(['api', '/text'], { env: env(url), tty });
          assert.deepEqual(
            [text.code, text.stdout],
            [0, `${tty ? shown : hostile}\n\tline 2\n`],
            `text, tty ${tty}`,
          );
          const body = await run(['api', '/json'], { env: env(url), tty });
          assert.deepEqual(
            [body.code, body.stdout],
            [0, `{"name":"${tty ? shown : hostile}"}\n`],
            `json, tty ${tty}`,
          );
          const error = await run(['api', '/missing'], { env: env(url), tty });
          assert.deepEqual(
            [error.code, error.stdout],
            [
              3,
              `{"errors":[{"code":"x.missing","message":"gone"}],"x":"${tty ? shown : hostile}"}${tty ? '\n' : ''}`,
            ],
            `error, tty ${tty}`,
          );
        }
      },
      false,
    );
  });

  it('-F __proto__.x, a.__proto__.b and constructor.prototype.c are body keys; Object.prototype stays clean', async () => {
    await withServer(
      (_q, res) => json(res, 200, {}),
      async (url, requests) => {
        const r = await run(
          [
            'api',
            '-X',
            'POST',
            '/x',
            '-F',
            '__proto__.x=1',
            '-F',
            'a.__proto__.b=2',
            '-F',
            'constructor.prototype.c=3',
            '-f',
            '__proto__[y]=4',
          ],
          { env: env(url) },
        );
        assert.deepEqual([r.code, r.stdout, r.stderr], [0, '{}\n', '']);
        assert.equal(
          requests[0]?.body,
          '{"__proto__":{"y":"4","x":1},"a":{"__proto__":{"b":2}},"constructor":{"prototype":{"c":3}}}',
        );
        const clean = {} as Record<string, unknown>;
        assert.deepEqual(
          [clean.x, clean.b, clean.c, clean.y],
          [undefined, undefined, undefined, undefined],
        );
        // The next command (its chunks load afresh) still runs.
        const next = await run(['api', '/y', '--json'], { env: env(url) });
        assert.deepEqual([next.code, next.stderr], [0, '']);
      },
      false,
    );
  });
});
