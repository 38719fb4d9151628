// A verb's plan without a server (gh's runF seam): the verb's input checks
// and plan() run with a Context whose host answers nothing, so a plan that
// reads when the test says it should not fails at once (connection refused,
// one attempt). Output and prompts go to buffers.

import { inputOf } from '../../src/commands/run/execute.js';
import type { Plan, Raw, Verb } from '../../src/commands/run/types.js';
import { Context, type GlobalOptions } from '../../src/context.js';
import { memoryIO } from '../../src/output/memory-io.js';

export interface PlanRun {
  plan: Plan;
  stdout: string;
  stderr: string;
  /** Each planned write as the curl line --dry-run prints for it. */
  curls: string[];
}

export async function planOf(
  verb: Verb<unknown>,
  raw: Raw,
  opts: { flags?: GlobalOptions; stdin?: string } = {},
): Promise<PlanRun> {
  let stdout = '';
  let stderr = '';
  const ctx = new Context({
    io: memoryIO({
      out: (s) => {
        stdout += s;
      },
      err: (s) => {
        stderr += s;
      },
      ...(opts.stdin === undefined ? {} : { stdin: opts.stdin }),
    }),
    // Port 9 (discard) on loopback: nothing listens in a test run.
    env: { ECE_HOST: 'http://127.0.0.1:9', ECE_API_KEY: 'plan-test-key' },
    flags: opts.flags ?? {},
    client: { maxAttempts: 1, sleep: async () => {} },
  });
  try {
    const plan = await verb.plan(inputOf(verb, raw), ctx);
    const api = await ctx.api();
    const curls = (plan.writes ?? []).map((w) => api.curl(w));
    return { plan, stdout, stderr, curls };
  } finally {
    await ctx.dispose();
  }
}
