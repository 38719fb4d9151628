// Requests the CLI sends and the bodies our tests serve, checked against the
// ECE API specification.

import { describe, it } from 'node:test';
import { deploymentsListText, emptyListText } from '../fixtures/index.js';
import assert from '../helpers/assert.js';
import { run } from '../helpers/cli.js';
import { json, startServer } from '../helpers/server.js';
import { findOperation, responseDefinition, violations } from '../helpers/spec.js';

describe('contract: the specification', () => {
  it('every request `ece deployments list` sends is an operation of the spec', async () => {
    const server = await startServer((_q, res) => json(res, 200, deploymentsListText));
    try {
      for (const argv of [['--json'], [], ['-o', 'yaml']]) {
        const r = await run(['deployments', 'list', ...argv], {
          env: { ECE_HOST: server.url, ECE_API_KEY: 'k' },
        });
        assert.equal(r.code, 0);
      }
      // The table/TSV run also searches for system-owned deployments.
      assert.equal(server.requests.length, 4);
      for (const req of server.requests) {
        const op = findOperation(req.method, req.url);
        assert.ok(op, `${req.method} ${req.url} is not in the spec`);
        if (req.method === 'POST') {
          assert.equal(op.template, '/deployments/_search');
          continue;
        }
        assert.equal(op.template, '/deployments');
        assert.equal(req.body, '', 'a GET carries no body');
      }
    } finally {
      await server.close();
    }
  });

  it('the deployments list fixtures validate against the 200 schema', () => {
    const def = responseDefinition('GET', '/api/v1/deployments', 200);
    assert.equal(def, 'DeploymentsListResponse');
    for (const text of [deploymentsListText, emptyListText]) {
      assert.deepEqual(violations(def, JSON.parse(text)), []);
    }
  });

  it('the error bodies the tests serve validate as BasicFailedReply', () => {
    assert.equal(responseDefinition('GET', '/api/v1/deployments', 401), 'BasicFailedReply');
    assert.deepEqual(
      violations('BasicFailedReply', { errors: [{ code: 'root.unauthenticated', message: 'x' }] }),
      [],
    );
    assert.deepEqual(
      violations('BasicFailedReply', {
        errors: [{ code: 'deployments.invalid', message: 'm', fields: ['name'] }],
      }),
      [],
    );
  });

  it('can fail: a deliberate mistake is caught', () => {
    const broken = JSON.parse(deploymentsListText) as { deployments: Record<string, unknown>[] };
    delete broken.deployments[0]?.resources;
    assert.notDeepEqual(violations('DeploymentsListResponse', broken), []);
    assert.notDeepEqual(violations('BasicFailedReply', { errors: [{ message: 'no code' }] }), []);
    assert.equal(findOperation('PATCH', '/api/v1/deployments'), undefined);
    assert.equal(findOperation('GET', '/api/v1/no-such-thing'), undefined);
    assert.equal(findOperation('GET', '/deployments'), undefined, 'a path without /api/v1');
  });
});
