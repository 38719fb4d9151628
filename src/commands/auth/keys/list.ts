// `ece auth keys list`: the API keys of the signed-in user; with --user, of
// another user, and with --all-users, of everyone (platform admins).

import { type ApiKey, listAllKeys, listKeys, listUserKeys } from '../../../api/auth.js';
import { UsageError } from '../../../errors.js';
import type { View } from '../../../output/views.js';
import { defineVerb } from '../../run/types.js';

export interface ListFlags {
  user?: string;
  allUsers?: boolean;
}

export const verb = defineVerb<ListFlags>({
  effect: 'read',
  options: [
    { flags: '--user <name>', description: "list this user's keys instead (platform admins)" },
    { flags: '--all-users', description: "list every user's keys (platform admins)" },
  ],
  examples: [
    'ece auth keys list',
    'ece auth keys list --user jdoe',
    'ece auth keys list --all-users --json',
  ],
  input(raw) {
    const flags = raw as ListFlags;
    if (flags.user !== undefined && flags.allUsers)
      throw new UsageError('--user and --all-users cannot be combined');
    if (flags.user === '') throw new UsageError('--user is empty');
    return flags;
  },
  async plan(flags, ctx) {
    await ctx.renderer();
    const api = await ctx.api();
    const res = flags.allUsers
      ? await listAllKeys(api)
      : flags.user !== undefined
        ? await listUserKeys(api, flags.user)
        : await listKeys(api);
    return { output: { body: res, view: flags.allUsers ? allUsersView : view } };
  },
});

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
