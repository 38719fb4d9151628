// The health of the proxies, or of one filtered group of them, as a gate:
// with --expect, a health worse than that (ECE's 417, the same body) is
// shown as any other and the command exits 10, as a failed check does.

import type { ApiResponse } from '../../api/body.js';
import { HEALTH_STATUSES } from '../../api/proxies.js';
import { ApiError, CliError, ExitCode, UsageError } from '../../errors.js';
import type { View } from '../../output/views.js';
import type { OptionSpec, Plan } from '../run/types.js';

export const EXPECT_OPTION: OptionSpec = {
  flags: '--expect <status>',
  description: 'exit 10 when the health is worse than this: green, yellow or red',
};

/** --expect as ECE spells it (Green, Yellow, Red). */
export function expectOf(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const found = HEALTH_STATUSES.find((s) => s.toLowerCase() === value.toLowerCase());
  if (!found) throw new UsageError(`invalid --expect "${value}": use green, yellow or red`);
  return found;
}

/** The plan of a health read: its answer, a 417 included, on stdout; then exit 10 for a 417. */
export async function healthPlan(
  read: () => Promise<ApiResponse>,
  view: View,
  what: string,
  expect: string | undefined,
): Promise<Plan> {
  try {
    return { output: { body: await read(), view } };
  } catch (err) {
    if (!(err instanceof ApiError) || err.status !== 417) throw err;
    let status = 'worse';
    try {
      status = String((JSON.parse(err.body) as { status?: unknown }).status ?? status);
    } catch {
      // A 417 without the health body: the error says it all.
      throw err;
    }
    return {
      output: { body: err.body, view },
      outcome: new CliError(
        `${what} is ${status}, worse than the expected ${expect ?? 'status'}`,
        ExitCode.DIFFERENCES,
      ),
    };
  }
}
