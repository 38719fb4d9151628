// `ece comments list|add|update|delete`: the resource id looked up from the
// deployment, exact requests (with the version read), output and exit codes
// against a per-test server (the sandbox runs are in comments-sandbox.test.ts and test/e2e/comments.test.ts).

import { afterEach, describe, it } from 'node:test';
import assert from '../helpers/assert.js';
import { run } from '../helpers/cli.js';
import { registerSecret } from '../helpers/secrets.js';
import { eceError, json } from '../helpers/server.js';
import { API_KEY, closeAll, curl, envFor, serve, ua } from './platform-admin-helpers.js';

const DEP_ID = '3f6c2a9e8b1d4f7a9c0e5b2d8a4f1c67';
const ES_ID = '9a8b7c6d5e4f30211f2e3d4c5b6a7980';
const KB_ID = '0d8f7e6a5b4c43d2e1f0a9b8c7d6e5f4';
const KB2_ID = '1d8f7e6a5b4c43d2e1f0a9b8c7d6e5f4';
const C_ID = '93420f71ca474b79aa4bc2aaa7f37e21';
const DEPLOYMENT = {
  id: DEP_ID,
  name: 'prod-logs',
  healthy: true,
  resources: {
    elasticsearch: [{ ref_id: 'main-elasticsearch', id: ES_ID, region: 'ece-region' }],
    kibana: [
      { ref_id: 'main-kibana', id: KB_ID, region: 'ece-region' },
      { ref_id: 'ops-kibana', id: KB2_ID, region: 'ece-region' },
    ],
  },
};
const COMMENTS = {
  values: [
    {
      comment: { id: C_ID, user_id: 'admin', message: 'Resized for the peak' },
      metadata: {
        created_time: '2026-11-30T09:00:00.000Z',
        modified_time: '2026-11-30T09:00:00.000Z',
        version: '8|14',
      },
    },
  ],
};
const ES = `/api/v1/comments/elasticsearch/${ES_ID}`;
const lookup = {
  'POST /deployments/_search': [
    200,
    { deployments: [{ id: DEP_ID, name: 'prod-logs' }], match_count: 1, return_count: 1 },
  ] as [number, unknown],
  [`GET /deployments/${DEP_ID}`]: [200, DEPLOYMENT] as [number, unknown],
};
const versioned = (message: string) => (_q: unknown, res: Parameters<typeof json>[0]) =>
  json(res, 200, { id: C_ID, user_id: 'admin', message }, { 'x-cloud-resource-version': '8|14' });

