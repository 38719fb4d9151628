// `ece users update NAME`: changes a user's full name, email, roles or
// password. It reads the user first and sends only what changes, as a JSON
// merge patch (PATCH /users/{user_name}); an empty --full-name or --email
// removes the field. Nothing to change is not an error: nothing is sent.

import type { Command } from 'commander';
import { parseBody } from '../../api/body.js';
import { getUser } from '../../api/platform.js';
import { updateUserRequest } from '../../api/users.js';
import type { Context } from '../../context.js';
import { UsageError } from '../../errors.js';
import { fieldsView } from '../../output/views.js';
import { act, type Contexts } from '../action.js';
import { showDryRun } from '../write.js';
import { type User, userColumns } from './columns.js';
import { checkPasswordSource, readPassword } from './password.js';

export interface UpdateFlags {
  fullName?: string;
  email?: string;
  role: string[];
  addRole: string[];
  removeRole: string[];
  changePassword?: boolean;
  passwordStdin?: boolean;
}

const many = (v: string, all: string[]) => [...all, v];

export function register(group: Command, contexts: Contexts): void {
  group
    .command('update')
    .description("Change a user's name, email, roles or password (sends only what changes)")
    .argument('<name>', 'user name')
    .option('--full-name <name>', 'full name ("" removes it)')
    .option('--email <address>', 'email address ("" removes it)')
    .option(
      '--role <role>',
      'the roles the user gets, replacing the current ones (repeatable)',
      many,
      [],
    )
    .option('--add-role <role>', 'a role to add (repeatable)', many, [])
    .option('--remove-role <role>', 'a role to take away (repeatable)', many, [])
    .option('--change-password', 'ask for a new password on the terminal')
    .option('--password-stdin', 'read the new password from standard input')
    .addHelpText(
      'after',
      `
Passwords are never taken from a flag's value: they are asked for on a
terminal (--change-password) or read from stdin (--password-stdin).

Examples:
  $ ece users update jdoe --email jane.doe@example.com
  $ ece users update jdoe --add-role ece_deployment_manager --remove-role ece_deployment_viewer
  $ ece users update jdoe --password-stdin < new-password.txt
  $ ece users update jdoe --role ece_platform_viewer --dry-run`,
    )
    .action(act(contexts, (ctx, name: string, flags: UpdateFlags) => run(name, flags, ctx)));
}

export async function run(name: string, flags: UpdateFlags, ctx: Context): Promise<void> {
  const newPassword = flags.changePassword === true || flags.passwordStdin === true;
  if (flags.changePassword && flags.passwordStdin)
    throw new UsageError('--change-password and --password-stdin cannot be combined');
  if (flags.role.length > 0 && (flags.addRole.length > 0 || flags.removeRole.length > 0))
    throw new UsageError(
      '--role replaces the roles: it cannot be combined with --add-role or --remove-role',
    );
  const asked =
    flags.fullName !== undefined ||
    flags.email !== undefined ||
    flags.role.length + flags.addRole.length + flags.removeRole.length > 0 ||
    newPassword;
  if (!asked)
    throw new UsageError(
      'nothing to update: give --full-name, --email, --role, --add-role, --remove-role, --change-password or --password-stdin',
    );
  if (flags.email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(flags.email))
    throw new UsageError(
      `invalid --email "${flags.email}": expected an address like jane@example.com`,
    );
  if (newPassword) checkPasswordSource(ctx, flags.passwordStdin);
  const api = await ctx.api();
  const current = parseBody<User>(await getUser(api, name));
  const patch: Record<string, unknown> = {};
  const security: Record<string, unknown> = {};
  const changed: string[] = [];
  for (const [field, given] of [
    ['full_name', flags.fullName],
    ['email', flags.email],
  ] as const) {
    if (given === undefined) continue;
    const now = current[field];
    if (given === '' && now !== undefined && now !== '') patch[field] = null;
    else if (given !== '' && given !== now) patch[field] = given;
    if (field in patch) changed.push(field);
  }
  const roleFlags = flags.role.length + flags.addRole.length + flags.removeRole.length > 0;
  const roles = roleFlags ? nextRoles(current.security?.roles ?? [], flags) : undefined;
  if (roles) {
    security.roles = roles;
    changed.push('roles');
  }
  let password: string | undefined;
  if (newPassword) {
    password = await readPassword(ctx, flags.passwordStdin, 'New password: ');
    api.addSecret(password);
    security.password = password;
    changed.push('password');
  }
  if (Object.keys(security).length > 0) patch.security = security;
  if (changed.length === 0) {
    ctx.io.stderr.write(`User ${name} already has these settings; nothing to change.\n`);
    return;
  }
  const write = updateUserRequest(name, patch, password);
  if (showDryRun(ctx, api, write)) return;
  const renderer = await ctx.renderer();
  const res = await api.request(write);
  if (renderer.raw) await renderer.body(res, fieldsView(userColumns));
  ctx.io.stderr.write(`Updated user ${name} (${changed.join(', ')}).\n`);
}

/** The roles after the flags, or undefined when they stay as they are. */
function nextRoles(current: string[], flags: UpdateFlags): string[] | undefined {
  let next: string[];
  if (flags.role.length > 0) next = [...new Set(flags.role)];
  else {
    // Removing a role the user does not have changes nothing, as adding one it has.
    next = [...current, ...flags.addRole.filter((r) => !current.includes(r))].filter(
      (r) => !flags.removeRole.includes(r),
    );
    next = [...new Set(next)];
  }
  if (next.length === 0) throw new UsageError('a user needs at least one role');
  const same = next.length === current.length && next.every((r) => current.includes(r));
  return same ? undefined : next;
}
