// `ece allocators vacate` with ecctl's options, against a per-test server:
// the exact requests for --allocator-down=false (and its spellings),
// --skip-snapshot, --skip-data-migration and --override-failsafe (in the
// moved plan's plan_configuration, as cloud-sdk-go's PlanOverrides, only on
// the kinds the spec has them for), --maintenance first, several allocators
// in one run (one result each, the most severe exit code), and a resource
// with a plan still pending skipped with a warning as cloud-sdk-go does.

import { readFileSync } from 'node:fs';
import { afterEach, describe, it } from 'node:test';
import { MOVE_KINDS, moveRequest } from '../../src/api/allocators.js';
import assert from '../helpers/assert.js';
import { run } from '../helpers/cli.js';
import { registerSecret } from '../helpers/secrets.js';
import { eceError, json, type TestServer } from '../helpers/server.js';
import { specPath } from '../helpers/spec.js';
import {
  API_KEY,
  closeAll,
  curl,
  envFor,
  type Routes,
  serve,
  ua,
} from './platform-admin-helpers.js';

const BASE = '/platform/infrastructure/allocators';
const DEP = 'd'.repeat(32);
const PENDING =
  'There is a plan still pending, cancel that or wait for it to complete before restarting';
const KINDS = ['elasticsearch', 'kibana', 'apm', 'appsearch', 'enterprise_search'];
const none = () => Object.fromEntries(KINDS.map((k) => [`${k}_clusters`, [] as unknown[]]));

type Status = { connected: boolean; healthy: boolean; maintenance_mode: boolean };
const UP: Status = { connected: true, healthy: true, maintenance_mode: false };

function allocator(id: string, status: Status, resources: [kind: string, rid: string][]) {
  return {
    allocator_id: id,
    zone_id: 'z1',
    host_ip: id,
    public_hostname: id,
    capacity: { memory: { total: 8192, used: 1024 * resources.length } },
    status,
    instances: resources.map(([kind, rid]) => ({
      cluster_id: rid,
      cluster_type: kind,
      cluster_name: `web-${rid}`,
      instance_name: 'instance-0000000000',
      node_memory: 1024,
      deployment_id: DEP,
    })),
  };
}

const calculated = (from: string, kind: string, down?: boolean) => ({
  plan_configuration: {
    move_allocators: [{ from, ...(down === undefined ? {} : { allocator_down: down }) }],
    ...(kind === 'elasticsearch' ? { move_only: true } : {}),
  },
});

/**
 * A server for these allocators: the validate pass answers each named
 * resource as a move, or as a failure with the message `fail[rid]`; the move
 * by kind answers `moveFail[rid]` as a failure, else accepted.
 */
function routesFor(
  allocators: ReturnType<typeof allocator>[],
  o: { fail?: Record<string, string>; moveFail?: Record<string, string> } = {},
): Routes {
  const routes: Routes = {};
  for (const a of allocators) {
    const id = a.allocator_id;
    routes[`GET ${BASE}/${id}`] = [200, a];
    routes[`POST ${BASE}/${id}/maintenance-mode/_start`] = [202, {}];
    routes[`POST ${BASE}/${id}/clusters/_move`] = (req, res) => {
      const body = JSON.parse(req.body) as Record<string, { cluster_ids: string[] }[]>;
      const down = new URL(req.url, 'http://x').searchParams.get('allocator_down');
      const moves = none();
      const failures = none();
      for (const kind of KINDS)
        for (const rid of body[`${kind}_clusters`]?.[0]?.cluster_ids ?? []) {
          const message = o.fail?.[rid];
          if (message)
            failures[`${kind}_clusters`]?.push({
              cluster_id: rid,
              errors: [{ code: 'clusters.cluster_plan_state_error', message }],
            });
          else
            moves[`${kind}_clusters`]?.push({
              cluster_id: rid,
              calculated_plan: calculated(id, kind, down === null ? undefined : down === 'true'),
            });
        }
      json(res, 202, { moves, failures });
    };
    for (const kind of KINDS)
      routes[`POST ${BASE}/${id}/clusters/${kind}/_move`] = (req, res) => {
        const body = JSON.parse(req.body) as Record<string, { cluster_ids: string[] }[]>;
        const rid = body[`${kind}_clusters`]?.[0]?.cluster_ids[0] ?? '';
        const failures = none();
        const message = o.moveFail?.[rid];
        if (message)
          failures[`${kind}_clusters`]?.push({
            cluster_id: rid,
            errors: [{ code: 'clusters.cluster_plan_state_error', message }],
          });
        json(res, 202, { moves: none(), failures });
      };
  }
  return routes;
}

