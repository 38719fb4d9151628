// The built binary against the sandbox, one process per command, for
// templates, runners and runner roles: each answers piped with its rows and
// the documented exit codes (3 missing, 5 refused by ECE, 2 unconfirmed or
// bad input), never a stack trace; every verb has help with examples.

import { after, before, describe, it } from 'node:test';
import assert from '../helpers/assert.js';
import { ece } from '../helpers/e2e.js';
import { type TestSandbox, testSandbox } from '../helpers/sandbox.js';
import { registerSecret } from '../helpers/secrets.js';

describe('templates, runners and roles, end to end', () => {
  let t: TestSandbox;
  let env: Record<string, string>;
  before(async () => {
    t = await testSandbox({ deployments: 1 });
    registerSecret(t.sb.apiKey);
    env = { ECE_HOST: t.sb.url, ECE_API_KEY: t.sb.apiKey };
  });
  after(() => t.close());

  it('each verb answers, piped, with its rows and exit codes', async () => {
    const template = (await ece(['templates', 'show', 'security', '--json'], { env })).stdout;
    const cases: [string[], number, string | RegExp, string?][] = [
      [['templates', 'create', '-f', '-', '--id', 'siem'], 0, 'siem\n', template],
      [['templates', 'update', 'siem', '--name', 'SIEM'], 0, ''],
      [['templates', 'show', 'siem', '--query', 'name'], 0, 'SIEM\n'],
      [['templates', 'delete', 'siem'], 2, ''],
      [['templates', 'delete', 'security', '--yes'], 5, ''],
      [['templates', 'delete', 'siem', '--yes'], 0, ''],
      [['templates', 'show', 'siem'], 3, ''],
      [['runners', 'show', '192.168.44.11', '--query', 'zone'], 0, 'ece-zone-2\n'],
      [
        ['runners', 'search', '--query', 'zone:ece-zone-3 role:allocator'],
        0,
        /^192\.168\.44\.12\t/,
      ],
      [['runners', 'resync', '--all'], 0, ''],
      [['runners', 'roles', 'set', '192.168.44.12', 'allocator'], 2, ''],
      [['runners', 'roles', 'set', '192.168.44.12', 'allocator', '--yes'], 0, ''],
      [['runners', 'delete', '192.168.44.10', '--yes'], 5, ''],
      [['runners', 'show', '10.9.9.9'], 3, ''],
      [['roles', 'list', '--query', 'values[].id'], 0, 'allocator\ncoordinator\ndirector\nproxy\n'],
      [
        ['roles', 'show', 'director', '--query', 'role.value.containers[].name'],
        0,
        'director\nzookeeper\n',
      ],
      [['roles', 'delete', 'allocator', '--yes'], 5, ''],
      [['roles', 'update', 'proxy', '--auto-blessed', 'maybe'], 2, ''],
    ];
    for (const [argv, code, stdout, input] of cases) {
      const r = await ece(argv, { env, ...(input === undefined ? {} : { input }) });
      assert.equal(r.code, code, `${argv.join(' ')}: ${r.stderr}`);
      if (typeof stdout === 'string') assert.equal(r.stdout, stdout, argv.join(' '));
      else assert.match(r.stdout, stdout, argv.join(' '));
      assert.ok(!/\n\s+at /.test(r.stderr), `${argv.join(' ')}: a stack trace`);
      if (code !== 0)
        assert.match(r.stderr, /^(Runner .*\n( {2}.*\n)+)?error: [^\n]+\n$/, argv.join(' '));
    }
  });

  it('every new verb has help with examples', async () => {
    for (const verb of [
      'templates create',
      'templates update',
      'templates delete',
      'runners show',
      'runners search',
      'runners resync',
      'runners roles set',
      'runners delete',
      'roles list',
      'roles show',
      'roles create',
      'roles update',
      'roles delete',
    ]) {
      const r = await ece([...verb.split(' '), '--help']);
      assert.equal(r.code, 0, verb);
      assert.match(r.stdout, new RegExp(`\\nExamples:\\n(  \\$ .*\\n)*  \\$ ece ${verb}`), verb);
    }
  });
});
