// --verbose traces requests and responses on stderr, with secrets masked.

import { describe, it } from 'node:test';
import { MASK, redactBody, redactHeader } from '../../src/api/redact.js';
import { deploymentsListText } from '../fixtures/index.js';
import assert from '../helpers/assert.js';
import { run } from '../helpers/cli.js';
import { json, startServer } from '../helpers/server.js';

describe('--verbose', () => {
  const secrets = [
    [
      'api key',
      { ECE_API_KEY: 'VnVhQ2ZHY0JDZGJrUW0tZTVhT3g6dWkybHAyYXhUTm1zeWFrdzl0dk5udw==' },
      'ApiKey',
    ],
    [
      'bearer token',
      { ECE_TOKEN: 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhZG1pbiJ9.c2lnbmF0dXJlLXNlY3JldA' },
      'Bearer',
    ],
  ] as const;
  for (const [name, env, scheme] of secrets) {
    it(`shows the exchange but never the ${name}`, async () => {
      const secret = Object.values(env)[0] ?? '';
      const server = await startServer((_q, res) =>
        json(res, 200, deploymentsListText, { 'x-cloud-resource-version': '7' }),
      );
      try {
        const r = await run(['deployments', 'list', '--json', '--verbose'], {
          env: { ECE_HOST: server.url, ...env },
        });
        assert.equal(r.code, 0);
        assert.equal(server.requests[0]?.headers.authorization, `${scheme} ${secret}`);
        const lines = r.stderr.split('\n');
        assert.equal(lines[0], `> GET ${server.url}/api/v1/deployments`);
        assert.ok(lines.includes(`> authorization: ${scheme} ${MASK}`), r.stderr);
        assert.ok(
          lines.some((l) => /^< HTTP 200 \(\d+(ms|\.\ds|s)\)$/.test(l)),
          r.stderr,
        );
        assert.ok(lines.includes('< x-cloud-resource-version: 7'));
        assert.ok(!r.stderr.includes(secret) && !r.stdout.includes(secret));
        // The parts of a JWT must not leak either.
        for (const part of secret.split('.')) assert.ok(!r.stderr.includes(part), part);
        assert.equal(r.stdout, deploymentsListText);
      } finally {
        await server.close();
      }
    });
  }

  it('masks secret fields in traced bodies and secrets echoed back by a server', async () => {
    const key = 'echoed-secret-key-123';
    const server = await startServer((req, res) =>
      json(res, 200, {
        deployments: [],
        echo: req.headers.authorization,
        credentials: { username: 'elastic', password: 'hunter2-pw' },
      }),
    );
    try {
      const r = await run(['deployments', 'list', '--verbose', '--json'], {
        env: { ECE_HOST: server.url, ECE_API_KEY: key },
        // This server echoes the key into its body, which --json prints as asked.
        secretOnStdout: true,
      });
      assert.equal(r.code, 0);
      assert.ok(!r.stderr.includes(key));
      assert.ok(!r.stderr.includes('hunter2-pw'));
      assert.ok(r.stderr.includes('"username": "elastic"'));
    } finally {
      await server.close();
    }
  });

  it('redaction helpers', () => {
    assert.equal(redactHeader('Authorization', 'ApiKey abc'), `ApiKey ${MASK}`);
    assert.equal(redactHeader('Cookie', 'a=b'), MASK);
    assert.equal(redactHeader('Accept', 'application/json'), 'application/json');
    assert.equal(
      redactBody(
        '{"username":"u","password":"p","token":"t","key":"k","nested":[{"api_key":"x"}],"ok":true}',
        [],
      ),
      JSON.stringify(
        {
          username: 'u',
          password: MASK,
          token: MASK,
          key: MASK,
          nested: [{ api_key: MASK }],
          ok: true,
        },
        null,
        2,
      ),
    );
    assert.equal(
      redactBody('plain text with s3cr3t-value inside', ['s3cr3t-value']),
      `plain text with ${MASK} inside`,
    );
  });

  it("Elasticsearch's credentials without secret-sounding names are masked: encoded, token.value, enrollment keys", () => {
    const body = {
      id: 'VuaCfGcBCdbkQm-e5aOx',
      name: 'my-api-key',
      api_key: 'ui2lp2axTNmsyakw9tvNnw',
      encoded: 'VnVhQ2ZHY0JDZGJrUW0tZTVhT3g6dWkybHAyYXhUTm1zeWFrdzl0dk5udw==',
      token: { name: 'token1', value: 'AAEAAWVsYXN0aWMvZmxlZXQtc2VydmVyL3Rva2VuMTo3TFdaSDZ' },
      http_ca_key: 'MIIJKQIBAAKCAgEA',
      transport_key: 'MIIEowIBAAKCAQEA',
      access_token: 'dGhpcyBpcyBub3QgYSByZWFsIHRva2Vu',
      refresh_token: 'vLBPvmAB6KvwvJZr27cS',
      client_authentication: { scheme: 'SharedSecret', value: 'shared-0042' },
      kerberos_ticket: 'YIIB6wYJKoZIhvcSAQICAQBu',
      'xpack.security.encryptionKey': 'a-32-character-encryption-key-000',
      settings: { value: 'not a secret', name: 'plain' },
    };
    assert.deepEqual(JSON.parse(redactBody(JSON.stringify(body), [])), {
      id: 'VuaCfGcBCdbkQm-e5aOx',
      name: 'my-api-key',
      api_key: MASK,
      encoded: MASK,
      token: { name: 'token1', value: MASK },
      http_ca_key: MASK,
      transport_key: MASK,
      access_token: MASK,
      refresh_token: MASK,
      client_authentication: { scheme: 'SharedSecret', value: MASK },
      kerberos_ticket: MASK,
      'xpack.security.encryptionKey': MASK,
      settings: { value: 'not a secret', name: 'plain' },
    });
  });

  it('--verbose on deployments es: the encoded key ES returns is masked in the trace, printed on stdout', async () => {
    const encoded = 'ZXNLZXlJZDplbmNvZGVkLWFwaS1rZXktZm9yLXRoZS10ZXN0';
    const answer = `{"id":"VuaCfGcBCdbkQm-e5aOx","name":"k","api_key":"ui2lp2axTNmsyakw9tvNnw","encoded":"${encoded}"}`;
    const server = await startServer(
      (_q, res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(answer);
      },
      { contract: false },
    );
    try {
      const r = await run(
        [
          'deployments',
          'es',
          '0123456789abcdef0123456789abcdef',
          'POST',
          '/_security/api_key',
          '--ref-id',
          'main-elasticsearch',
          '--verbose',
        ],
        { env: { ECE_HOST: server.url, ECE_API_KEY: 'verbose-es-key-0042' } },
      );
      assert.equal(r.code, 0, r.stderr);
      assert.equal(r.stdout, `${answer}\n`);
      assert.ok(!r.stderr.includes(encoded) && !r.stderr.includes('ui2lp2axTN'), r.stderr);
      assert.ok(r.stderr.includes(`"encoded": "${MASK}"`), r.stderr);
    } finally {
      await server.close();
    }
  });
});
