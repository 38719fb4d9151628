// es: requests to Elasticsearch through ECE's proxy with X-Management-Request,
// the body printed as received (exact bytes, text for _cat), Elasticsearch's
// errors with their body on stdout, GET/POST/PUT/DELETE only (exit 2 for the
// rest), --dry-run showing a write as curl; the sandbox end to end.

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import assert from '../helpers/assert.js';
import { run, tempDir } from '../helpers/cli.js';
import { inConfig, secretVar } from '../helpers/curl.js';
import { type TestSandbox, testSandbox } from '../helpers/sandbox.js';
import { registerSecret } from '../helpers/secrets.js';
import { json, startServer } from '../helpers/server.js';

const ID = 'abcdefabcdefabcdefabcdefabcdef19';
const env = (url: string) => ({ ECE_HOST: url, ECE_API_KEY: 'es-key-1' });
const PROXY = `/api/v1/deployments/${ID}/elasticsearch/main-elasticsearch/proxy`;
// Spacing and a number past 2^53 that a re-serialisation would change.
const HEALTH = '{ "cluster_name" : "x", "status" : "green", "big" : 12345678901234567890 }';

describe('deployments es (per-test server)', () => {
  it('GET: the proxy path with its query, X-Management-Request: true, the body byte for byte', async () => {
    const server = await startServer(
      (req, res) => {
        assert.equal(req.headers['x-management-request'], 'true');
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(HEALTH);
      },
      { expect: [{ method: 'GET', path: `${PROXY}/_cluster/health?level=indices` }] },
    );
    try {
      for (const json of [[], ['--json']]) {
        const r = await run(
          [
            'deployments',
            'es',
            ID,
            'get',
            '/_cluster/health?level=indices',
            '--ref-id',
            'main-elasticsearch',
            ...json,
          ],
          { env: env(server.url) },
        );
        assert.deepEqual([r.code, r.stdout, r.stderr], [0, `${HEALTH}\n`, '']);
      }
    } finally {
      await server.close();
    }
  });

  it('PUT with a body from a file; text answers printed as they came', async () => {
    const dir = tempDir('ece-es-');
    const file = join(dir, 'index.json');
    writeFileSync(file, '{"settings":{"number_of_shards":1}}');
    const server = await startServer(
      (req, res) => {
        if (req.method === 'GET') {
          res.writeHead(200, { 'content-type': 'text/plain' });
          res.end('green open logs 1\n');
          return;
        }
        json(res, 200, { acknowledged: true });
      },
      {
        expect: [
          {
            method: 'PUT',
            path: `${PROXY}/logs`,
            body: { settings: { number_of_shards: 1 } },
          },
        ],
      },
    );
    try {
      const put = await run(
        ['deployments', 'es', ID, 'PUT', 'logs', '-f', file, '--ref-id', 'main-elasticsearch'],
        { env: env(server.url) },
      );
      assert.deepEqual([put.code, put.stdout, put.stderr], [0, '{"acknowledged":true}\n', '']);
      const cat = await run(
        ['deployments', 'es', ID, 'GET', '/_cat/indices', '--ref-id', 'main-elasticsearch'],
        { env: env(server.url) },
      );
      assert.deepEqual([cat.code, cat.stdout, cat.stderr], [0, 'green open logs 1\n', '']);
    } finally {
      await server.close();
    }
  });

  it('errors: Elasticsearch’s body on stdout and its reason on stderr; ECE’s 404 as ECE says it', async () => {
    const esError =
      '{"error":{"root_cause":[],"type":"index_not_found_exception","reason":"no such index [nope]"},"status":404}';
    const server = await startServer((req, res) => {
      if (req.url.includes('/other/')) {
        res.writeHead(404, {
          'content-type': 'application/json',
          'x-cloud-error-codes': 'deployments.deployment_resource_not_found',
        });
        res.end(
          '{"errors":[{"code":"deployments.deployment_resource_not_found","message":"Resource [other] not found"}]}',
        );
        return;
      }
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end(esError);
    });
    try {
      const r = await run(
        ['deployments', 'es', ID, 'GET', '/nope', '--ref-id', 'main-elasticsearch'],
        { env: env(server.url) },
      );
      assert.deepEqual(
        [r.code, r.stdout, r.stderr],
        [
          3,
          `${esError}\n`,
          'error: Elasticsearch: index_not_found_exception: no such index [nope] (HTTP 404)\n',
        ],
      );
      const ece = await run(['deployments', 'es', ID, 'GET', '/', '--ref-id', 'other'], {
        env: env(server.url),
      });
      assert.equal(ece.code, 3);
      assert.equal(
        ece.stderr,
        'error: Resource [other] not found (deployments.deployment_resource_not_found)\n',
      );
    } finally {
      await server.close();
    }
  });

  it('methods other than GET, POST, PUT, DELETE and bad paths are exit 2 before any request; a dry-run POST is curl', async () => {
    const server = await startServer((_req, res) => json(res, 200, {}));
    try {
      const cases: [string, string, string][] = [
        [
          'PATCH',
          '/x',
          "error: ECE's Elasticsearch proxy has no PATCH method: use GET, POST, PUT, DELETE\n",
        ],
        [
          'HEAD',
          '/',
          "error: ECE's Elasticsearch proxy has no HEAD method: use GET, POST, PUT, DELETE\n",
        ],
        ['GET', '/a/../_security', 'error: the path has . or .. segments\n'],
        [
          'GET',
          'http://evil.example/',
          'error: give an Elasticsearch path, not a URL: the proxy reaches the deployment\n',
        ],
      ];
      for (const [method, path, stderr] of cases) {
        const r = await run(['deployments', 'es', ID, method, path], { env: env(server.url) });
        assert.deepEqual([r.code, r.stdout, r.stderr], [2, '', stderr], `${method} ${path}`);
      }
      assert.equal(server.requests.length, 0);
      const dry = await run(
        ['deployments', 'es', ID, 'DELETE', '/logs', '--ref-id', 'main-elasticsearch', '--dry-run'],
        { env: env(server.url) },
      );
      assert.equal(dry.code, 0, dry.stderr);
      assert.equal(
        dry.stdout,
        `printf 'header = "Authorization: ApiKey %s"\\n' "$ECE_API_KEY" | curl -sS -g -K - -X DELETE ${server.url}${PROXY}/logs -H 'Accept: application/json' -H 'User-Agent: ${/User-Agent: ([^']+)/.exec(dry.stdout)?.[1]}' -H 'X-Management-Request: true'\n`,
      );
      assert.equal(server.requests.length, 0);
    } finally {
      await server.close();
    }
  });
});

