// The sandbox's platform users (/users…) and the API keys of other users
// (/users/{user_id}/auth/keys…, /users/auth/keys/_all), as ECE answers them:
// disabled users are left out of the list unless include_disabled, built-in
// users cannot be changed or deleted, nobody deletes their own user, and an
// update is a JSON merge patch.

import { SandboxError } from './errors.js';
import { flag } from './params.js';
import { newUser, ROLES, type SandboxUser, user } from './platform.js';
import type { Route, World } from './world.js';

const notFound = (name: string) =>
  new SandboxError(404, 'user.not_found', `User [${name}] cannot be found`);

export function userRoutes(w: World): Route[] {
  const find = (name: string) => {
    const u = w.users.find((x) => x.name === name);
    if (!u) throw notFound(name);
    return u;
  };
  const keyOwner = (name: string) => {
    if (!w.users.some((x) => x.name === name))
      throw new SandboxError(404, 'api_keys.user_not_found', `User [${name}] cannot be found`);
    return name;
  };
  return [
    {
      method: 'GET',
      path: '/users',
      handle: (c) => ({
        body: {
          users: w.users
            .filter((u) => u.enabled !== false || flag(c.query, 'include_disabled', false))
            .map(user),
        },
      }),
    },
    {
      method: 'POST',
      path: '/users',
      handle: (c) => {
        const u = newUser(c.body, w.users);
        w.users.push(u);
        return { body: user(u) };
      },
    },
    {
      method: 'GET',
      path: '/users/{name}',
      handle: (c) => ({ body: user(find(c.params.name ?? '')) }),
    },
    {
      method: 'PATCH',
      path: '/users/{name}',
      handle: (c) => {
        const u = find(c.params.name ?? '');
        if (u.builtin)
          throw new SandboxError(
            400,
            'user.cannot_modify',
            `Built-in user [${u.name}] cannot be modified`,
          );
        patchUser(u, c.body);
        return { body: user(u) };
      },
    },
    {
      method: 'DELETE',
      path: '/users/{name}',
      handle: (c) => {
        const u = find(c.params.name ?? '');
        if (u.builtin)
          throw new SandboxError(400, 'user.restricted_deletion', `User [${u.name}] is built in`);
        if (u.name === c.principal.user)
          throw new SandboxError(
            400,
            'user.restricted_deletion',
            'You cannot delete your own user',
          );
        for (const k of keysOf(w, u.name)) w.auth.deleteKey(u.name, k.id);
        w.users.splice(w.users.indexOf(u), 1);
        return { body: {} };
      },
    },
    {
      method: 'GET',
      path: '/users/{user_id}/auth/keys',
      handle: (c) => ({ body: w.auth.listKeys(keyOwner(c.params.user_id ?? '')) }),
    },
    {
      method: 'GET',
      path: '/users/{user_id}/auth/keys/{id}',
      handle: (c) => ({ body: w.auth.getKey(keyOwner(c.params.user_id ?? ''), c.params.id ?? '') }),
    },
    {
      method: 'DELETE',
      path: '/users/{user_id}/auth/keys/{id}',
      handle: (c) => ({
        body: w.auth.deleteKey(keyOwner(c.params.user_id ?? ''), c.params.id ?? ''),
      }),
    },
  ];
}

/** GET /users/auth/keys/_all: listed before /users/auth/keys/{id}, which would take `_all` for an id. */
export function allKeysRoutes(w: World): Route[] {
  return [
    {
      method: 'GET',
      path: '/users/auth/keys/_all',
      handle: () => ({ body: { keys: w.users.flatMap((u) => keysOf(w, u.name)) } }),
    },
  ];
}

function keysOf(w: World, name: string): { id: string }[] {
  return (w.auth.listKeys(name) as { keys: { id: string }[] }).keys;
}

/** A JSON merge patch on the fields a native user has; null removes a field. */
function patchUser(u: SandboxUser, body: Record<string, unknown>): void {
  const bad = (field: string, message: string) =>
    new SandboxError(400, 'root.invalid_data', message, [field]);
  if ('user_name' in body && body.user_name !== u.name)
    throw new SandboxError(400, 'user.restricted_field', 'The user name cannot be changed', [
      'user_name',
    ]);
  for (const field of ['full_name', 'email'] as const) {
    if (!(field in body)) continue;
    const v = body[field];
    if (v !== null && typeof v !== 'string') throw bad(field, `${field} must be a string`);
    if (field === 'email' && typeof v === 'string' && !/^[^\s@]+@[^\s@]+$/.test(v))
      throw bad(field, 'The email address is not valid');
    const value = v === null || v === '' ? undefined : v;
    if (field === 'full_name') u.fullName = value;
    else u.email = value;
  }
  const security = body.security;
  if (security === undefined || security === null) return;
  if (typeof security !== 'object' || Array.isArray(security))
    throw bad('security', 'security must be an object');
  const s = security as Record<string, unknown>;
  if ('roles' in s) {
    const roles = s.roles;
    if (
      !Array.isArray(roles) ||
      roles.length === 0 ||
      roles.some((r) => typeof r !== 'string' || !ROLES.includes(r))
    )
      throw new SandboxError(
        400,
        'user.roles.invalid',
        `Roles must be some of ${ROLES.join(', ')}`,
        ['security.roles'],
      );
    u.roles = roles as string[];
  }
  if ('password' in s && (typeof s.password !== 'string' || s.password.length < 8))
    throw bad('security.password', 'A password of at least 8 characters is required');
  if ('enabled' in s) {
    if (typeof s.enabled !== 'boolean')
      throw bad('security.enabled', 'enabled must be true or false');
    u.enabled = s.enabled;
  }
}
