// Deployment commands against the sandbox: create with --wait (success,
// failure, deadline), idempotent creates, names, search, shutdown and delete,
// and every request they send checked against the specification.

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { planSteps } from '../../src/sandbox/plans.js';
import assert from '../helpers/assert.js';
import { run, tempDir } from '../helpers/cli.js';
import { createRequest, type TestSandbox, testSandbox } from '../helpers/sandbox.js';
import { registerSecret } from '../helpers/secrets.js';
import { requestViolations } from '../helpers/spec.js';
import { stopwatch, useVirtualClock } from '../helpers/time.js';

describe('deployments against the sandbox', () => {
  // Plans take 1.5 s of the sandbox's time; --wait polls move it on (no real wait).
  const clock = useVirtualClock();
  let t: TestSandbox;
  let env: Record<string, string>;
  let dir: string;
  before(async () => {
    t = await testSandbox({ deployments: 7, planDurationMs: 1_500 });
    registerSecret(t.sb.apiKey);
    env = t.env;
    dir = tempDir('ece-defs-');
  });
  // Every request the tests above sent, whichever of them ran, is an operation
  // of the spec with a valid body.
  after(async () => {
    try {
      const problems = t.exchanges.flatMap((e) =>
        requestViolations(e.method, e.url, e.requestBody).map((v) => `${e.method} ${e.url}: ${v}`),
      );
      assert.deepEqual(problems, []);
    } finally {
      await t.close();
    }
  });

  const definition = (name: string, kinds?: string[]) => {
    const file = join(dir, `${name}.json`);
    writeFileSync(file, JSON.stringify(createRequest(name, kinds), null, 2));
    return file;
  };
  const created = (stdout: string) => /^id\t(\w+)$/m.exec(stdout)?.[1] ?? '';

  it('create --wait: exit 0 after the plan, each step named in order on stderr, credentials once on stdout', async () => {
    const r = await run(
      [
        'deployments',
        'create',
        '-f',
        definition('orders'),
        '--wait',
        '--request-id',
        'orders-0123456789abcdef0123456789',
      ],
      {
        env,
        clock,
        secretOnStdout: true,
      },
    );
    assert.equal(r.code, 0, r.stderr);
    const password = /^elasticsearch\.main-elasticsearch\.password\t(\S+)$/m.exec(r.stdout)?.[1];
    assert.ok(password);
    registerSecret(password);
    assert.match(
      r.stdout,
      /^id\t[0-9a-f]{32}\nname\torders\nelasticsearch\.main-elasticsearch\.username\telastic\n/,
    );
    const lines = r.stderr.split('\n');
    assert.equal(lines[0], `Created deployment orders (${created(r.stdout)}).`);
    assert.equal(lines[1], 'Save the credentials above now: ECE will not show them again.');
    for (const [kind, ref] of [
      ['elasticsearch', 'main-elasticsearch'],
      ['kibana', 'main-kibana'],
    ] as const) {
      const steps = lines
        .filter((l) => l.startsWith(`${kind} ${ref}: `))
        .map((l) => l.slice(kind.length + ref.length + 3));
      assert.deepEqual(steps.slice(0, -1), planSteps('create', kind), `${kind} steps`);
      assert.match(steps.at(-1) ?? '', /^finished in \d/);
    }
    assert.match(lines.at(-2) ?? '', /^Plan finished in \d/);
    const show = await run(['deployments', 'show', 'orders', '--json', '--query', 'healthy'], {
      env,
    });
    assert.equal(show.stdout, 'true\n');
  });

  it('update --wait follows the plans of the resources it changes; --prune-orphans shuts the rest down', async () => {
    // Its own deployment: no test depends on another's.
    const made = await run(['deployments', 'create', '-f', definition('orders-update'), '--wait'], {
      env,
      clock,
      secretOnStdout: true,
    });
    assert.equal(made.code, 0, made.stderr);
    registerSecret(/password\t(\S+)/.exec(made.stdout)?.[1]);
    const kibanaOnly = join(dir, 'resize-kibana.json');
    // ECE starts no plan for an unchanged resource: these files change what they name.
    const request = JSON.parse(
      JSON.stringify(createRequest('orders-update'))
        .replaceAll('"value":2048', '"value":4096')
        .replaceAll('"value":1024', '"value":2048'),
    ) as { resources: Record<string, unknown[]> };
    writeFileSync(kibanaOnly, JSON.stringify({ resources: { kibana: request.resources.kibana } }));
    const check = await run(
      ['deployments', 'update', 'orders-update', '-f', kibanaOnly, '--validate-only'],
      { env },
    );
    assert.deepEqual(
      [check.code, check.stderr],
      [0, 'The change is valid; nothing was applied.\n'],
    );
    const r = await run(['deployments', 'update', 'orders-update', '-f', kibanaOnly, '--wait'], {
      env,
      clock,
    });
    assert.equal(r.code, 0, r.stderr);
    const steps = r.stderr
      .split('\n')
      .filter((l) => l.startsWith('kibana main-kibana: '))
      .map((l) => l.slice(20));
    assert.deepEqual(steps.slice(0, -1), planSteps('update', 'kibana'));
    assert.ok(
      !r.stderr.includes('elasticsearch main-elasticsearch:'),
      'elasticsearch was not changed',
    );

    const esOnly = join(dir, 'es-only.json');
    writeFileSync(
      esOnly,
      JSON.stringify({
        prune_orphans: true,
        resources: { elasticsearch: request.resources.elasticsearch },
      }),
    );
    const kept = await run(['deployments', 'update', 'orders-update', '-f', esOnly], { env });
    assert.equal(kept.code, 0);
    assert.match(
      kept.stderr,
      /^warning: the file says prune_orphans: true; that is ignored without --prune-orphans\n/,
    );
    const lastPut = t.exchanges.filter((e) => e.method === 'PUT').at(-1)?.requestBody as {
      prune_orphans?: boolean;
    };
    assert.equal(lastPut.prune_orphans, false);
    const pruned = await run(
      [
        'deployments',
        'update',
        'orders-update',
        '-f',
        esOnly,
        '--prune-orphans',
        '--yes',
        '--wait',
      ],
      { env, clock },
    );
    assert.equal(pruned.code, 0, pruned.stderr);
    const status = await run(
      [
        'deployments',
        'show',
        'orders-update',
        '--json',
        '--query',
        'resources.kibana[0].info.status',
      ],
      { env },
    );
    assert.equal(status.stdout, '"stopped"\n');
  });

  it("a fail-plan deployment: exit 7 with the failing step and ECE's message", async () => {
    const r = await run(
      ['deployments', 'create', '-f', definition('billing-fail-plan'), '--wait'],
      {
        env,
        clock,
        secretOnStdout: true,
      },
    );
    registerSecret(/password\t(\S+)/.exec(r.stdout)?.[1]);
    assert.equal(r.code, 7);
    const failing = planSteps('create', 'elasticsearch').at(-3);
    assert.ok(
      r.stderr.endsWith(
        `error: elasticsearch main-elasticsearch: the plan failed at step ${failing}: Instances did not become healthy in time: [instance-0000000001] failed health checks\n`,
      ),
      r.stderr,
    );
    assert.match(
      r.stderr,
      new RegExp(`elasticsearch main-elasticsearch: failed at step ${failing}: Instances did not`),
    );
  });

  it('--wait-timeout 2s on a longer plan: exit 8 naming what still runs', async () => {
    const slow = await testSandbox({ deployments: 0, planDurationMs: 60_000 });
    registerSecret(slow.sb.apiKey);
    try {
      const started = clock.moved();
      const r = await run(
        ['deployments', 'create', '-f', definition('slow-one'), '--wait', '--wait-timeout', '2s'],
        {
          env: slow.env,
          clock,
          secretOnStdout: true,
        },
      );
      registerSecret(/password\t(\S+)/.exec(r.stdout)?.[1]);
      assert.equal(r.code, 8);
      assert.match(
        r.stderr,
        /\nerror: gave up waiting after 2(\.\d)?s \(--wait-timeout\); still running: elasticsearch main-elasticsearch \(at step plan-validator\), kibana main-kibana \(at step plan-validator\); the plan goes on in ECE\nhint: follow it with `ece deployments plan watch [0-9a-f]{32}`\n$/,
      );
      // The CLI waited its 2 s, and no more, on the clock the plan runs on.
      assert.equal(clock.moved() - started, 2_000);
    } finally {
      await slow.close();
    }
  });

  it('create retried with the same --request-id makes one deployment', async () => {
    const PAY = 'payments-0123456789abcdef01234567';
    const file = definition('payments');
    const first = await run(['deployments', 'create', '-f', file, '--request-id', PAY], {
      env,
      secretOnStdout: true,
    });
    registerSecret(/password\t(\S+)/.exec(first.stdout)?.[1]);
    const again = await run(['deployments', 'create', '-f', file, '--request-id', PAY], {
      env,
    });
    assert.equal(first.code, 0);
    assert.equal(again.code, 0);
    assert.equal(created(again.stdout), created(first.stdout));
    assert.equal(
      again.stderr,
      `Deployment payments (${created(first.stdout)}) was already created with request id ${PAY}; its credentials are not shown again.\n`,
    );
    const list = await run(
      ['deployments', 'list', '--query', "deployments[?name=='payments'].id"],
      { env },
    );
    assert.equal(list.stdout, `${created(first.stdout)}\n`);
  });

  it('search --all --size 2 returns every deployment once', async () => {
    const all = await run(['deployments', 'search', '--all', '--size', '2', '--json'], { env });
    assert.equal(all.code, 0, all.stderr);
    const body = JSON.parse(all.stdout) as { deployments: { id: string }[]; return_count: number };
    const ids = body.deployments.map((d) => d.id);
    const listed = JSON.parse((await run(['deployments', 'list', '--json'], { env })).stdout)
      .deployments.length;
    assert.ok(listed >= 7);
    assert.equal(ids.length, listed);
    assert.equal(new Set(ids).size, listed);
    assert.equal(body.return_count, listed);
    const searches = t.exchanges.filter((e) => e.url === '/api/v1/deployments/_search');
    assert.ok(
      searches
        .slice(-Math.ceil(listed / 2))
        .every((e) => (e.body as { return_count: number }).return_count <= 2),
    );
  });

  it('search --search name:prefix* finds the right ones', async () => {
    const prefix = await run(['deployments', 'search', '--search', 'name:a*'], { env });
    assert.deepEqual(
      prefix.stdout
        .trim()
        .split('\n')
        .map((l) => l.split('\t')[1])
        .sort(),
      // ECE's own admin console deployment starts with an a too.
      ['admin-console-elasticsearch', 'apm-traces', 'app-search-prod', 'audit-archive'],
    );
    const two = await run(
      ['deployments', 'search', '--search', 'name:a* healthy:true region:ece-region'],
      { env },
    );
    assert.equal(two.stdout.trim().split('\n').length, 4);
    const none = await run(['deployments', 'search', '--search', 'name:zzz*'], { env, tty: true });
    assert.deepEqual([none.code, none.stdout, none.stderr], [0, '', 'No deployments match.\n']);
    const bad = await run(['deployments', 'search', '--search', 'name:a*b'], { env });
    assert.deepEqual(
      [bad.code, bad.stderr],
      [2, 'error: invalid --search term "name:a*b": only a trailing * is supported\n'],
    );
  });

  it('show resolves a name; two deployments with that name is exit 2 listing both ids; no match is 3', async () => {
    const one = await run(['deployments', 'show', 'metrics'], { env });
    assert.equal(one.code, 0, one.stderr);
    assert.match(
      one.stdout,
      /^elasticsearch\tmain-elasticsearch\t[0-9a-f]{32}\tstarted\ttrue\t8\.15\.1\tece-region\thttps:\/\//,
    );
    const a = await run(['deployments', 'create', '-f', definition('twin')], {
      env,
      secretOnStdout: true,
    });
    const b = await run(['deployments', 'create', '-f', definition('twin')], {
      env,
      secretOnStdout: true,
    });
    registerSecret(/password\t(\S+)/.exec(a.stdout)?.[1], /password\t(\S+)/.exec(b.stdout)?.[1]);
    const twin = await run(['deployments', 'show', 'twin'], { env });
    assert.equal(twin.code, 2);
    const ids = [created(a.stdout), created(b.stdout)];
    assert.match(
      twin.stderr,
      /^error: 2 deployments are named "twin"; give one of their ids: [0-9a-f]{32}, [0-9a-f]{32}\n$/,
    );
    for (const id of ids) assert.ok(twin.stderr.includes(id));
    const missing = await run(['deployments', 'show', 'no-such-name'], { env });
    assert.deepEqual(
      [missing.code, missing.stderr],
      [3, 'error: no deployment has the id or name "no-such-name"\n'],
    );
    const missingId = await run(['deployments', 'show', '0123456789abcdef0123456789abcdef'], {
      env,
    });
    assert.deepEqual(
      [missingId.code, missingId.stderr],
      [
        3,
        'error: Deployment [0123456789abcdef0123456789abcdef] cannot be found (deployments.deployment_not_found)\n',
      ],
    );
  });

  it('delete of a running deployment is exit 5 with the explanation; shutdown then delete succeeds', async () => {
    const c = await run(['deployments', 'create', '-f', definition('old-logs'), '--wait'], {
      env,
      clock,
      secretOnStdout: true,
    });
    registerSecret(/password\t(\S+)/.exec(c.stdout)?.[1]);
    const id = created(c.stdout);
    const early = await run(['deployments', 'delete', 'old-logs', '--yes'], { env });
    assert.equal(early.code, 5);
    assert.equal(
      early.stderr,
      `error: Deployment [${id}] must be shut down before it can be deleted (deployments.resource_not_shutdown)\nhint: a running deployment must be shut down first: ece deployments shutdown ${id} --wait\n`,
    );
    const down = await run(['deployments', 'shutdown', 'old-logs', '--yes', '--wait'], {
      env,
      clock,
    });
    assert.equal(down.code, 0, down.stderr);
    assert.ok(down.stderr.startsWith(`Shutting down deployment "old-logs" (${id}).\n`));
    const del = await run(['deployments', 'delete', id, '--yes'], { env });
    assert.deepEqual([del.code, del.stderr], [0, `Deleted deployment ${id}.\n`]);
    const gone = await run(['deployments', 'show', id], { env });
    assert.equal(gone.code, 3);
  });

  it('destructive commands without a terminal and without --yes fail at once (exit 2)', async () => {
    for (const argv of [
      ['shutdown', 'metrics'],
      ['delete', 'metrics'],
      ['plan', 'cancel', 'metrics', '--kind', 'elasticsearch'],
      ['update', 'metrics', '-f', definition('x'), '--prune-orphans'],
    ]) {
      const before = t.exchanges.length;
      const watch = stopwatch();
      const r = await run(['deployments', ...argv], { env });
      assert.deepEqual(
        [r.code, r.stderr],
        [2, 'error: this needs confirmation: pass --yes to run it without a terminal\n'],
        argv.join(' '),
      );
      watch.atMost(200, `${argv.join(' ')} without a terminal`);
      assert.equal(t.exchanges.length, before, 'a request was sent');
    }
  });

  it('restart, stop and start a resource with --wait; --ref-id is needed only when a kind has several', async () => {
    const restart = await run(['deployments', 'restart', 'metrics', '--wait'], {
      env,
      clock,
    });
    assert.equal(restart.code, 0, restart.stderr);
    assert.match(restart.stderr, /elasticsearch main-elasticsearch: restart-instances\n/);
    const stop = await run(
      ['deployments', 'stop', 'security-analytics', '--kind', 'kibana', '--wait'],
      { env, clock },
    );
    assert.equal(stop.code, 0, stop.stderr);
    const status = await run(
      [
        'deployments',
        'show',
        'security-analytics',
        '--json',
        '--query',
        'resources.kibana[0].info.status',
      ],
      { env },
    );
    assert.equal(status.stdout, '"stopped"\n');
    const start = await run(
      ['deployments', 'start', 'security-analytics', '--kind', 'kibana', '--wait'],
      { env, clock },
    );
    assert.equal(start.code, 0);
    const noKind = await run(['deployments', 'restart', 'metrics', '--kind', 'kibana'], { env });
    assert.equal(noKind.code, 3);
    assert.match(
      noKind.stderr,
      /^error: deployment metrics \([0-9a-f]{32}\) has no kibana resource\n$/,
    );
    const badKind = await run(['deployments', 'restart', 'metrics', '--kind', 'logstash'], { env });
    assert.equal(badKind.code, 2);
  });

  it('bad definition files give file:line:column', async () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{\n  "name": "x",\n  "resources": }\n');
    const r = await run(['deployments', 'create', '-f', bad], { env });
    assert.deepEqual(
      [r.code, r.stderr],
      [2, `error: ${bad}:3:16: invalid JSON: unexpected "}"; expected a value\n`],
    );
    const empty = join(dir, 'empty.json');
    writeFileSync(empty, '');
    const e = await run(['deployments', 'create', '-f', empty], { env });
    assert.deepEqual([e.code, e.stderr], [2, `error: ${empty} is empty\n`]);
    const binary = join(dir, 'binary.json');
    writeFileSync(binary, Buffer.from([0x7b, 0x00, 0xff, 0xfe]));
    const b = await run(['deployments', 'create', '-f', binary], { env });
    assert.deepEqual([b.code, b.stderr], [2, `error: ${binary} is not a text file\n`]);
    const missing = await run(['deployments', 'create', '-f', join(dir, 'nope.json')], { env });
    assert.deepEqual(
      [missing.code, missing.stderr],
      [2, `error: cannot read ${join(dir, 'nope.json')}: no such file\n`],
    );
    const yaml = await run(['deployments', 'create', '-f', '-', '--validate-only'], {
      env,
      stdin:
        'name: from-yaml\nresources:\n  elasticsearch:\n    - ref_id: main-elasticsearch\n      region: ece-region\n      plan: {cluster_topology: [], elasticsearch: {version: 8.15.1}}\n',
    });
    assert.equal(yaml.code, 0, yaml.stderr);
    assert.equal(yaml.stderr, 'The definition is valid — nothing was created.\n');
    assert.equal(yaml.stdout, '');
  });
});
