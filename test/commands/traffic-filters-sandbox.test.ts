// `ece traffic-filters` against the sandbox, in-process: the seeded ruleset
// on prod-logs, the life of another one (the built binary:
// test/e2e/traffic-filters.test.ts).

import { describe, it } from 'node:test';
import assert from '../helpers/assert.js';
import { run } from '../helpers/cli.js';
import { useSandbox } from '../helpers/sandbox.js';

describe('traffic-filters against the sandbox', () => {
  const t = useSandbox({ deployments: 2 });
  const env = t.env;

  it('the seeded ruleset guards prod-logs; create, associate, update, delete another', async () => {
    const prod = t.sb.state.list().find((d) => d.name === 'prod-logs')?.id ?? '';
    const seeded = await run(['tf', 'show', 'office-network', '--query', 'associations[].id'], {
      env,
    });
    assert.equal(seeded.stdout, `${prod}\n`);
    const created = await run(['tf', 'create', '--name', 'vpn', '--source', '10.8.0.0/16'], {
      env,
    });
    assert.equal(created.code, 0);
    const id = created.stdout.trim();
    assert.match(id, /^[0-9a-f]{32}$/);
    assert.equal((await run(['tf', 'associate', 'vpn', 'prod-logs'], { env })).code, 0);
    const mine = await run(
      ['tf', 'list', '--deployment', 'prod-logs', '--query', 'rulesets[].name'],
      {
        env,
      },
    );
    assert.equal(mine.stdout, 'office-network\nvpn\n');
    const updated = await run(['tf', 'update', 'vpn', '--add-source', '192.0.2.1'], { env });
    assert.equal(updated.code, 0);
    const show = await run(['tf', 'show', 'vpn'], { env });
    assert.match(show.stdout, /^rules\t10\.8\.0\.0\/16,192\.0\.2\.1$/m);
    assert.match(show.stdout, new RegExp(`^associations\tprod-logs \\(${prod}\\)$`, 'm'));
    const refused = await run(['tf', 'delete', 'vpn', '--yes'], { env });
    assert.equal(refused.code, 5);
    assert.equal((await run(['tf', 'disassociate', 'vpn', 'prod-logs'], { env })).code, 0);
    const gone = await run(['tf', 'disassociate', 'vpn', 'prod-logs'], { env });
    assert.equal(gone.code, 3);
    const del = await run(['tf', 'delete', 'vpn', '--yes'], { env });
    assert.deepEqual([del.code, del.stderr], [0, 'Deleted traffic filter ruleset vpn.\n']);
    const list = await run(['tf', 'list', '--query', 'rulesets[].name'], { env });
    assert.equal(list.stdout, 'office-network\n');
  });
});
