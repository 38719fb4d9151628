// The one resolver (run/resolve.ts): trimming, the id pattern, id over name,
// and the one wording of "not found" (exit 3) and "ambiguous" (exit 2), with
// candidates handed in (no server: the rule, not a noun's lookup).

import { describe, it } from 'node:test';
import { byIdOrName, ID, type Lookup } from '../../src/commands/run/resolve.js';
import { CliError, ExitCode, UsageError } from '../../src/errors.js';
import assert from '../helpers/assert.js';

interface Thing {
  id: string;
  name: string;
  host?: string;
}

const HEX = 'a'.repeat(32);
const ALL: Thing[] = [
  { id: '1', name: 'one', host: 'h1.example' },
  { id: '2', name: 'twin' },
  { id: '3', name: 'twin' },
  { id: 'twin-id', name: '1' },
];

function lookup(extra: Partial<Lookup<Thing>> = {}): Lookup<Thing> & { asked: string[] } {
  const asked: string[] = [];
  return {
    noun: 'thing',
    candidates: async (value) => {
      asked.push(value);
      return ALL;
    },
    id: (t) => t.id,
    names: (t) => [t.name, t.host],
    asked,
    ...extra,
  };
}

async function failure(p: Promise<unknown>): Promise<CliError> {
  try {
    await p;
  } catch (err) {
    assert.ok(err instanceof CliError);
    return err;
  }
  throw new Error('expected a failure');
}

describe('byIdOrName', () => {
  it('an id-shaped reference costs no lookup; anything else is trimmed and looked up once', async () => {
    const l = lookup({ idPattern: ID });
    assert.deepEqual(await byIdOrName(l, ` ${HEX}\n`), { id: HEX });
    assert.deepEqual(l.asked, []);
    assert.deepEqual(await byIdOrName(l, '  one '), { id: '1', name: 'one', item: ALL[0] });
    assert.deepEqual(l.asked, ['one']);
  });

  it('an exact id wins over a name; a second name (a host) resolves too', async () => {
    assert.deepEqual(await byIdOrName(lookup(), '1'), { id: '1', name: 'one', item: ALL[0] });
    assert.deepEqual(await byIdOrName(lookup(), 'h1.example'), {
      id: '1',
      name: 'h1.example',
      item: ALL[0],
    });
  });

  it('not found is exit 3, ambiguous exit 2 with the ids, empty exit 2: one wording', async () => {
    const missing = await failure(byIdOrName(lookup(), 'One'));
    assert.deepEqual(
      [missing.message, missing.exitCode],
      ['no thing has the id or name "One"', ExitCode.NOT_FOUND],
    );
    const twins = await failure(byIdOrName(lookup({ plural: 'thingies' }), 'twin'));
    assert.ok(twins instanceof UsageError);
    assert.equal(twins.message, '2 thingies are named "twin"; give one of their ids: 2, 3');
    const empty = await failure(byIdOrName(lookup(), ' \t'));
    assert.ok(empty instanceof UsageError);
    assert.equal(empty.message, 'the thing id or name is empty');
  });
});
