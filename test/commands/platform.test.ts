// Platform commands against the sandbox: exact piped output, --json as sent.
// (allocators: test/commands/allocators.test.ts)

import { describe, it } from 'node:test';
import assert from '../helpers/assert.js';
import { run } from '../helpers/cli.js';
import { useSandbox } from '../helpers/sandbox.js';
import { registerSecret } from '../helpers/secrets.js';

describe('platform commands', () => {
  const t = useSandbox({ deployments: 2 });
  const env = t.env;

  it('platform info', async () => {
    const r = await run(['platform', 'info'], { env });
    assert.deepEqual(
      [r.code, r.stdout],
      [0, '3.8.0\tece-region\tece-zone-1,ece-zone-2,ece-zone-3\t3\t3\t3\tyes\n'],
    );
    const j = await run(['platform', 'info', '--json'], { env });
    assert.equal(j.stdout, `${JSON.stringify(t.exchanges.at(-1)?.body)}\n`);
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
