// The exit code of a run over many targets (docs/exit-codes.md).

import { describe, it } from 'node:test';
import { EXIT_CODES, ExitCode, mostSevere, SEVERITY } from '../src/errors.js';
import assert from './helpers/assert.js';

describe('mostSevere', () => {
  it('no targets, or every target fine: 0', () => {
    assert.equal(mostSevere([]), ExitCode.OK);
    assert.equal(mostSevere([0, 0, 0]), ExitCode.OK);
  });

  it('any error outranks differences found', () => {
    assert.equal(mostSevere([0, 10, 0]), 10);
    assert.equal(mostSevere([10, 2, 10]), 2);
    assert.equal(mostSevere([10, 3]), 3);
  });

  it('the order of docs/exit-codes.md, whatever the order of the targets', () => {
    const order = [130, 143, 1, 6, 7, 8, 4, 5, 3, 2, 10, 0] as const;
    assert.deepEqual([...SEVERITY], [...order]);
    for (let i = 0; i < order.length; i++)
      for (let j = i; j < order.length; j++) {
        const [a, b] = [order[i] ?? 0, order[j] ?? 0];
        assert.equal(mostSevere([a, b]), a, `${a} vs ${b}`);
        assert.equal(mostSevere([b, a]), a, `${b} vs ${a}`);
      }
    assert.equal(mostSevere([3, 5, 0, 7, 4, 10]), 7);
    assert.equal(mostSevere([6, 1, 143]), 143);
  });

  it('ranks every exit code there is, once', () => {
    assert.deepEqual(
      [...SEVERITY].sort((a, b) => a - b),
      EXIT_CODES.map(([, code]) => code).sort((a, b) => a - b),
    );
  });
});
