// traffic-filters verbs' plans without a server: what create would send,
// and the checks made before any request.

import { describe, it } from 'node:test';
import { verb as create } from '../../src/commands/traffic-filters/create.js';
import { verb as update } from '../../src/commands/traffic-filters/update.js';
import { UsageError } from '../../src/errors.js';
import assert from '../helpers/assert.js';
import { planOf } from '../helpers/plan.js';

describe('traffic-filters plans (no server)', () => {
  it('create from flags with --region: one POST, one rule per --source, no read', async () => {
    const { plan } = await planOf(create, {
      name: 'office-network',
      type: 'ip',
      source: [' 203.0.113.0/24', '198.51.100.7'],
      region: 'ece-region',
    });
    assert.deepEqual(
      plan.writes?.map((w) => [w.method, w.path, w.body]),
      [
        [
          'POST',
          '/deployments/traffic-filter/rulesets',
          {
            name: 'office-network',
            type: 'ip',
            region: 'ece-region',
            include_by_default: false,
            rules: [{ source: '203.0.113.0/24' }, { source: '198.51.100.7' }],
          },
        ],
      ],
    );
    assert.equal(plan.done, 'Created traffic filter ruleset office-network.');
  });

  it('create: -f with flags, no --name, a bad --source are usage errors before any request', async () => {
    await assert.rejects(planOf(create, { file: 'r.json', name: 'x', source: [], type: 'ip' }), {
      message: '-f cannot be combined with --name: put them in the file',
    });
    await assert.rejects(planOf(create, { source: ['10.0.0.0/8'], type: 'ip' }), {
      message: 'give the ruleset a --name (or the whole ruleset with -f FILE)',
    });
    await assert.rejects(
      planOf(create, { name: 'x', source: ['10.0.0.0/33'], type: 'ip', region: 'r' }),
      (err) =>
        err instanceof UsageError &&
        err.message ===
          'invalid --source "10.0.0.0/33": give an IP address or a CIDR block such as 10.0.0.0/8',
    );
  });

  it('update: nothing asked is a usage error before any request', async () => {
    await assert.rejects(planOf(update, { ruleset: 'office', addSource: [], removeSource: [] }), {
      message:
        'nothing to update: give -f or at least one of --name, --description, --[no-]include-by-default, --add-source, --remove-source',
    });
  });
});
