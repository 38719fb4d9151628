// `ece users create NAME`: the password is asked for on a terminal or read
// from stdin. A dry run shows it as "$ECE_PASSWORD" and never prompts: without
// --password-stdin it asks for nothing and the curl line takes the variable.

import type { Command } from 'commander';
import { createUserRequest } from '../../api/platform.js';
import type { Context } from '../../context.js';
import { UsageError } from '../../errors.js';
import { fieldsView } from '../../output/views.js';
import { act, type Contexts } from '../action.js';
import { showDryRun } from '../write.js';
import { userColumns } from './columns.js';
import { checkPasswordSource, readPassword } from './password.js';

export interface CreateFlags {
  role: string[];
  fullName?: string;
  email?: string;
  passwordStdin?: boolean;
}

export function register(group: Command, contexts: Contexts): void {
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
    .action(act(contexts, (ctx, name: string, flags: CreateFlags) => run(name, flags, ctx)));
}

export async function run(name: string, flags: CreateFlags, ctx: Context): Promise<void> {
  if (flags.role.length === 0)
    throw new UsageError('give at least one --role (e.g. ece_platform_viewer)');
  checkPasswordSource(ctx, flags.passwordStdin);
  const renderer = await ctx.renderer();
  const api = await ctx.api();
  const password = await readPassword(ctx, flags.passwordStdin);
  api.addSecret(password);
  const write = createUserRequest({
    user_name: name,
    ...(flags.fullName ? { full_name: flags.fullName } : {}),
    ...(flags.email ? { email: flags.email } : {}),
    security: { password, roles: flags.role, enabled: true },
  });
  if (showDryRun(ctx, api, write)) return;
  const res = await api.request(write);
  if (renderer.raw) await renderer.body(res, fieldsView(userColumns));
  ctx.io.stderr.write(`Created user ${name}.\n`);
}
