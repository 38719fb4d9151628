// `ece config` verbs on the command model: a local change is the plan's
// `local` (no request, no curl line); --dry-run checks the input, makes no
// change and says so; the verbs are writes, so none of them asks.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { verb as set } from '../../src/commands/config/set.js';
import { verb as unset } from '../../src/commands/config/unset.js';
import assert from '../helpers/assert.js';
import { run, tempDir } from '../helpers/cli.js';
import { planOf } from '../helpers/plan.js';

const notChanged = (verb: string) =>
  `dry run: ece config ${verb} changes only the local config and does not talk to ECE; nothing was changed`;

describe('config verbs: local changes', () => {
  it('config set and unset plan a local change, no request, and read no file', async () => {
    for (const [verb, raw, name] of [
      [set, { key: 'timeout', value: '30s' }, 'set'],
      [unset, { key: 'host' }, 'unset'],
    ] as const) {
      const { plan, curls } = await planOf(verb, raw);
      assert.deepEqual([plan.writes, curls], [undefined, []]);
      assert.equal(plan.local?.dryRun, notChanged(name));
      assert.equal(verb.effect, 'write');
    }
    await assert.rejects(planOf(set, { key: 'colour', value: 'red' }), {
      message: /^unknown setting "colour"/,
    });
  });

  it('config use and delete: --dry-run changes nothing; without it they change the file, asking nothing', async (t) => {
    const dir = tempDir('ece-config-plan-', t);
    const env = { ECE_CONFIG_DIR: dir };
    const file = join(dir, 'config.json');
    for (const p of ['lab', 'prod'])
      assert.equal(
        (await run(['config', 'set', '--profile', p, 'host', `${p}.example.com`], { env })).code,
        0,
      );
    const before = readFileSync(file, 'utf8');
    for (const verb of ['use', 'delete']) {
      const r = await run(['config', verb, 'prod', '--dry-run'], { env });
      assert.deepEqual([r.code, r.stdout, r.stderr], [0, '', `${notChanged(verb)}\n`]);
    }
    assert.equal(readFileSync(file, 'utf8'), before);
    const missing = await run(['config', 'use', 'nope', '--dry-run'], { env });
    assert.deepEqual(
      [missing.code, missing.stderr],
      [2, 'error: profile "nope" does not exist (profiles: lab, prod)\n'],
    );
    const use = await run(['config', 'use', 'prod'], { env });
    assert.deepEqual([use.code, use.stdout, use.stderr], [0, '', 'Active profile: prod.\n']);
    const del = await run(['config', 'delete', 'lab'], { env });
    assert.deepEqual([del.code, del.stdout, del.stderr], [0, '', 'Deleted profile "lab".\n']);
    const list = await run(['config', 'list', '--json'], { env });
    assert.deepEqual(JSON.parse(list.stdout), [
      { name: 'prod', active: true, host: 'prod.example.com', signed_in: null },
    ]);
  });
});
