// `ece deployments show d --json` is the body curl gets from
// GET /api/v1/deployments/{id} with no query (ECE's defaults: current and
// pending plans), byte for byte; flags only ask for more. A script that
// follows Elastic's "checking on progress" tutorial with ece sees the pending
// plan as curl does.

import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import assert from '../helpers/assert.js';
import { run } from '../helpers/cli.js';
import { createRequest, type TestSandbox, testSandbox } from '../helpers/sandbox.js';
import { registerSecret } from '../helpers/secrets.js';
import { startServer } from '../helpers/server.js';
import { specPath } from '../helpers/spec.js';

describe('show --json is what curl gets', () => {
  let t: TestSandbox;
  before(async () => {
    t = await testSandbox({ deployments: 1, fakeClock: true });
    registerSecret(t.sb.apiKey);
  });
  after(() => t.close());

  it('on the sandbox: the same bytes as a plain GET, a pending plan included', async () => {
    const env = t.env;
    // A plan left pending: the creation of a second deployment, not waited for.
    const created = await t.call('POST', '/deployments', { body: createRequest('pending-one') });
    assert.equal(created.status, 201);
    const id = (created.body as { id: string }).id;
    const curl = await fetch(`${t.sb.url}/api/v1/deployments/${id}`, {
      headers: { Authorization: `ApiKey ${t.sb.apiKey}` },
    });
    const body = await curl.text();
    assert.ok(body.includes('"pending"'), 'the plain GET shows the pending plan');
    const shown = await run(['deployments', 'show', id, '--json'], { env });
    assert.deepEqual([shown.code, shown.stdout, shown.stderr], [0, `${body}\n`, '']);
    const sent = t.exchanges.filter((e) => e.method === 'GET' && e.url.includes(id)).at(-1);
    assert.equal(sent?.url, `/api/v1/deployments/${id}`);
  });

  it('on a recorded real body: printed unchanged, asked with no query; flags add theirs', async () => {
    const real = readFileSync(
      fileURLToPath(new URL('../ece-real/deployment-apm.json', pathToFileURL(specPath()))),
      'utf8',
    );
    const id = (JSON.parse(real) as { id: string }).id;
    const server = await startServer((_q, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(real);
    });
    try {
      const env = { ECE_HOST: server.url, ECE_API_KEY: 'show-json-test-key' };
      const shown = await run(['deployments', 'show', id, '--json'], { env });
      assert.equal(shown.code, 0, shown.stderr);
      assert.equal(shown.stdout, real.endsWith('\n') ? real : `${real}\n`);
      const logs = await run(['deployments', 'show', id, '--json', '--plan-logs', '--plans'], {
        env,
      });
      assert.equal(logs.code, 0, logs.stderr);
      assert.deepEqual(
        server.requests.map((q) => q.url),
        [`/api/v1/deployments/${id}`, `/api/v1/deployments/${id}?show_plan_logs=true`],
      );
    } finally {
      await server.close();
    }
  });
});
