// Platform commands against the sandbox: exact piped output, --json as sent.

import { after, before, describe, it } from 'node:test';
import assert from '../helpers/assert.js';
import { run } from '../helpers/cli.js';
import { type TestSandbox, testSandbox } from '../helpers/sandbox.js';
import { registerSecret } from '../helpers/secrets.js';

describe('platform commands', () => {
  let t: TestSandbox;
  let env: Record<string, string>;
  before(async () => {
    t = await testSandbox({ deployments: 2 });
    registerSecret(t.sb.apiKey);
    env = { ECE_HOST: t.sb.url, ECE_API_KEY: t.sb.apiKey };
  });
  after(() => t.close());

  it('platform info', async () => {
    const r = await run(['platform', 'info'], { env });
    assert.deepEqual(
      [r.code, r.stdout],
      [0, '3.8.0\tece-region\tece-zone-1,ece-zone-2,ece-zone-3\t3\t3\t3\tyes\n'],
    );
    const j = await run(['platform', 'info', '--json'], { env });
    assert.equal(j.stdout, `${JSON.stringify(t.exchanges.at(-1)?.body)}\n`);
  });

  it('allocators list, show, maintenance', async () => {
    const list = await run(['allocators', 'list'], { env });
    const rows = list.stdout
      .trim()
      .split('\n')
      .map((l) => l.split('\t'));
    assert.deepEqual(
      rows.map((r) => [r[0], r[1], r[2], r[4], r[6], r[7]]),
      [
        ['192.168.44.10', 'ece-zone-1', 'ece-host-1.ece.local', '65536', 'yes', 'no'],
        ['192.168.44.11', 'ece-zone-2', 'ece-host-2.ece.local', '65536', 'yes', 'no'],
        ['192.168.44.12', 'ece-zone-3', 'ece-host-3.ece.local', '65536', 'yes', 'no'],
      ],
    );
    const on = await run(['allocators', 'maintenance', '192.168.44.11', 'on'], { env });
    assert.deepEqual(
      [on.code, on.stderr],
      [0, 'Maintenance mode on for allocator 192.168.44.11.\n'],
    );
    const show = await run(['allocators', 'show', '192.168.44.11'], { env });
    assert.match(show.stdout, /^id\t192\.168\.44\.11\nzone\tece-zone-2\n/);
    assert.match(show.stdout, /\nmaintenance\tyes\n$/);
    const bad = await run(['allocators', 'maintenance', '192.168.44.11', 'maybe'], { env });
    assert.deepEqual([bad.code, bad.stderr], [2, 'error: invalid state "maybe": use on or off\n']);
    const missing = await run(['allocators', 'show', '10.0.0.1'], { env });
    assert.equal(missing.code, 3);
  });

  it('runners, stack versions, templates', async () => {
    const runners = await run(['runners', 'list'], { env });
    assert.equal(
      runners.stdout.split('\n')[0],
      '192.168.44.10\tece-host-1.ece.local\tece-zone-1\tallocator,coordinator,director,proxy\tyes\tyes',
    );
    const stacks = await run(['stack', 'versions'], { env });
    assert.equal(
      stacks.stdout,
      '8.15.1\tyes\t-\n8.14.3\tyes\t8.15.1\n7.17.24\tyes\t8.15.1,8.14.3\n',
    );
    const templates = await run(['templates', 'list', '--query', '[].id'], { env });
    assert.equal(templates.stdout, 'default\nobservability\nsecurity\nenterprise-search\n');
    const show = await run(['templates', 'show', 'observability'], { env });
    assert.match(
      show.stdout,
      /^id\tobservability\nname\tObservability\nkinds\telasticsearch,kibana,integrations_server\n/,
    );
    const wrongRegion = await run(['templates', 'list', '--region', 'mars'], { env });
    assert.deepEqual(
      [wrongRegion.code, wrongRegion.stderr],
      [5, 'error: Region [mars] cannot be found (templates.region_not_found)\n'],
    );
  });

  it('users list, show, create, delete (which confirms)', async () => {
    const list = await run(['users', 'list'], { env });
    assert.equal(
      list.stdout,
      'admin\tPlatform administrator\t-\tece_platform_admin\tyes\tyes\nreadonly\tPlatform viewer\t-\tece_platform_viewer\tyes\tyes\nsandbox-admin\tSandbox platform administrator\t-\tece_platform_admin\tyes\tno\n',
    );
    registerSecret('new-user-password');
    const created = await run(
      [
        'users',
        'create',
        'jdoe',
        '--role',
        'ece_platform_viewer',
        '--full-name',
        'Jane Doe',
        '--password-stdin',
      ],
      {
        env,
        stdin: 'new-user-password',
      },
    );
    assert.deepEqual([created.code, created.stderr], [0, 'Created user jdoe.\n']);
    const show = await run(['users', 'show', 'jdoe', '--json'], { env });
    assert.equal(JSON.parse(show.stdout).full_name, 'Jane Doe');
    const noTty = await run(['users', 'delete', 'jdoe'], { env });
    assert.equal(noTty.code, 2);
    const del = await run(['users', 'delete', 'jdoe', '--yes'], { env });
    assert.deepEqual([del.code, del.stderr], [0, 'Deleted user jdoe.\n']);
    const noRole = await run(['users', 'create', 'x', '--password-stdin'], {
      env,
      stdin: 'whatever-pw',
    });
    assert.deepEqual(
      [noRole.code, noRole.stderr],
      [2, 'error: give at least one --role (e.g. ece_platform_viewer)\n'],
    );
  });
});
