// The built binary against the sandbox, one process per command: each new
// group loads lazily, prints its rows, its help with examples, and the
// documented exit codes for a missing object and a refused confirmation.

import { after, before, describe, it } from 'node:test';
import assert from '../helpers/assert.js';
import { ece } from '../helpers/e2e.js';
import { type TestSandbox, testSandbox } from '../helpers/sandbox.js';
import { registerSecret } from '../helpers/secrets.js';

describe('platform administration commands, end to end', () => {
  let t: TestSandbox;
  let env: Record<string, string>;
  before(async () => {
    t = await testSandbox({ deployments: 1 });
    registerSecret(t.sb.apiKey);
    env = { ECE_HOST: t.sb.url, ECE_API_KEY: t.sb.apiKey };
  });
  after(() => t.close());

  it('each group answers, piped, with its rows and exit codes', async () => {
    const cases: [string[], number, string | RegExp][] = [
      [['instance-configs', 'show', 'kibana', '--query', 'instance_type'], 0, 'kibana\n'],
      [['snapshot-repos', 'list', '--query', 'configs[].repository_name'], 0, 'ece-snapshots\n'],
      [['proxies', 'show', '192.168.44.12', '--query', 'zone'], 0, 'ece-zone-3\n'],
      [['constructors', 'list'], 0, '192.168.44.10\tyes\tno\n'],
      [['license', 'show', '--query', 'license.type'], 0, 'enterprise\n'],
      [
        ['platform', 'info'],
        0,
        '3.8.0\tece-region\tece-zone-1,ece-zone-2,ece-zone-3\t3\t3\t3\tyes\n',
      ],
      [['instance-configs', 'show', 'nope'], 3, ''],
      [['snapshot-repos', 'delete', 'ece-snapshots'], 2, ''],
    ];
    for (const [argv, code, stdout] of cases) {
      const r = await ece(argv, { env });
      assert.equal(r.code, code, `${argv.join(' ')}: ${r.stderr}`);
      if (typeof stdout === 'string') assert.equal(r.stdout, stdout, argv.join(' '));
      assert.ok(!/\n\s+at /.test(r.stderr), `${argv.join(' ')}: a stack trace`);
    }
  });

  it('every new verb has help with examples', async () => {
    for (const verb of [
      'instance-configs list',
      'instance-configs show',
      'instance-configs create',
      'instance-configs update',
      'instance-configs delete',
      'snapshot-repos list',
      'snapshot-repos show',
      'snapshot-repos set',
      'snapshot-repos delete',
      'proxies list',
      'proxies show',
      'constructors list',
      'constructors show',
      'constructors maintenance',
      'license show',
      'license set',
      'platform info',
    ]) {
      const r = await ece([...verb.split(' '), '--help']);
      assert.equal(r.code, 0, verb);
      assert.match(r.stdout, new RegExp(`\\nExamples:\\n(  \\$ .*\\n)*  \\$ ece ${verb}`), verb);
    }
  });
});
