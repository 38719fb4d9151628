// `ece users list|show|create|delete`: the platform's users.

import type { Command } from 'commander';
import { createUser, deleteUser, getUser, listUsers } from '../../api/platform.js';
import type { Context } from '../../context.js';
import { UsageError } from '../../errors.js';
import {
  ask,
  canPrompt,
  confirmOrFail,
  readStdin,
  requireConfirmable,
} from '../../output/prompt.js';
import { fieldsView, listView } from '../../output/views.js';
import { act, type Contexts } from '../action.js';

interface User {
  user_name: string;
  full_name?: string;
  email?: string;
  builtin?: boolean;
  security: { roles?: string[]; enabled?: boolean };
}

const columns: [string, (u: User) => unknown][] = [
  ['NAME', (u) => u.user_name],
  ['FULL_NAME', (u) => u.full_name],
  ['EMAIL', (u) => u.email],
  ['ROLES', (u) => u.security.roles],
  ['ENABLED', (u) => u.security.enabled !== false],
  ['BUILTIN', (u) => u.builtin === true],
];

interface CreateFlags {
  role: string[];
  fullName?: string;
  email?: string;
  passwordStdin?: boolean;
}

export function register(group: Command, contexts: Contexts): void {
  group.addHelpText(
    'after',
    '\nExamples:\n  $ ece users list\n  $ ece users create jdoe --role ece_platform_viewer --password-stdin < pw.txt',
  );
  group
    .command('list')
    .alias('ls')
    .description('List users')
    .addHelpText('after', '\nExamples:\n  $ ece users list')
    .action(
      act(contexts, async (ctx) => {
        const renderer = await ctx.renderer();
        const res = await listUsers(await ctx.api());
        await renderer.body(
          res.text,
          listView<User>((d) => (d as { users?: User[] }).users, columns, 'No users.'),
        );
      }),
    );
  group
    .command('show')
    .description('Show a user')
    .argument('<name>', 'user name')
    .addHelpText('after', '\nExamples:\n  $ ece users show admin')
    .action(
      act(contexts, async (ctx, name: string) => {
        const renderer = await ctx.renderer();
        const res = await getUser(await ctx.api(), name);
        await renderer.body(res, fieldsView(columns));
      }),
    );
  group
    .command('create')
    .description('Create a user (the password is asked for, or read from stdin)')
    .argument('<name>', 'user name')
    .option(
      '--role <role>',
      'a role, e.g. ece_platform_admin or ece_platform_viewer (repeatable)',
      (v: string, all: string[]) => [...all, v],
      [],
    )
    .option('--full-name <name>', 'full name')
    .option('--email <address>', 'email address')
    .option('--password-stdin', 'read the password from standard input')
    .addHelpText(
      'after',
      '\nExamples:\n  $ ece users create jdoe --role ece_platform_viewer --full-name "Jane Doe"',
    )
    .action(act(contexts, (ctx, name: string, flags: CreateFlags) => create(name, flags, ctx)));
  group
    .command('delete')
    .alias('rm')
    .description('Delete a user (asks first)')
    .argument('<name>', 'user name')
    .option('-y, --yes', 'do not ask for confirmation')
    .addHelpText('after', '\nExamples:\n  $ ece users delete jdoe --yes')
    .action(
      act(contexts, async (ctx, name: string, flags: { yes?: boolean }) => {
        requireConfirmable(ctx.io, flags.yes);
        const api = await ctx.api();
        await confirmOrFail(ctx.io, `Delete user ${name}?`, flags.yes);
        await deleteUser(api, name);
        ctx.io.stderr.write(`Deleted user ${name}.\n`);
      }),
    );
}

async function create(name: string, flags: CreateFlags, ctx: Context): Promise<void> {
  if (flags.role.length === 0)
    throw new UsageError('give at least one --role (e.g. ece_platform_viewer)');
  if (!flags.passwordStdin && !canPrompt(ctx.io)) {
    throw new UsageError(
      'the password is asked for on a terminal; without one use --password-stdin',
    );
  }
  const renderer = await ctx.renderer();
  const api = await ctx.api();
  const password = flags.passwordStdin
    ? await readStdin(ctx.io, 'the password')
    : await ask(ctx.io, 'Password: ', { hidden: true });
  if (password.length < 8) throw new UsageError('the password must have at least 8 characters');
  api.addSecret(password);
  const res = await createUser(api, {
    user_name: name,
    ...(flags.fullName ? { full_name: flags.fullName } : {}),
    ...(flags.email ? { email: flags.email } : {}),
    security: { password, roles: flags.role, enabled: true },
  });
  if (renderer.raw) await renderer.body(res, fieldsView(columns));
  ctx.io.stderr.write(`Created user ${name}.\n`);
}