describe('deployments es: secrets and terminals', () => {
  it('--dry-run with a body that holds a password: the password is $ECE_PASSWORD, never in clear', async () => {
    const server = await startServer((_q, res) => json(res, 200, {}));
    try {
      const file = join(tempDir('ece-es-'), 'pw.json');
      writeFileSync(file, '{"password":"es-user-Secret-0042","roles":["viewer"]}');
      registerSecret('es-user-Secret-0042');
      const argv = ['deployments', 'es', ID, 'PUT', '/_security/user/jdoe', '-f', file];
      const dry = await run([...argv, '--ref-id', 'main-elasticsearch', '--dry-run'], {
        env: env(server.url),
      });
      assert.deepEqual(
        [dry.code, dry.stdout.replace(/User-Agent: [^']*/, 'User-Agent: UA'), dry.stderr],
        [
          0,
          `printf 'header = "Authorization: ApiKey %s"\\ndata-raw = "%s"\\n' "$ECE_API_KEY" ${inConfig('{"password":"')}${secretVar('ECE_PASSWORD')}${inConfig('","roles":["viewer"]}')} | curl -sS -g -K - -X PUT ${server.url}${PROXY}/_security/user/jdoe -H 'Accept: application/json' -H 'User-Agent: UA' -H 'X-Management-Request: true' -H 'Content-Type: application/json'\n`,
          '',
        ],
      );
      assert.equal(server.requests.length, 0);
    } finally {
      await server.close();
    }
  });

  it('to a terminal, controls in text, JSON and error bodies are made visible; a pipe gets the bytes', async () => {
    const hostile = '\u001b]0;pwned\u0007\u001b[31mred\u202egnp.exe';
    const shown = '\\e]0;pwned\\a\\e[31mred\\u202egnp.exe';
    const server = await startServer((q, res) => {
      if (q.url.includes('/_cat')) {
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.end(`${hostile}\n`);
      } else if (q.url.includes('/ok')) {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(`{"name":"${hostile}"}`);
      } else {
        res.writeHead(404, { 'content-type': 'application/json' });
        res.end(`{"error":"no ${hostile}","status":404}`);
      }
    });
    try {
      for (const tty of [true, false]) {
        const get = (path: string) =>
          run(['deployments', 'es', ID, 'GET', path, '--ref-id', 'main-elasticsearch'], {
            env: env(server.url),
            tty,
          });
        const seen = tty ? shown : hostile;
        const text = await get('/_cat/indices');
        assert.deepEqual([text.code, text.stdout], [0, `${seen}\n`], `text, tty ${tty}`);
        const body = await get('/ok');
        assert.deepEqual([body.code, body.stdout], [0, `{"name":"${seen}"}\n`], `json ${tty}`);
        const error = await get('/missing');
        assert.deepEqual(
          [error.code, error.stdout],
          [3, `{"error":"no ${seen}","status":404}\n`],
          `error, tty ${tty}`,
        );
      }
    } finally {
      await server.close();
    }
  });
});

describe('deployments es against the sandbox', () => {
  let t: TestSandbox;
  let e: Record<string, string>;
  before(async () => {
    // A fake clock: the plan ends when the test says, not when a loaded machine gets to it.
    t = await testSandbox({ deployments: 0, planDurationMs: 10_000, fakeClock: true });
    e = t.env;
    assert.equal(
      (await t.call('POST', '/deployments', { body: { name: 'searchable' } })).status,
      201,
    );
  });
  after(() => t.close());

  it('a running deployment answers /, /_cluster/health and /_cat/indices; other paths 404 as Elasticsearch does', async () => {
    const early = await run(['deployments', 'es', 'searchable', 'GET', '/_cluster/health'], {
      env: e,
    });
    assert.equal(early.code, 1, 'not running yet: the proxy has nothing to reach');
    assert.match(
      early.stderr,
      /^error: The elasticsearch resource \[main-elasticsearch\] of deployment \[[0-9a-f]{32}\] is not running/,
    );
    t.advance(20_000);
    const health = await run(['deployments', 'es', 'searchable', 'GET', '/_cluster/health'], {
      env: e,
    });
    assert.equal(health.code, 0, health.stderr);
    assert.equal(JSON.parse(health.stdout).status, 'green');
    const root = await run(['deployments', 'es', 'searchable', 'GET', '/'], { env: e });
    assert.equal(JSON.parse(root.stdout).version.number, '8.15.1');
    const cat = await run(['deployments', 'es', 'searchable', 'GET', '/_cat/indices'], { env: e });
    assert.deepEqual(
      [cat.code, cat.stdout],
      [0, 'green open .kibana_1 12\ngreen open logs-2026.12.01 3041\n'],
    );
    const nope = await run(['deployments', 'es', 'searchable', 'POST', '/nope/_search'], {
      env: e,
    });
    assert.deepEqual(
      [nope.code, nope.stdout, nope.stderr],
      [
        3,
        '{"error":"no handler found for uri [/nope/_search] and method [POST]","status":404}\n',
        'error: Elasticsearch: no handler found for uri [/nope/_search] and method [POST] (HTTP 404)\n',
      ],
    );
  });

  it('the proxy refuses a request without X-Management-Request', async () => {
    const d = (await t.call('GET', '/deployments')).body as {
      deployments: { id: string; name: string }[];
    };
    const id = d.deployments.find((x) => x.name === 'searchable')?.id;
    const r = await t.call(
      'GET',
      `/deployments/${id}/elasticsearch/main-elasticsearch/proxy/_cluster/health`,
    );
    assert.equal(r.status, 400);
    assert.deepEqual(r.body, {
      errors: [
        {
          code: 'root.invalid_request',
          message: 'The proxy requires the header X-Management-Request: true',
        },
      ],
    });
  });
});