/** The requests the server got, as `METHOD path?query body`. */
const sent = (s: TestServer) =>
  s.requests.map(
    (r) => `${r.method} ${r.url.replace(/^\/api\/v1/, '')}${r.body ? ` ${r.body}` : ''}`,
  );

const moveOf = (
  from: string,
  kind: string,
  rid: string,
  query: string,
  plan_configuration: Record<string, unknown>,
) =>
  `POST ${BASE}/${from}/clusters/${kind}/_move${query} ${JSON.stringify({
    [`${kind}_clusters`]: [{ cluster_ids: [rid], plan_override: { plan_configuration } }],
  })}`;

type Schema = { $ref?: string; items?: Schema; properties?: Record<string, Schema> };

it('the overrides land only in plan_configuration keys the spec has for each kind', () => {
  const defs = (
    JSON.parse(readFileSync(specPath(), 'utf8')) as { definitions: Record<string, Schema> }
  ).definitions;
  const deref = (x: Schema | undefined): Schema =>
    x?.$ref ? (defs[x.$ref.replace('#/definitions/', '')] ?? {}) : (x ?? {});
  for (const kind of MOVE_KINDS) {
    const entry = deref(deref(defs.MoveClustersRequest).properties?.[`${kind}_clusters`]?.items);
    const control = deref(deref(entry.properties?.plan_override).properties?.plan_configuration);
    const write = moveRequest(
      'a1',
      kind,
      { cluster_id: 'c1' },
      [],
      {},
      {
        skipSnapshot: true,
        skipDataMigration: true,
        overrideFailsafe: true,
      },
    );
    const body = write.body as Record<string, { plan_override: { plan_configuration: object } }[]>;
    const keys = Object.keys(body[`${kind}_clusters`]?.[0]?.plan_override.plan_configuration ?? {});
    assert.deepEqual(
      keys.filter((k) => !(k in (control.properties ?? {}))),
      [],
      kind,
    );
    assert.equal(keys.includes('override_failsafe'), true, kind);
    assert.equal(keys.includes('skip_snapshot'), kind === 'elasticsearch', kind);
  }
});

