// A verb declared for some ECE versions (`Verb.ece`, `eceOf`) meets the
// installation's version before its plan: outside the range, one line and
// exit 2, nothing sent. The version is the one `installationVersion` keeps
// (a day per profile and host; a dry run reads none and uses what is
// remembered). Unknown is not a refusal: ECE's answer is then the word.

import { type EceRange, outsideRange } from '../../api/versions.js';
import type { Context } from '../../context.js';
import { UsageError } from '../../errors.js';
import { installationVersion } from '../platform-version.js';

export async function checkEceVersion(ctx: Context, range: EceRange): Promise<void> {
  const version = await installationVersion(ctx, await ctx.api());
  const why = version === undefined ? undefined : outsideRange(version, range);
  if (why) throw new UsageError(why);
}
