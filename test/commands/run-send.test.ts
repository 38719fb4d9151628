// The executor's two plan fields for verbs over many targets (issue 25):
// `send` replaces the writes in a real run (after the confirmation) and its
// code is the call's; a dry run prints the writes and never calls it;
// `exitCode` ends a call that did its work with a code (diff's 10).

import { describe, it } from 'node:test';
import { carryOut } from '../../src/commands/run/execute.js';
import type { Plan } from '../../src/commands/run/types.js';
import { Context, type GlobalOptions } from '../../src/context.js';
import { CliError, ExitCode } from '../../src/errors.js';
import { memoryIO } from '../../src/output/memory-io.js';
import assert from '../helpers/assert.js';

async function carry(
  plan: Plan,
  o: { flags?: GlobalOptions; yes?: boolean; effect?: 'write' | 'destructive' | 'read' } = {},
) {
  let stdout = '';
  let stderr = '';
  const ctx = new Context({
    io: memoryIO({ out: (s) => (stdout += s), err: (s) => (stderr += s) }),
    // Nothing listens there: a request the plan did not expect fails the test.
    env: { ECE_HOST: 'http://127.0.0.1:9', ECE_API_KEY: 'run-send-key' },
    flags: o.flags ?? {},
    client: { maxAttempts: 1, sleep: async () => {} },
  });
  let code = 0;
  try {
    await carryOut(
      plan,
      { effect: o.effect ?? 'write', yes: o.yes, wait: false, timeoutMs: undefined },
      ctx,
    );
  } catch (err) {
    assert.ok(err instanceof CliError, String(err));
    code = err.exitCode;
    if (!err.silent) stderr += `error: ${err.message}\n`;
  } finally {
    await ctx.dispose();
  }
  return { code, stdout, stderr };
}

const WRITE = { method: 'PUT' as const, path: '/deployments/x', body: { a: 1 } };

describe('executor: send and exitCode', () => {
  it('send runs in place of the writes; its code is the call exit code, after the output and the note', async () => {
    const calls: unknown[] = [];
    const r = await carry(
      {
        writes: [WRITE],
        sendEach: async (run) => {
          calls.push(run);
          return ExitCode.REJECTED;
        },
        output: () => ({ body: '[]', print: (renderer) => renderer.text('one line per target\n') }),
        done: () => '1 document: 1 failed.',
      },
      { flags: { output: 'tsv' } },
    );
    assert.deepEqual(calls, [{ wait: false, timeoutMs: undefined }]);
    assert.deepEqual(r, {
      code: 5,
      stdout: 'one line per target\n',
      stderr: '1 document: 1 failed.\n',
    });
  });

  it('send returning 0 is exit 0', async () => {
    const r = await carry({ writes: [], sendEach: async () => ExitCode.OK, done: 'done.' });
    assert.deepEqual(r, { code: 0, stdout: '', stderr: 'done.\n' });
  });

  it('--dry-run prints the writes as curl and never calls send; with no writes it prints nothing', async () => {
    let called = false;
    const send = async () => {
      called = true;
      return ExitCode.OK;
    };
    const dry = await carry({ writes: [WRITE], sendEach: send }, { flags: { dryRun: true } });
    assert.equal(dry.code, 0);
    assert.match(
      dry.stdout,
      /^printf .* \| curl -sS -g -K - -X PUT http:\/\/127\.0\.0\.1:9\/api\/v1\/deployments\/x /,
    );
    const none = await carry({ writes: [], sendEach: send }, { flags: { dryRun: true } });
    assert.deepEqual(none, { code: 0, stdout: '', stderr: '' });
    assert.equal(called, false);
  });

  it('a destructive send asks first: no terminal and no --yes is exit 2 and send is not called', async () => {
    let called = false;
    const r = await carry(
      {
        writes: [WRITE],
        confirm: 'Shut down kibana main-kibana?',
        sendEach: async () => {
          called = true;
          return ExitCode.OK;
        },
      },
      { effect: 'destructive' },
    );
    assert.equal(r.code, 2);
    assert.equal(called, false);
    const yes = await carry(
      {
        writes: [WRITE],
        sendEach: async () => {
          called = true;
          return ExitCode.OK;
        },
      },
      { effect: 'destructive', yes: true },
    );
    assert.equal(yes.code, 0);
    assert.equal(called, true);
  });

  it('exitCode: a read call prints its output, then exits with the code, saying nothing more', async () => {
    const r = await carry(
      {
        output: { body: '{}', print: (renderer) => renderer.text('--- a\n+++ b\n') },
        exitCode: ExitCode.DIFFERENCES,
      },
      { effect: 'read', flags: { output: 'tsv' } },
    );
    assert.deepEqual(r, { code: 10, stdout: '--- a\n+++ b\n', stderr: '' });
    const zero = await carry(
      { output: { body: '{}', print: () => {} }, exitCode: ExitCode.OK },
      { effect: 'read' },
    );
    assert.equal(zero.code, 0);
  });
});
