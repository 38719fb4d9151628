// Walks every operation of the specification against the sandbox: each one
// is either simulated (a route of the sandbox answers it) or answers 501
// `sandbox.not_simulated` naming the operation — never an ordinary 404 that a
// script would take for "not found".

import { after, before, describe, it } from 'node:test';
import { KINDS } from '../../src/api/kinds.js';
import { SPEC_OPERATIONS } from '../../src/sandbox/spec-operations.js';
import assert from '../helpers/assert.js';
import { type TestSandbox, testSandbox } from '../helpers/sandbox.js';
import { operations, responseViolations } from '../helpers/spec.js';

describe('operations the sandbox does not simulate', () => {
  let t: TestSandbox;
  let deploymentId = '';
  before(async () => {
    // The requests below carry no bodies: only the answers are checked here.
    t = await testSandbox({ deployments: 2, contract: false });
    const list = (await t.call('GET', '/deployments')).body as { deployments: { id: string }[] };
    deploymentId = list.deployments.at(-1)?.id ?? '';
  });
  after(() => t.close());

  it("the sandbox's list of operations is the spec's, one for one", () => {
    const spec = operations().map((o) => `${o.method} ${o.path} ${o.operationId}`);
    const missing = spec.filter((o) => !SPEC_OPERATIONS.includes(o));
    const extra = SPEC_OPERATIONS.filter((o) => !spec.includes(o));
    assert.deepEqual({ missing, extra }, { missing: [], extra: [] });
  });

  it('every operation of the spec is simulated or answers 501 sandbox.not_simulated', async () => {
    const problems: string[] = [];
    let simulated = 0;
    let notSimulated = 0;
    for (const op of operations()) {
      const path = op.path.replace(/\{([^}]+)\}/g, (_m, name: string) => {
        if (name === 'deployment_id') return deploymentId;
        if (name.endsWith('resource_kind')) return 'kibana';
        if (name === 'ref_id') return '_main';
        return 'x';
      });
      const before = t.sb ? t.exchanges.length : 0;
      const r = await t.call(op.method, path);
      const exchange = t.exchanges[before];
      const body = r.body as { errors?: { code: string; message: string }[] } | undefined;
      if (exchange?.template) {
        simulated++;
        // A route that answers must be the operation's own, or its generic
        // form ({kind} for the per-kind paths): never a route for another
        // operation that took a literal segment for a parameter.
        const route = exchange.template.split('/');
        const spec = op.path.split('/');
        const swallowed = spec.some(
          (s, i) =>
            !s.startsWith('{') &&
            route[i]?.startsWith('{') &&
            !(KINDS as readonly string[]).includes(s),
        );
        if (swallowed || route.length !== spec.length)
          problems.push(`${op.method} ${op.path} is answered by the route ${exchange.template}`);
        if (r.status === 501) problems.push(`${op.method} ${op.path}: a route answered 501`);
        continue;
      }
      notSimulated++;
      const error = body?.errors?.[0];
      const named = `${op.method} ${op.path} (${op.operationId})`;
      if (
        r.status !== 501 ||
        error?.code !== 'sandbox.not_simulated' ||
        !error.message.includes(named) ||
        r.headers.get('x-cloud-error-codes') !== 'sandbox.not_simulated'
      ) {
        problems.push(`${named}: ${r.status} ${JSON.stringify(body)}`);
      }
      for (const v of responseViolations(op.method, `/api/v1${path}`, r.status, r.body))
        problems.push(`${named}: ${v}`);
    }
    assert.deepEqual(problems, []);
    assert.equal(simulated + notSimulated, SPEC_OPERATIONS.length);
    // Both kinds exist (the walk is not vacuous either way); fewer stay
    // unsimulated as the commands grow (issue 28), Elastic Cloud's own
    // operations (billing, organizations, accounts) among them for good.
    assert.ok(simulated > 100, `only ${simulated} simulated`);
    assert.ok(notSimulated > 20, `only ${notSimulated} not simulated`);
  });

  it('names the operation exactly, after checking credentials as ECE does', async () => {
    const unknownKind = await t.call('POST', `/deployments/${deploymentId}/kibana/_main/_upgrade`);
    assert.deepEqual(
      [unknownKind.status, unknownKind.body],
      [
        501,
        {
          errors: [
            {
              code: 'sandbox.not_simulated',
              message:
                'The sandbox does not simulate POST /deployments/{deployment_id}/{stateless_resource_kind}/{ref_id}/_upgrade (upgrade-deployment-stateless-resource); a real ECE would answer it',
            },
          ],
        },
      ],
    );
    const anonymous = await t.call(
      'GET',
      '/platform/configuration/networking/deployment_domain_name',
      {
        auth: null,
      },
    );
    assert.equal(anonymous.status, 401);
    // A path that is no operation of the spec stays ECE's 404, a wrong method its 405.
    assert.equal((await t.call('GET', '/no/such/thing')).status, 404);
    assert.equal((await t.call('PATCH', '/deployments')).status, 405);
  });
});
