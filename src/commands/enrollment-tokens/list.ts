// `ece enrollment-tokens list`: the persistent tokens' ids and roles. ECE
// never shows a token's value again, and tokens that expire are not listed.

import type { Command } from 'commander';
import { listEnrollmentTokens } from '../../api/enrollment.js';
import type { Context } from '../../context.js';
import { listView } from '../../output/views.js';
import { act, type Contexts } from '../action.js';

interface Token {
  token_id: string;
  roles: string[];
}

export function register(group: Command, contexts: Contexts): void {
  group
    .command('list')
    .alias('ls')
    .description('List the persistent enrollment tokens (ids and roles, never the tokens)')
    .addHelpText(
      'after',
      '\nExamples:\n  $ ece enrollment-tokens list\n  $ ece enrollment-tokens list --query "tokens[].token_id"',
    )
    .action(act(contexts, (ctx) => run(ctx)));
}

export async function run(ctx: Context): Promise<void> {
  const renderer = await ctx.renderer();
  const res = await listEnrollmentTokens(await ctx.api());
  await renderer.body(
    res,
    listView<Token>(
      (d) => (d as { tokens?: Token[] }).tokens,
      [
        ['TOKEN_ID', (t) => t.token_id],
        ['ROLES', (t) => t.roles],
      ],
      'No enrollment tokens.',
    ),
  );
}
