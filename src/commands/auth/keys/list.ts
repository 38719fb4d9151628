// `ece auth keys list`: the API keys of the signed-in user; with --user, of
// another user, and with --all-users, of everyone (platform admins).

import type { Command } from 'commander';
import { type ApiKey, listAllKeys, listKeys, listUserKeys } from '../../../api/auth.js';
import type { Context } from '../../../context.js';
import { UsageError } from '../../../errors.js';
import type { View } from '../../../output/views.js';
import { act, type Contexts } from '../../action.js';

export interface ListFlags {
  user?: string;
  allUsers?: boolean;
}

export function register(group: Command, contexts: Contexts): void {
  group
    .command('list')
    .alias('ls')
    .description("List your API keys, or another user's (--user) or everyone's (--all-users)")
    .option('--user <name>', "list this user's keys instead (platform admins)")
    .option('--all-users', "list every user's keys (platform admins)")
    .addHelpText(
      'after',
      `
Examples:
  $ ece auth keys list
  $ ece auth keys list --user jdoe
  $ ece auth keys list --all-users --json`,
    )
    .action(act(contexts, (ctx, flags: ListFlags) => run(ctx, flags)));
}

export async function run(ctx: Context, flags: ListFlags = {}): Promise<void> {
  if (flags.user !== undefined && flags.allUsers)
    throw new UsageError('--user and --all-users cannot be combined');
  if (flags.user === '') throw new UsageError('--user is empty');
  const renderer = await ctx.renderer();
  const api = await ctx.api();
  const res = flags.allUsers
    ? await listAllKeys(api)
    : flags.user !== undefined
      ? await listUserKeys(api, flags.user)
      : await listKeys(api);
  await renderer.body(res, flags.allUsers ? allUsersView : view);
}

const keysOf = (data: unknown): ApiKey[] => ((data as { keys?: ApiKey[] })?.keys ?? []) as ApiKey[];

export const view: View = {
  emptyNote: 'No API keys.',
  isEmpty: (data) => keysOf(data).length === 0,
  grid: (data) => ({
    headers: ['ID', 'DESCRIPTION', 'CREATED', 'EXPIRES'],
    rows: keysOf(data).map((k) => [k.id, k.description, k.creation_date, k.expiration_date ?? '-']),
    keep: [0],
  }),
};

const allUsersView: View = {
  ...view,
  grid: (data) => ({
    headers: ['USER', 'ID', 'DESCRIPTION', 'CREATED', 'EXPIRES'],
    rows: keysOf(data).map((k) => [
      k.user_id ?? '-',
      k.id,
      k.description,
      k.creation_date,
      k.expiration_date ?? '-',
    ]),
    keep: [0, 1],
  }),
};