describe('comments against a per-test server', () => {
  registerSecret(API_KEY);
  afterEach(closeAll);

  it('list: the resource id of the deployment’s Elasticsearch, a row per comment', async () => {
    const body = JSON.stringify(COMMENTS);
    const s = await serve({ ...lookup, [`GET /comments/elasticsearch/${ES_ID}`]: [200, body] }, [
      { method: 'GET', path: `/api/v1/deployments/${DEP_ID}?show_plans=false` },
      { method: 'GET', path: ES },
    ]);
    const r = await run(['comments', 'list', 'prod-logs'], { env: envFor(s) });
    assert.deepEqual(
      [r.code, r.stdout, r.stderr],
      [0, `${C_ID}\tadmin\t2026-11-30T09:00:00.000Z\tResized for the peak\n`, ''],
    );
    const j = await run(['comments', 'ls', DEP_ID, '--json'], { env: envFor(s) });
    assert.equal(j.stdout, `${body}\n`);
    await s.close();
  });

  it('list: --kind and --ref-id choose the resource; host flags need no deployment', async () => {
    const s = await serve(
      {
        ...lookup,
        [`GET /comments/kibana/${KB2_ID}`]: [200, { values: [] }],
        'GET /comments/allocator/192.168.44.11': [200, COMMENTS],
        'GET /comments/constructor/192.168.44.10': [200, { values: [] }],
      },
      [{ method: 'GET', path: `/api/v1/comments/kibana/${KB2_ID}` }],
    );
    const env = envFor(s);
    const kb = await run(
      ['comments', 'list', 'prod-logs', '--kind', 'kibana', '--ref-id', 'ops-kibana'],
      {
        env,
        tty: true,
      },
    );
    assert.deepEqual([kb.code, kb.stdout, kb.stderr], [0, '', 'No comments.\n']);
    const two = await run(['comments', 'list', 'prod-logs', '--kind', 'kibana'], { env });
    assert.deepEqual(
      [two.code, two.stderr],
      [
        2,
        'error: deployment prod-logs has 2 kibana resources; choose one with --ref-id: main-kibana, ops-kibana\n',
      ],
    );
    const none = await run(['comments', 'list', 'prod-logs', '--kind', 'apm'], { env });
    assert.deepEqual(
      [none.code, none.stderr],
      [3, 'error: deployment prod-logs has no apm resource\n'],
    );
    const host = await run(['comments', 'list', '--allocator', '192.168.44.11'], { env });
    assert.equal(host.stdout, `${C_ID}\tadmin\t2026-11-30T09:00:00.000Z\tResized for the peak\n`);
    const ctor = await run(['comments', 'list', '--constructor', '192.168.44.10'], { env });
    assert.deepEqual([ctor.code, ctor.stdout], [0, '']);
    await s.close();
  });

  it('bad targets are exit 2 before any request', async () => {
    const s = await serve({});
    const cases: [string[], string][] = [
      [
        ['list'],
        'name a deployment (id or exact name), or give --allocator, --runner, --constructor or --proxy',
      ],
      [['list', '--runner', 'a', '--proxy', 'b'], 'give one of --runner, --proxy, not several'],
      [
        ['list', 'prod-logs', '--allocator', 'x'],
        'too many arguments (with --allocator, leave out the deployment)',
      ],
      [
        ['list', '--allocator', 'x', '--kind', 'kibana'],
        "--kind and --ref-id are for a deployment's resources, not --allocator",
      ],
      [
        ['list', 'prod-logs', '--kind', 'deployment'],
        'invalid --kind "deployment": use one of elasticsearch, kibana, apm, integrations_server, enterprise_search, appsearch',
      ],
      [['add', 'prod-logs'], 'missing the message'],
      [['add', 'prod-logs', '  '], 'the comment is empty'],
      [['update', 'prod-logs', C_ID], 'missing the message'],
      [['delete', '--proxy', '192.168.44.12'], 'missing the comment id'],
    ];
    for (const [args, message] of cases) {
      const r = await run(['comments', ...args], { env: envFor(s) });
      assert.deepEqual(
        [r.code, r.stdout, r.stderr],
        [2, '', `error: ${message}\n`],
        args.join(' '),
      );
    }
    assert.equal(s.requests.length, 0);
    await s.close();
  });

  it('add: POSTs the message (or stdin with -), prints the new id', async () => {
    const created = (_q: unknown, res: Parameters<typeof json>[0]) =>
      json(res, 201, { id: C_ID, user_id: 'admin', message: 'x' });
    const s = await serve(
      {
        ...lookup,
        [`POST /comments/elasticsearch/${ES_ID}`]: created,
        'POST /comments/runner/192.168.44.11': created,
      },
      [
        { method: 'POST', path: ES, body: { message: 'Resized for the peak' } },
        {
          method: 'POST',
          path: '/api/v1/comments/runner/192.168.44.11',
          body: { message: 'Disk replaced\nby ops' },
        },
      ],
    );
    const r = await run(['comments', 'add', 'prod-logs', 'Resized for the peak'], {
      env: envFor(s),
    });
    assert.deepEqual(
      [r.code, r.stdout, r.stderr],
      [0, `${C_ID}\n`, 'Added a comment to elasticsearch main-elasticsearch of prod-logs.\n'],
    );
    const stdin = await run(['comments', 'add', '--runner', '192.168.44.11', '-'], {
      env: envFor(s),
      stdin: 'Disk replaced\nby ops\n',
    });
    assert.deepEqual(
      [stdin.code, stdin.stdout, stdin.stderr],
      [0, `${C_ID}\n`, 'Added a comment to runner 192.168.44.11.\n'],
    );
    const dry = await run(['comments', 'add', '--runner', '192.168.44.11', 'x', '--dry-run'], {
      env: envFor(s),
    });
    assert.deepEqual(
      [dry.code, ua(dry.stdout), dry.stderr],
      [0, curl('POST', `${s.url}/api/v1/comments/runner/192.168.44.11`, { message: 'x' }), ''],
    );
    assert.equal(
      s.requests.filter((q) => q.method === 'POST' && !q.url.includes('_search')).length,
      2,
    );
    await s.close();
  });

  it('add: a resource ECE does not know is exit 3 with its message', async () => {
    const s = await serve({
      'POST /comments/allocator/10.9.9.9': (_q, res) =>
        eceError(
          res,
          404,
          'comments.resource_does_not_exist',
          'No Resource of the given type and id exist.',
        ),
    });
    const r = await run(['comments', 'add', '--allocator', '10.9.9.9', 'x'], { env: envFor(s) });
    assert.deepEqual(
      [r.code, r.stdout, r.stderr],
      [
        3,
        '',
        'error: No Resource of the given type and id exist. (comments.resource_does_not_exist)\n',
      ],
    );
    await s.close();
  });

  it('update: reads the comment, PUTs the message with the version read', async () => {
    let conflict = false;
    const s = await serve(
      {
        ...lookup,
        [`GET /comments/elasticsearch/${ES_ID}/${C_ID}`]: versioned('Resized for the peak'),
        [`PUT /comments/elasticsearch/${ES_ID}/${C_ID}`]: (_q, res) =>
          conflict
            ? eceError(
                res,
                409,
                'comments.version_conflict',
                'The version you sent does not match the persisted version.',
              )
            : json(res, 200, { id: C_ID, user_id: 'admin', message: 'Resized to 8g' }),
      },
      [
        {
          method: 'PUT',
          path: `${ES}/${C_ID}?version=8%7C14`,
          body: { message: 'Resized to 8g' },
          times: 2,
        },
      ],
    );
    const env = envFor(s);
    const argv = ['comments', 'update', 'prod-logs', C_ID, 'Resized to 8g'];
    const dry = await run([...argv, '--dry-run'], { env });
    assert.deepEqual(
      [dry.code, ua(dry.stdout)],
      [0, curl('PUT', `'${s.url}${ES}/${C_ID}?version=8%7C14'`, { message: 'Resized to 8g' })],
    );
    const r = await run(argv, { env });
    assert.deepEqual([r.code, r.stdout, r.stderr], [0, '', `Updated comment ${C_ID}.\n`]);
    conflict = true;
    const late = await run(argv, { env });
    assert.deepEqual(
      [late.code, late.stderr],
      [5, 'error: the comment changed since it was read: run again\n'],
    );
    const same = await run(['comments', 'update', 'prod-logs', C_ID, 'Resized for the peak'], {
      env,
    });
    assert.deepEqual(
      [same.code, same.stderr],
      [0, `Comment ${C_ID} already says that: nothing to change.\n`],
    );
    await s.close();
  });

  it('update: someone else’s comment is exit 4 with ECE’s words', async () => {
    const s = await serve({
      'GET /comments/proxy/192.168.44.12/c1': versioned('theirs'),
      'PUT /comments/proxy/192.168.44.12/c1': (_q, res) =>
        eceError(res, 401, 'comments.unauthorised', 'The Comment does not belong to you.'),
    });
    const r = await run(['comments', 'update', '--proxy', '192.168.44.12', 'c1', 'mine'], {
      env: envFor(s),
    });
    assert.equal(r.code, 4);
    assert.match(
      r.stderr,
      /^error: The Comment does not belong to you\. \(comments\.unauthorised\)\n/,
    );
    await s.close();
  });

  it('delete: asks unless --yes; the version read goes with the DELETE', async () => {
    const s = await serve(
      {
        ...lookup,
        [`GET /comments/elasticsearch/${ES_ID}/${C_ID}`]: versioned('Resized for the peak'),
        [`DELETE /comments/elasticsearch/${ES_ID}/${C_ID}`]: [200, {}],
        [`GET /comments/elasticsearch/${ES_ID}/nope`]: (_q, res) =>
          eceError(
            res,
            404,
            'comments.comment_does_not_exist',
            'The Comment you want does not exist.',
          ),
      },
      [{ method: 'DELETE', path: `${ES}/${C_ID}?version=8%7C14` }],
    );
    const env = envFor(s);
    const noTty = await run(['comments', 'delete', 'prod-logs', C_ID], { env });
    assert.deepEqual(
      [noTty.code, noTty.stderr],
      [2, 'error: this needs confirmation: pass --yes to run it without a terminal\n'],
    );
    assert.equal(s.requests.length, 0);
    const dry = await run(['comments', 'rm', 'prod-logs', C_ID, '--dry-run'], { env });
    assert.deepEqual(
      [dry.code, ua(dry.stdout), dry.stderr],
      [
        0,
        curl('DELETE', `'${s.url}${ES}/${C_ID}?version=8%7C14'`),
        `dry run: reading POST /api/v1/deployments/_search\ndry run: reading GET /api/v1/deployments/${DEP_ID}\ndry run: reading GET ${ES}/${C_ID}\n`,
      ],
    );
    assert.equal(s.requests.filter((q) => q.method === 'DELETE').length, 0);
    const missing = await run(['comments', 'delete', 'prod-logs', 'nope', '--yes'], { env });
    assert.deepEqual(
      [missing.code, missing.stderr],
      [3, 'error: The Comment you want does not exist. (comments.comment_does_not_exist)\n'],
    );
    const del = await run(['comments', 'delete', 'prod-logs', C_ID, '--yes'], { env });
    assert.deepEqual([del.code, del.stdout, del.stderr], [0, '', `Deleted comment ${C_ID}.\n`]);
    await s.close();
  });
});
