// `ece users update NAME`: changes a user's full name, email, roles or
// password. It reads the user first and sends only what changes, as a JSON
// merge patch (PATCH /users/{user_name}); an empty --full-name or --email
// removes the field. Nothing to change is not an error: nothing is sent.

import { parseBody } from '../../api/body.js';
import { getUser } from '../../api/platform.js';
import { updateUserRequest } from '../../api/users.js';
import { UsageError } from '../../errors.js';
import { defineVerb } from '../run/types.js';
import { NAME_ARG, type User } from './columns.js';
import { checkPasswordSource, PASSWORD_STDIN, readPassword } from './password.js';

export interface UpdateInput {
  name: string;
  fullName?: string;
  email?: string;
  role: string[];
  addRole: string[];
  removeRole: string[];
  changePassword?: boolean;
  passwordStdin?: boolean;
}

export const verb = defineVerb<UpdateInput>({
  effect: 'write',
  args: [NAME_ARG],
  options: [
    { flags: '--full-name <name>', description: 'full name ("" removes it)' },
    { flags: '--email <address>', description: 'email address ("" removes it)' },
    {
      flags: '--role <role>',
      description: 'the roles the user gets, replacing the current ones (repeatable)',
      repeatable: true,
    },
    { flags: '--add-role <role>', description: 'a role to add (repeatable)', repeatable: true },
    {
      flags: '--remove-role <role>',
      description: 'a role to take away (repeatable)',
      repeatable: true,
    },
    { flags: '--change-password', description: 'ask for a new password on the terminal' },
    PASSWORD_STDIN,
  ],
  description: `Passwords are never taken from a flag's value: they are asked for on a
terminal (--change-password) or read from stdin (--password-stdin).`,
  examples: [
    'ece users update jdoe --email jane.doe@example.com',
    'ece users update jdoe --add-role ece_deployment_manager --remove-role ece_deployment_viewer',
    'ece users update jdoe --password-stdin < new-password.txt',
    'ece users update jdoe --role ece_platform_viewer --dry-run',
  ],
  input(raw) {
    const input = raw as unknown as UpdateInput;
    if (input.changePassword && input.passwordStdin)
      throw new UsageError('--change-password and --password-stdin cannot be combined');
    if (input.role.length > 0 && (input.addRole.length > 0 || input.removeRole.length > 0))
      throw new UsageError(
        '--role replaces the roles: it cannot be combined with --add-role or --remove-role',
      );
    const asked =
      input.fullName !== undefined ||
      input.email !== undefined ||
      input.role.length + input.addRole.length + input.removeRole.length > 0 ||
      newPassword(input);
    if (!asked)
      throw new UsageError(
        'nothing to update: give --full-name, --email, --role, --add-role, --remove-role, --change-password or --password-stdin',
      );
    if (input.email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(input.email))
      throw new UsageError(
        `invalid --email "${input.email}": expected an address like jane@example.com`,
      );
    return input;
  },
  async plan(input, ctx) {
    const name = input.name;
    if (newPassword(input)) checkPasswordSource(ctx, input.passwordStdin);
    const api = await ctx.api();
    const current = parseBody<User>(await getUser(api, name));
    const patch: Record<string, unknown> = {};
    const security: Record<string, unknown> = {};
    const changed: string[] = [];
    for (const [field, given] of [
      ['full_name', input.fullName],
      ['email', input.email],
    ] as const) {
      if (given === undefined) continue;
      const now = current[field];
      if (given === '' && now !== undefined && now !== '') patch[field] = null;
      else if (given !== '' && given !== now) patch[field] = given;
      if (field in patch) changed.push(field);
    }
    const roleFlags = input.role.length + input.addRole.length + input.removeRole.length > 0;
    const roles = roleFlags ? nextRoles(current.security?.roles ?? [], input) : undefined;
    if (roles) {
      security.roles = roles;
      changed.push('roles');
    }
    let password: string | undefined;
    if (newPassword(input)) {
      password = await readPassword(ctx, input.passwordStdin, 'New password: ');
      api.addSecret(password);
      security.password = password;
      changed.push('password');
    }
    if (Object.keys(security).length > 0) patch.security = security;
    // Nothing to change is said, not sent (a dry run says it too).
    if (changed.length === 0)
      return { done: `User ${name} already has these settings; nothing to change.` };
    return {
      writes: [updateUserRequest(name, patch, password)],
      done: `Updated user ${name} (${changed.join(', ')}).`,
    };
  },
});

const newPassword = (input: UpdateInput) =>
  input.changePassword === true || input.passwordStdin === true;

/** The roles after the flags, or undefined when they stay as they are. */
function nextRoles(current: string[], input: UpdateInput): string[] | undefined {
  let next: string[];
  if (input.role.length > 0) next = [...new Set(input.role)];
  else {
    // Removing a role the user does not have changes nothing, as adding one it has.
    next = [...current, ...input.addRole.filter((r) => !current.includes(r))].filter(
      (r) => !input.removeRole.includes(r),
    );
    next = [...new Set(next)];
  }
  if (next.length === 0) throw new UsageError('a user needs at least one role');
  const same = next.length === current.length && next.every((r) => current.includes(r));
  return same ? undefined : next;
}
