// The columns `users list`, `show` and `create` share, and their NAME argument.

export interface User {
  user_name: string;
  full_name?: string;
  email?: string;
  builtin?: boolean;
  security: { roles?: string[]; enabled?: boolean };
}

export const userColumns: [string, (u: User) => unknown][] = [
  ['NAME', (u) => u.user_name],
  ['FULL_NAME', (u) => u.full_name],
  ['EMAIL', (u) => u.email],
  ['ROLES', (u) => u.security.roles],
  ['ENABLED', (u) => u.security.enabled !== false],
  ['BUILTIN', (u) => u.builtin === true],
];

/** The argument every verb but `list` takes. */
export const NAME_ARG = { name: 'name', description: 'user name' };
