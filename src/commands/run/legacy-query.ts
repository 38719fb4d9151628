// `--query` is JMESPath everywhere. Before `--search` existed, the search
// verbs (deployments, allocators, runners) took their short search syntax in
// `--query`; that keeps working for a while, by one rule (docs/platform.md):
// a --query that does not compile as JMESPath, and whose every term is a
// field:value or a plain word, is the short syntax, with a deprecation
// warning; anything else is JMESPath (an invalid one is exit 2).

import type { Context } from '../../context.js';
import { UsageError } from '../../errors.js';
import { cjs } from '../../interop.js';
import { tokenize } from '../deployments/query.js';

export const DEPRECATED_QUERY = '--query with the search syntax is deprecated: use --search';

/**
 * The run's --query when it is the old search syntax (the warning said on
 * stderr), else undefined (JMESPath, or no --query). The plan then sets
 * `jmespath: false` so that the output is not filtered by it.
 */
export async function legacySearch(ctx: Context): Promise<string | undefined> {
  const text = await oldSearchQuery(ctx);
  if (text !== undefined) ctx.warn(DEPRECATED_QUERY);
  return text;
}

/** The same rule without the warning, for a verb that says it after its own checks. */
export async function oldSearchQuery(ctx: Context): Promise<string | undefined> {
  const text = ctx.flags.query;
  if (text === undefined) return undefined;
  // jmespath exports compile, which its typings leave out.
  const { compile } = cjs(await import('jmespath')) as unknown as {
    compile: (expr: string) => unknown;
  };
  try {
    compile(text);
    return undefined;
  } catch (err) {
    if (!oldSyntax(text))
      throw new UsageError(`invalid --query "${text}": ${(err as Error).message}`);
  }
  return text;
}

const TERM = /^(?:[A-Za-z_][\w.]*:.*|[\p{L}\p{N}_.*-]+)$/u;

function oldSyntax(text: string): boolean {
  try {
    const terms = tokenize(text);
    return terms.length > 0 && terms.every((t) => TERM.test(t));
  } catch {
    return false;
  }
}
