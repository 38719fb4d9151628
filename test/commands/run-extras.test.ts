// Two optional plan fields of the executor (src/commands/run/execute.ts):
// `run` (a verb that sends its writes itself, over time: called after
// confirmation in place of sending `writes`, never under --dry-run, where the
// writes print as curl lines) and `exitCode` (a gate's answer: the run exits
// with it, silently, once the output and `done` are out).

import { describe, it } from 'node:test';
import { carryOut } from '../../src/commands/run/execute.js';
import type { Plan } from '../../src/commands/run/types.js';
import { Context } from '../../src/context.js';
import { CliError } from '../../src/errors.js';
import { memoryIO } from '../../src/output/memory-io.js';
import assert from '../helpers/assert.js';

function context(dryRun: boolean) {
  const out = { stdout: '', stderr: '' };
  const ctx = new Context({
    io: memoryIO({
      out: (s) => {
        out.stdout += s;
      },
      err: (s) => {
        out.stderr += s;
      },
    }),
    env: { ECE_HOST: 'http://127.0.0.1:9', ECE_API_KEY: 'extras-key' },
    flags: dryRun ? { dryRun: true } : {},
    client: { maxAttempts: 1, sleep: async () => {} },
  });
  return { ctx, out };
}

const write = { method: 'PUT', path: '/deployments/abc', body: { name: 'x' } };

describe('executor: send (a rollout) and exitCode', () => {
  it('send is called after confirmation (--yes) in place of the writes', async () => {
    const { ctx, out } = context(false);
    let ran = 0;
    const plan: Plan = {
      writes: [write],
      sendEach: async () => {
        ran++;
        return 0;
      },
      confirm: 'Go?',
    };
    await carryOut(
      plan,
      { effect: 'destructive', yes: true, wait: false, timeoutMs: undefined },
      ctx,
    );
    assert.deepEqual([ran, out.stdout, out.stderr], [1, '', '']);
  });

  it('under --dry-run send is not called; the writes print as curl lines', async () => {
    const { ctx, out } = context(true);
    let ran = 0;
    const plan: Plan = {
      writes: [write],
      sendEach: async () => {
        ran++;
        return 0;
      },
    };
    await carryOut(
      plan,
      { effect: 'destructive', yes: false, wait: false, timeoutMs: undefined },
      ctx,
    );
    assert.equal(ran, 0);
    assert.match(
      out.stdout,
      /^printf .* \| curl -sS -g -K - -X PUT http:\/\/127\.0\.0\.1:9\/api\/v1\/deployments\/abc /,
    );
  });

  it('without a terminal and without --yes, a destructive run is refused before it runs', async () => {
    const { ctx } = context(false);
    let ran = 0;
    await assert.rejects(
      carryOut(
        {
          sendEach: async () => {
            ran++;
            return 0;
          },
        },
        { effect: 'destructive', yes: false, wait: false, timeoutMs: undefined },
        ctx,
      ),
      /this needs confirmation/,
    );
    assert.equal(ran, 0);
  });

  it('exitCode: the output and done are out, then a silent exit with the code', async () => {
    const { ctx, out } = context(false);
    const plan: Plan = {
      output: { body: '{"a":1}', print: (_r, io) => void io.stdout.write('a 1\n') },
      done: '1 below.',
      exitCode: 10,
    };
    const err = await carryOut(
      plan,
      { effect: 'read', yes: false, wait: false, timeoutMs: undefined },
      ctx,
    ).then(
      () => undefined,
      (e: unknown) => e,
    );
    assert.ok(err instanceof CliError && err.silent && err.exitCode === 10);
    assert.deepEqual([out.stdout, out.stderr], ['a 1\n', '1 below.\n']);
  });
});
