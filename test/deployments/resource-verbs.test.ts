// `ece deployments resource show|shutdown|restore|delete`: each plan's exact
// request checked against the spec (no server), the input rules, then the
// verbs in-process against the sandbox (a stateless resource shut down,
// deleted; restore refused while it runs; --dry-run, --json).

import { describe, it } from 'node:test';
import { verb as del } from '../../src/commands/deployments/resources/delete.js';
import { verb as restore } from '../../src/commands/deployments/resources/restore.js';
import { verb as show } from '../../src/commands/deployments/resources/show.js';
import { verb as shutdown } from '../../src/commands/deployments/resources/shutdown.js';
import assert from '../helpers/assert.js';
import { run } from '../helpers/cli.js';
import { planOf } from '../helpers/plan.js';
import { checkPlanned } from '../helpers/planned.js';
import { useSandbox } from '../helpers/sandbox.js';

const ID = 'abcdefabcdefabcdefabcdefabcdef24';

describe('deployments resource: plans against the spec (no server)', () => {
  it('shutdown: Elasticsearch has its own operation, the other kinds the stateless one', async () => {
    const es = await planOf(shutdown, {
      deployment: ID,
      kind: 'elasticsearch',
      refId: 'main-elasticsearch',
      skipSnapshot: true,
      hide: true,
    });
    const kibana = await planOf(shutdown, { deployment: ID, kind: 'kibana', refId: 'main-kibana' });
    assert.deepEqual([...(es.plan.writes ?? []), ...(kibana.plan.writes ?? [])].map(checkPlanned), [
      {
        operation: 'POST /deployments/{deployment_id}/elasticsearch/{ref_id}/_shutdown',
        violations: [],
      },
      {
        operation: 'POST /deployments/{deployment_id}/{stateless_resource_kind}/{ref_id}/_shutdown',
        violations: [],
      },
    ]);
    assert.deepEqual(es.plan.writes?.[0]?.query, { skip_snapshot: true, hide: true });
    assert.equal(
      es.plan.confirm,
      `Shut down elasticsearch main-elasticsearch of deployment ${ID}? Its instances stop until it is restored.`,
    );
    assert.equal(kibana.plan.done, `Shutting down kibana main-kibana of deployment ${ID}.`);
  });

  it('restore and delete: the exact requests; delete refuses Elasticsearch before any request', async () => {
    const r = await planOf(restore, {
      deployment: ID,
      kind: 'elasticsearch',
      refId: '_main',
      restoreSnapshot: true,
    });
    const d = await planOf(del, { deployment: ID, kind: 'apm', refId: 'main-apm' });
    assert.deepEqual(
      [...(r.plan.writes ?? []), ...(d.plan.writes ?? [])].map((w) => [
        w.method,
        w.path,
        w.query,
        checkPlanned(w),
      ]),
      [
        [
          'POST',
          `/deployments/${ID}/elasticsearch/_main/_restore`,
          { restore_snapshot: true },
          {
            operation: 'POST /deployments/{deployment_id}/{resource_kind}/{ref_id}/_restore',
            violations: [],
          },
        ],
        [
          'DELETE',
          `/deployments/${ID}/apm/main-apm`,
          undefined,
          {
            operation: 'DELETE /deployments/{deployment_id}/{stateless_resource_kind}/{ref_id}',
            violations: [],
          },
        ],
      ],
    );
    assert.equal(
      d.plan.confirm,
      `Delete apm main-apm of deployment ${ID} for good? Its configuration and plan history go too.`,
    );
    await assert.rejects(planOf(del, { deployment: ID, kind: 'elasticsearch' }), {
      message:
        'Elasticsearch cannot be deleted on its own: shut down and delete the deployment instead',
    });
    await assert.rejects(planOf(del, { deployment: ID, kind: 'kibanna' }), {
      message:
        'invalid --kind "kibanna" (valid: kibana, apm, integrations_server, enterprise_search, appsearch)',
    });
    await assert.rejects(planOf(shutdown, { deployment: ID, kind: 'logstash' }), {
      message:
        'invalid --kind "logstash" (valid: elasticsearch, kibana, apm, integrations_server, enterprise_search, appsearch)',
    });
  });

  it('restore --restore-snapshot on a stateless kind: a warning, the flag still sent as asked', async () => {
    const r = await planOf(restore, {
      deployment: ID,
      kind: 'kibana',
      refId: 'main-kibana',
      restoreSnapshot: true,
    });
    assert.equal(
      r.stderr,
      'warning: --restore-snapshot has no effect on kibana: only Elasticsearch has snapshots\n',
    );
  });

  it('show reads nothing else when --ref-id is given (the read is the plan)', async () => {
    // No server: the GET itself fails with a network error, after no other read.
    await assert.rejects(planOf(show, { deployment: ID, kind: 'kibana', refId: 'main-kibana' }), {
      message: /127\.0\.0\.1:9/,
    });
  });
});

