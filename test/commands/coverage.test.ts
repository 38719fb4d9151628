// The table of operations the commands use (src/api/versions.ts, fed by
// src/api/operations.ts) is what the typed calls in src/api/ really send, and
// `npm run coverage:api` prints the count from it.

import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import {
  countedOperations,
  loadSpec,
  NOT_COUNTED,
  operationOf,
  sentOperations,
  specOperations,
  summary,
} from '../../scripts/coverage.js';
import { OPERATIONS } from '../../src/api/versions.js';
import assert from '../helpers/assert.js';

describe('API coverage', () => {
  // Thousands of sampled calls: made once for the tests that need them.
  let sentOnce: Promise<Set<string>> | undefined;
  const sentByCalls = () => {
    sentOnce ??= sentOperations(loadSpec());
    return sentOnce;
  };

  it('the operations table matches the requests the typed calls build', async () => {
    const spec = loadSpec();
    const sent = await sentByCalls();
    // Sent from outside src/api/*.ts's typed calls: the allocators list pages
    // through the pager, and auth/session.ts renews a bearer session.
    const elsewhere = ['GET /platform/infrastructure/allocators', 'POST /users/auth/_refresh'];
    assert.deepEqual(
      Object.keys(OPERATIONS)
        .filter((op) => !sent.has(op))
        .sort(),
      elsewhere,
    );
    assert.deepEqual(
      [...sent].filter((op) => !(op in OPERATIONS)),
      [],
    );
    const known = new Set(specOperations(spec));
    assert.equal(known.size, 274);
    assert.deepEqual(
      Object.keys(OPERATIONS).filter((op) => !known.has(op)),
      [],
    );
  });

  it('the README states the count', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8').replace(
      /\s+/g,
      ' ',
    );
    const n = countedOperations(loadSpec()).length;
    assert.ok(
      readme.includes(`cover ${n} of the API's 274 operations (${((100 * n) / 274).toFixed(1)}%`),
      `README does not say "cover ${n} of the API's 274 operations"`,
    );
  });

  it('npm run coverage:api prints the count', () => {
    const n = countedOperations(loadSpec()).length;
    assert.equal(
      summary(loadSpec()),
      `${n} of 274 API operations (${((100 * n) / 274).toFixed(1)}%) have a dedicated command.\n`,
    );
  });

  it("counts the proxy's requests, whose {proxy_path} is the rest of the path", async () => {
    const spec = loadSpec();
    const proxy = '/deployments/{deployment_id}/{resource_kind}/{ref_id}/proxy/{proxy_path}';
    for (const m of ['GET', 'POST', 'PUT', 'DELETE'])
      assert.equal(
        operationOf(spec, m, '/deployments/d/elasticsearch/main/proxy/_cluster/health?pretty'),
        `${m} ${proxy}`,
      );
    assert.equal(
      operationOf(spec, 'GET', '/deployments/d/elasticsearch/main/proxy/'),
      `GET ${proxy}`,
    );
    const sent = await sentByCalls();
    for (const m of ['GET', 'POST', 'PUT', 'DELETE']) assert.ok(sent.has(`${m} ${proxy}`), m);
  });

  it('leaves the deprecated stateless _upgrade out of the count, even when a command sends it', () => {
    const spec = loadSpec();
    const upgrade = 'POST /deployments/{deployment_id}/{stateless_resource_kind}/{ref_id}/_upgrade';
    assert.ok(upgrade in NOT_COUNTED);
    const withUpgrade = { ...OPERATIONS, [upgrade]: '2.4.3' };
    assert.equal(summary(spec, false, withUpgrade), summary(spec, false, OPERATIONS));
    assert.ok(!summary(spec, true, withUpgrade).includes('_upgrade'));
  });
});