describe('allocators vacate: ecctl options against a per-test server', () => {
  registerSecret(API_KEY);
  afterEach(closeAll);

  it('--allocator-down=false, --allocator-down false and --no-allocator-down send false for a disconnected allocator', async () => {
    const down = { connected: false, healthy: false, maintenance_mode: true };
    for (const flags of [
      ['--allocator-down=false'],
      ['--allocator-down', 'false'],
      ['--no-allocator-down'],
    ]) {
      const s = await serve(routesFor([allocator('10.0.0.1', down, [['kibana', 'kb1']])]));
      const r = await run(['allocators', 'vacate', '10.0.0.1', ...flags, '--yes'], {
        env: envFor(s),
      });
      assert.deepEqual(
        [r.code, r.stdout, r.stderr],
        [
          0,
          '',
          'Allocator 10.0.0.1 is disconnected: its instances are moved as if it were up (--allocator-down=false).\n' +
            'Moving kibana kb1 of web-kb1 off 10.0.0.1.\n' +
            'Started 1 move off 10.0.0.1; follow them with `ece allocators show 10.0.0.1` or use --wait.\n',
        ],
        flags.join(' '),
      );
      assert.deepEqual(
        sent(s),
        [
          `GET ${BASE}/10.0.0.1`,
          `POST ${BASE}/10.0.0.1/clusters/_move?validate_only=true&allocator_down=false {"kibana_clusters":[{"cluster_ids":["kb1"]}]}`,
          moveOf('10.0.0.1', 'kibana', 'kb1', '?allocator_down=false', {
            move_allocators: [{ from: '10.0.0.1', allocator_down: false }],
          }),
        ],
        flags.join(' '),
      );
      await s.close();
    }
  });

  it('--allocator-down alone is true, also for a healthy allocator; a bad value is exit 2', async () => {
    const s = await serve(routesFor([allocator('10.0.0.1', UP, [['kibana', 'kb1']])]));
    const env = envFor(s);
    const r = await run(['allocators', 'vacate', '10.0.0.1', '--allocator-down', '--yes'], { env });
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(sent(s).slice(1), [
      `POST ${BASE}/10.0.0.1/clusters/_move?validate_only=true&allocator_down=true {"kibana_clusters":[{"cluster_ids":["kb1"]}]}`,
      moveOf('10.0.0.1', 'kibana', 'kb1', '?allocator_down=true', {
        move_allocators: [{ from: '10.0.0.1', allocator_down: true }],
      }),
    ]);
    const n = s.requests.length;
    const cases: [string[], string][] = [
      [
        ['10.0.0.1', '--allocator-down=maybe'],
        'error: invalid --allocator-down "maybe": use true or false (--allocator-down=false), after the allocators\n',
      ],
      [
        // commander takes the word after the flag as its value.
        ['--allocator-down', '10.0.0.1', '10.0.0.2'],
        'error: invalid --allocator-down "10.0.0.1": use true or false (--allocator-down=false), after the allocators\n',
      ],
      [
        ['10.0.0.1', '--skip-snapshot=yes'],
        'error: invalid --skip-snapshot "yes": use true or false (--skip-snapshot=false), after the allocators\n',
      ],
    ];
    for (const [args, stderr] of cases) {
      const bad = await run(['allocators', 'vacate', ...args, '--yes'], { env });
      assert.deepEqual([bad.code, bad.stdout, bad.stderr], [2, '', stderr], args.join(' '));
    }
    assert.equal(s.requests.length, n);
  });

  it('--skip-snapshot, --skip-data-migration, --override-failsafe go in plan_configuration where the spec has them', async () => {
    const s = await serve(
      routesFor([
        allocator('10.0.0.1', UP, [
          ['elasticsearch', 'es1'],
          ['kibana', 'kb1'],
        ]),
      ]),
    );
    const env = envFor(s);
    const r = await run(
      [
        'allocators',
        'vacate',
        '10.0.0.1',
        '--deployment',
        DEP,
        '--skip-snapshot',
        '--skip-data-migration',
        '--override-failsafe',
        '--concurrency',
        '1',
        '--yes',
      ],
      { env },
    );
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(sent(s).slice(2), [
      moveOf('10.0.0.1', 'elasticsearch', 'es1', '', {
        move_allocators: [{ from: '10.0.0.1' }],
        move_only: true,
        skip_snapshot: true,
        skip_data_migration: true,
        override_failsafe: true,
      }),
      // Kibana's plan_configuration has override_failsafe, not the other two.
      moveOf('10.0.0.1', 'kibana', 'kb1', '', {
        move_allocators: [{ from: '10.0.0.1' }],
        override_failsafe: true,
      }),
    ]);
    // =false is sent as false; the dry run shows it.
    const dry = await run(
      ['allocators', 'vacate', '10.0.0.1', '--kind', 'es', '--skip-snapshot=false', '--dry-run'],
      { env },
    );
    assert.equal(dry.code, 0, dry.stderr);
    assert.equal(
      ua(dry.stdout),
      curl('POST', `${s.url}/api/v1${BASE}/10.0.0.1/clusters/elasticsearch/_move`, {
        elasticsearch_clusters: [
          {
            cluster_ids: ['es1'],
            plan_override: {
              plan_configuration: {
                move_allocators: [{ from: '10.0.0.1' }],
                move_only: true,
                skip_snapshot: false,
              },
            },
          },
        ],
      }),
    );
    const n = s.requests.length;
    const cases: [string[], string][] = [
      [
        ['--kind', 'kibana', '--skip-snapshot'],
        'error: --skip-snapshot applies to Elasticsearch only: add --kind elasticsearch\n',
      ],
      [
        ['--skip-data-migration'],
        'error: --skip-data-migration needs --deployment (the resources it applies to) and no --no-move-only\n',
      ],
      [
        ['--skip-data-migration', '--deployment', DEP, '--no-move-only'],
        'error: --skip-data-migration needs --deployment (the resources it applies to) and no --no-move-only\n',
      ],
    ];
    for (const [args, stderr] of cases) {
      const bad = await run(['allocators', 'vacate', '10.0.0.1', ...args, '--yes'], { env });
      assert.deepEqual([bad.code, bad.stdout, bad.stderr], [2, '', stderr], args.join(' '));
    }
    assert.equal(s.requests.length, n);
  });

  it('--maintenance: maintenance mode first, said on stderr; the dry run prints that write too', async () => {
    const s = await serve(
      routesFor([
        allocator('10.0.0.1', UP, [['kibana', 'kb1']]),
        allocator('10.0.0.2', { ...UP, maintenance_mode: true }, [['apm', 'apm1']]),
      ]),
    );
    const env = envFor(s);
    const dry = await run(
      ['allocators', 'vacate', '10.0.0.1', '10.0.0.2', '--maintenance', '--dry-run'],
      { env },
    );
    assert.equal(dry.code, 0, dry.stderr);
    assert.equal(
      ua(dry.stdout),
      curl('POST', `${s.url}/api/v1${BASE}/10.0.0.1/maintenance-mode/_start`) +
        curl('POST', `${s.url}/api/v1${BASE}/10.0.0.1/clusters/kibana/_move`, {
          kibana_clusters: [
            { cluster_ids: ['kb1'], plan_override: calculated('10.0.0.1', 'kibana') },
          ],
        }) +
        curl('POST', `${s.url}/api/v1${BASE}/10.0.0.2/clusters/apm/_move`, {
          apm_clusters: [{ cluster_ids: ['apm1'], plan_override: calculated('10.0.0.2', 'apm') }],
        }),
    );
    assert.match(
      dry.stderr,
      /Allocator 10\.0\.0\.2 is already in maintenance mode\.\ndry run: allocator 10\.0\.0\.1 would be put in maintenance mode first\n$/,
    );
    assert.ok(!s.requests.some((q) => q.url.includes('maintenance-mode')));

    s.requests.length = 0;
    const r = await run(
      [
        'allocators',
        'vacate',
        '10.0.0.1',
        '10.0.0.2',
        '--maintenance',
        '--concurrency',
        '1',
        '--yes',
      ],
      { env },
    );
    assert.deepEqual(
      [r.code, r.stdout, r.stderr],
      [
        0,
        '',
        'Allocator 10.0.0.2 is already in maintenance mode.\n' +
          'Allocator 10.0.0.1 is in maintenance mode now.\n' +
          'Moving kibana kb1 of web-kb1 off 10.0.0.1.\n' +
          'Moving apm apm1 of web-apm1 off 10.0.0.2.\n' +
          'Started 1 move off 10.0.0.1; follow them with `ece allocators show 10.0.0.1` or use --wait.\n' +
          'Started 1 move off 10.0.0.2; follow them with `ece allocators show 10.0.0.2` or use --wait.\n',
      ],
    );
    assert.deepEqual(
      sent(s).map((l) => l.split(' ').slice(0, 2).join(' ')),
      [
        `GET ${BASE}/10.0.0.1`,
        `GET ${BASE}/10.0.0.2`,
        `POST ${BASE}/10.0.0.1/clusters/_move?validate_only=true`,
        `POST ${BASE}/10.0.0.2/clusters/_move?validate_only=true`,
        `POST ${BASE}/10.0.0.1/maintenance-mode/_start`,
        `POST ${BASE}/10.0.0.1/clusters/kibana/_move`,
        `POST ${BASE}/10.0.0.2/clusters/apm/_move`,
      ],
    );
  });

  it('--maintenance refused for one allocator: nothing moves, the error names those already in maintenance', async () => {
    const routes = routesFor([
      allocator('10.0.0.1', UP, [['kibana', 'kb1']]),
      allocator('10.0.0.2', UP, [['apm', 'apm1']]),
    ]);
    routes[`POST ${BASE}/10.0.0.2/maintenance-mode/_start`] = (_q, res) =>
      eceError(res, 403, 'root.unauthorized.rbac', 'You do not have permission');
    const s = await serve(routes);
    const r = await run(
      ['allocators', 'vacate', '10.0.0.1', '10.0.0.2', '--maintenance', '--yes'],
      { env: envFor(s) },
    );
    assert.deepEqual(
      [r.code, r.stdout, r.stderr],
      [
        4,
        '',
        'Allocator 10.0.0.1 is in maintenance mode now.\n' +
          'error: You do not have permission (root.unauthorized.rbac)\n' +
          'hint: nothing was moved; 10.0.0.1 is in maintenance mode now (ece allocators maintenance ID off)\n',
      ],
    );
    assert.ok(!s.requests.some((q) => /\/clusters\/[a-z_]+\/_move/.test(q.url)));
  });

  it('several allocators: one result each, the most severe exit code; without --maintenance a warning', async () => {
    const routes = routesFor(
      [
        allocator('10.0.0.1', UP, [['kibana', 'kb1']]),
        allocator('10.0.0.3', UP, [['kibana', 'kb3']]),
      ],
      {
        moveFail: { kb3: 'No allocator has room' },
      },
    );
    routes[`GET ${BASE}/10.0.0.2`] = (_q, res) =>
      eceError(res, 404, 'allocators.allocator_not_found', 'Allocator [10.0.0.2] cannot be found');
    const s = await serve(routes);
    const r = await run(
      ['allocators', 'vacate', '10.0.0.1', '10.0.0.2', '10.0.0.3', '--concurrency', '1', '--yes'],
      { env: envFor(s) },
    );
    assert.deepEqual(
      [r.code, r.stdout, r.stderr],
      [
        5,
        '',
        'warning: allocator 10.0.0.1 is not in maintenance mode: what moves off the others may land on it (--maintenance)\n' +
          'warning: allocator 10.0.0.3 is not in maintenance mode: what moves off the others may land on it (--maintenance)\n' +
          'Moving kibana kb1 of web-kb1 off 10.0.0.1.\n' +
          'Started 1 move off 10.0.0.1; follow them with `ece allocators show 10.0.0.1` or use --wait.\n' +
          'error: 10.0.0.2: Allocator [10.0.0.2] cannot be found (allocators.allocator_not_found)\n' +
          'error: 10.0.0.3: ECE refused to move web-kb3\n' +
          'hint: 10.0.0.3: web-kb3: kibana kb3: No allocator has room (clusters.cluster_plan_state_error)\n',
      ],
    );
    // Only the missing one: 3.
    const missing = await run(['allocators', 'vacate', '10.0.0.1', '10.0.0.2', '--yes'], {
      env: envFor(s),
    });
    assert.equal(missing.code, 3, missing.stderr);
    assert.match(
      missing.stderr,
      /\nStarted 1 move off 10\.0\.0\.1;.*\nerror: 10\.0\.0\.2: Allocator/,
    );
  });

  it('a plan still pending, in the validate pass or at the move: skipped with a warning, the others moved, exit 0', async () => {
    const s = await serve(
      routesFor(
        [
          allocator('10.0.0.1', UP, [
            ['elasticsearch', 'es1'],
            ['kibana', 'kb1'],
            ['apm', 'apm1'],
          ]),
        ],
        { fail: { es1: PENDING }, moveFail: { apm1: PENDING } },
      ),
    );
    const r = await run(['allocators', 'vacate', '10.0.0.1', '--concurrency', '1', '--yes'], {
      env: envFor(s),
    });
    assert.deepEqual(
      [r.code, r.stdout, r.stderr],
      [
        0,
        '',
        `warning: skipping elasticsearch es1 of web-es1: ${PENDING} (clusters.cluster_plan_state_error)\n` +
          'Moving kibana kb1 of web-kb1 off 10.0.0.1.\n' +
          `warning: skipping apm apm1 of web-apm1: ${PENDING} (clusters.cluster_plan_state_error)\n` +
          'Started 1 move off 10.0.0.1; follow them with `ece allocators show 10.0.0.1` or use --wait. ' +
          'Skipped web-es1, web-apm1 (a plan is still pending): vacate 10.0.0.1 again once it has ended.\n',
      ],
    );
    // The skipped resource in the validate pass is never sent as a move.
    assert.ok(!s.requests.some((q) => q.url.includes('/elasticsearch/_move')));
    // Everything pending: nothing moved, still not a failure.
    const only = await run(['allocators', 'vacate', '10.0.0.1', '--kind', 'es', '--yes'], {
      env: envFor(s),
    });
    assert.deepEqual(
      [only.code, only.stderr],
      [
        0,
        `warning: skipping elasticsearch es1 of web-es1: ${PENDING} (clusters.cluster_plan_state_error)\n` +
          'Nothing moved off 10.0.0.1. Skipped web-es1 (a plan is still pending): vacate 10.0.0.1 again once it has ended.\n',
      ],
    );
  });
});