describe('deployments resource against the sandbox', () => {
  const sb = useSandbox({ deployments: 1, systemDeployments: false, planDurationMs: 1 });
  const id = () => sb.sb.state.list()[0]?.id ?? '';

  it('show: its fields piped; --json is GET …/{kind}/{ref_id} as curl gets it', async () => {
    const piped = await run(['deployments', 'resource', 'show', 'prod-logs', '--kind', 'kibana'], {
      env: sb.env,
    });
    assert.equal(piped.code, 0, piped.stderr);
    const r = sb.sb.state.list()[0]?.resources.find((x) => x.kind === 'kibana');
    assert.equal(
      piped.stdout,
      `kind\tkibana\nref_id\tmain-kibana\nid\t${r?.id}\nregion\tece-region\nstatus\tstarted\nhealthy\tyes\nversion\t8.15.1\npending_plan\tno\ninstances\t1\n`,
    );
    const json = await run(
      [
        'deployments',
        'resource',
        'show',
        id(),
        '--kind',
        'kibana',
        '--ref-id',
        'main-kibana',
        '--json',
      ],
      { env: sb.env },
    );
    const direct = await sb.call('GET', `/deployments/${id()}/kibana/main-kibana`);
    assert.deepEqual(JSON.parse(json.stdout), direct.body);
    assert.equal(sb.exchanges.at(-2)?.url, `/api/v1/deployments/${id()}/kibana/main-kibana`);
  });

  it('shutdown without --yes and without a terminal: exit 2, nothing sent', async () => {
    const before = sb.exchanges.length;
    const r = await run(['deployments', 'resource', 'shutdown', 'prod-logs', '--kind', 'apm'], {
      env: sb.env,
    });
    assert.deepEqual(
      [r.code, r.stdout, r.stderr],
      [2, '', 'error: this needs confirmation: pass --yes to run it without a terminal\n'],
    );
    assert.equal(sb.exchanges.length, before);
  });

  it('delete while it runs: exit 5 with the hint; shutdown --wait, then delete; restore of a running one: exit 5', async () => {
    const early = await run(
      ['deployments', 'resource', 'delete', 'prod-logs', '--kind', 'apm', '--yes'],
      { env: sb.env },
    );
    assert.equal(early.code, 5);
    assert.equal(
      early.stderr,
      `error: The apm resource [main-apm] of deployment [${id()}] still has instances: shut it down first (deployments.resource_has_instances)\nhint: shut it down first: ece deployments resource shutdown ${id()} --kind apm --ref-id main-apm --wait\n`,
    );
    const down = await run(
      ['deployments', 'resource', 'shutdown', 'prod-logs', '--kind', 'apm', '--yes', '--wait'],
      { env: sb.env },
    );
    assert.equal(down.code, 0, down.stderr);
    assert.match(
      down.stderr,
      new RegExp(`^Shutting down apm main-apm of deployment "prod-logs" \\(${id()}\\)\\.\n`),
    );
    const status = await sb.call('GET', `/deployments/${id()}/apm/main-apm`);
    assert.equal((status.body as { info: { status: string } }).info.status, 'stopped');
    const running = await run(
      ['deployments', 'resource', 'restore', id(), '--kind', 'kibana', '--ref-id', 'main-kibana'],
      { env: sb.env },
    );
    assert.equal(running.code, 5);
    assert.match(running.stderr, /\(deployments\.resource_not_shutdown\)\nhint: it is running/);
    const gone = await run(
      ['deployments', 'resource', 'delete', 'prod-logs', '--kind', 'apm', '--yes', '--json'],
      { env: sb.env },
    );
    assert.deepEqual(
      [gone.code, JSON.parse(gone.stdout), gone.stderr],
      [
        0,
        { id: id(), kind: 'apm', ref_id: 'main-apm' },
        `Deleted apm main-apm of deployment "prod-logs" (${id()}).\n`,
      ],
    );
    assert.equal(
      sb.sb.state.list()[0]?.resources.some((x) => x.kind === 'apm'),
      false,
    );
  });

  it('shutdown and restore of Kibana on its own: the rest keeps running', async () => {
    const down = await run(
      ['deployments', 'resource', 'shutdown', id(), '--kind', 'kibana', '--yes', '--wait'],
      { env: sb.env },
    );
    assert.equal(down.code, 0, down.stderr);
    const back = await run(
      ['deployments', 'resource', 'restore', id(), '--kind', 'kibana', '--wait'],
      { env: sb.env },
    );
    assert.equal(back.code, 0, back.stderr);
    assert.match(
      back.stderr,
      new RegExp(`^Restoring kibana main-kibana of deployment ${id()}\\.\n`),
    );
    const body = (await sb.call('GET', `/deployments/${id()}`)).body as {
      resources: Record<string, { info: { status: string } }[]>;
    };
    assert.deepEqual(
      [body.resources.elasticsearch?.[0]?.info.status, body.resources.kibana?.[0]?.info.status],
      ['started', 'started'],
    );
  });

  it('--dry-run prints the curl line and sends no write', async () => {
    const before = sb.exchanges.length;
    const dry = await run(
      [
        'deployments',
        'resource',
        'shutdown',
        id(),
        '--kind',
        'kibana',
        '--ref-id',
        'main-kibana',
        '--dry-run',
      ],
      { env: sb.env },
    );
    assert.equal(dry.code, 0, dry.stderr);
    assert.match(
      dry.stdout,
      new RegExp(
        `^printf .* \\| curl -sS -g -K - -X POST ${sb.sb.url}/api/v1/deployments/${id()}/kibana/main-kibana/_shutdown `,
      ),
    );
    assert.equal(sb.exchanges.length, before);
  });
});
