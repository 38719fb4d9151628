// `ece traffic-filters` with the built binary against the sandbox: rows,
// exit codes, help, no stack trace (in-process:
// test/commands/traffic-filters-sandbox.test.ts).

import { describe, it } from 'node:test';
import assert from '../helpers/assert.js';
import { ece } from '../helpers/e2e.js';
import { useSandbox } from '../helpers/sandbox.js';

describe('traffic-filters against the sandbox', () => {
  const t = useSandbox({ deployments: 2 });
  const env = t.env;

  it('the built binary: rows, exit codes, no stack trace', async () => {
    const cases: [string[], number, string | RegExp][] = [
      [['traffic-filters', 'list', '--query', 'rulesets[].name'], 0, 'office-network\n'],
      [['traffic-filters', 'show', 'nope'], 3, ''],
      [['traffic-filters', 'delete', 'office-network', '--yes'], 5, ''],
      [['traffic-filters', 'create', '--name', 'x', '--source', 'nope'], 2, ''],
      [['traffic-filters', '--help'], 0, /ece traffic-filters associate office-network prod-logs/],
    ];
    for (const [argv, code, stdout] of cases) {
      const r = await ece(argv, { env });
      assert.equal(r.code, code, `${argv.join(' ')}: ${r.stderr}`);
      if (typeof stdout === 'string') assert.equal(r.stdout, stdout, argv.join(' '));
      else assert.match(r.stdout, stdout);
      assert.ok(!/\n\s+at /.test(r.stderr), `${argv.join(' ')}: a stack trace`);
    }
  });
});
