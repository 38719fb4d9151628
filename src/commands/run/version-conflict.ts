// A write sent with the version it read (?version=) that ECE refused
// because the thing changed in between: said in the verb's words (exit 5)
// with what to do, never retried over the other change. For Plan.fail.

import { type ApiError, CliError, ExitCode } from '../../errors.js';

/**
 * Plan.fail for a write with ?version=: `what` names the thing (`config
 * store option "x"`), `show` the command that reads it again.
 */
export function changedSinceRead(what: string, show: string): (err: ApiError) => Error | undefined {
  return (err) => {
    if (!err.isVersionConflict) return undefined;
    const out = new CliError(`${what} changed since it was read`, ExitCode.REJECTED);
    out.hints.push(`read it again (${show}) and run the command again`);
    return out;
  };
}

/** The version a read answered with (x-cloud-resource-version), to send back as ?version=. */
export const versionOf = (res: { headers: Record<string, string> }): string | undefined =>
  res.headers['x-cloud-resource-version'] || undefined;
