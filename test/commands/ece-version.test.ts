// Version-aware verbs (issue 24, item 3): a verb declares the ECE versions it
// works on (`ece`, `eceOf`); the executor reads the installation's version
// before the plan, remembers it, and stops with exit 2 and one line when the
// call cannot work there — nothing else is read or sent.

import { join } from 'node:path';
import { describe, it } from 'node:test';
import { outsideRange, unsupported } from '../../src/api/versions.js';
import { execute } from '../../src/commands/run/execute.js';
import { defineVerb } from '../../src/commands/run/types.js';
import { Context } from '../../src/context.js';
import { UsageError } from '../../src/errors.js';
import { memoryIO } from '../../src/output/memory-io.js';
import assert from '../helpers/assert.js';
import { run, tempDir } from '../helpers/cli.js';
import { useSandbox } from '../helpers/sandbox.js';
import { json, startServer } from '../helpers/server.js';

const STATELESS_UPGRADE =
  '/deployments/{deployment_id}/{stateless_resource_kind}/{ref_id}/_upgrade';

describe('ECE version ranges', () => {
  it('outsideRange: since is inclusive, until the first version without it; one line each', () => {
    const range = { since: '2.6.0', until: '4.0.0' };
    assert.equal(outsideRange('2.6.0', range), undefined);
    assert.equal(outsideRange('3.8.1', range), undefined);
    assert.equal(
      outsideRange('2.5.1', range),
      'this command needs ECE 2.6.0 or later; this installation runs ECE 2.5.1',
    );
    assert.equal(
      outsideRange('4.0.0-ms1', { ...range, what: 'an upgrade to 7.17.24', why: 'no 7.x' }),
      'an upgrade to 7.17.24 is not available from ECE 4.0.0 on; this installation runs ECE 4.0.0-ms1 (no 7.x)',
    );
  });

  it('unsupported knows what ECE 4.0 removed as well as what came later', () => {
    assert.equal(unsupported('3.8.0', 'POST', STATELESS_UPGRADE), undefined);
    assert.equal(
      unsupported('4.0.0', 'post', STATELESS_UPGRADE),
      `POST ${STATELESS_UPGRADE} was removed in ECE 4.0.0; this installation runs 4.0.0`,
    );
  });
});

describe('a 7.x upgrade against the sandbox as ECE 4.0', () => {
  const t = useSandbox({ deployments: 2, eceVersion: '4.0' });

  it('exit 2 before anything but GET /platform; a profile remembers the version for the next run', async () => {
    const home = tempDir('ece-version-');
    const env = { ...t.env, HOME: home, ECE_CONFIG_DIR: join(home, 'config') };
    // A profile remembers the version (env-only use reads it on every run).
    assert.equal((await run(['config', 'set', 'host', t.sb.url], { env })).code, 0);
    const argv = ['deployments', 'upgrade', 'prod-logs', '--version', '7.17.24', '--yes'];
    const line =
      'error: an upgrade to 7.17.24 is not available from ECE 4.0.0 on; this installation runs ECE 4.0.0 (ECE 4.0 runs no 7.x stack)\n';
    let start = t.exchanges.length;
    const first = await run(argv, { env });
    assert.deepEqual([first.code, first.stdout, first.stderr], [2, '', line]);
    assert.deepEqual(
      t.exchanges.slice(start).map((x) => `${x.method} ${x.url}`),
      ['GET /api/v1/platform'],
    );
    start = t.exchanges.length;
    const again = await run([...argv.slice(0, -1), '--dry-run'], { env });
    assert.deepEqual([again.code, again.stdout, again.stderr], [2, '', line]);
    assert.deepEqual(t.exchanges.slice(start), [], 'the remembered version: no request at all');
  });

  it('an 8.x version is not concerned: the verb goes on to its own checks', async () => {
    const r = await run(
      ['deployments', 'upgrade', 'prod-logs', '--version', '8.15.1', '--dry-run'],
      {
        env: t.env,
      },
    );
    assert.ok(!r.stderr.includes('not available from ECE'), r.stderr);
  });
});

describe('the same upgrade against the sandbox as ECE 3.8', () => {
  const t = useSandbox({ deployments: 2 });
  it('is not refused for the ECE version (the stack version rules speak instead)', async () => {
    const r = await run(['deployments', 'upgrade', 'prod-logs', '--version', '7.17.24', '--yes'], {
      env: t.env,
    });
    assert.equal(r.code, 2);
    assert.ok(!r.stderr.includes('not available from ECE'), r.stderr);
    assert.ok(t.exchanges.some((x) => x.url.startsWith('/api/v1/stack/versions')));
  });
});

describe('a verb newer than the installation', () => {
  it('ece.since: exit 2 before the plan, one line, nothing but GET /platform', async (t) => {
    const server = await startServer((_req, res) => json(res, 200, { version: '2.4.3' }));
    t.after(() => server.close());
    const home = tempDir('ece-version-');
    let planned = false;
    const verb = defineVerb({
      effect: 'write',
      ece: { since: '2.5.0' },
      plan: async () => {
        planned = true;
        return {};
      },
    });
    const ctx = new Context({
      io: memoryIO({ out: () => {}, err: () => {} }),
      env: {
        ECE_HOST: server.url,
        ECE_API_KEY: 'version-test-key-1',
        HOME: home,
        ECE_CONFIG_DIR: join(home, 'c'),
      },
      flags: {},
      client: { maxAttempts: 1 },
    });
    t.after(() => ctx.dispose());
    await assert.rejects(execute(verb, {}, ctx), (err: unknown) => {
      assert.ok(err instanceof UsageError);
      assert.equal(
        err.message,
        'this command needs ECE 2.5.0 or later; this installation runs ECE 2.4.3',
      );
      return true;
    });
    assert.equal(planned, false);
    assert.deepEqual(
      server.requests.map((q) => `${q.method} ${q.url}`),
      ['GET /api/v1/platform'],
    );
  });
});
