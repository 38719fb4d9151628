// The sandbox's enrollment tokens
// (/platform/configuration/security/enrollment-tokens): persistent tokens
// have an id and are listed until deleted; the others only expire (after
// validity_in_seconds, 1 hour by default) and are never listed, as in ECE.

import { randomBytes } from 'node:crypto';
import { SandboxError } from './errors.js';
import { hexId } from './ids.js';
import type { Route } from './world.js';

const ROLES = ['allocator', 'coordinator', 'director', 'proxy'];

interface Token {
  id: string;
  token: string;
  roles: string[];
}

const invalid = (message: string, fields: string[]) =>
  new SandboxError(400, 'enrollment_tokens.invalid_token_request', message, fields);

export function enrollmentRoutes(): Route[] {
  const tokens = new Map<string, Token>();
  const base = '/platform/configuration/security/enrollment-tokens';
  return [
    {
      method: 'GET',
      path: base,
      handle: () => ({
        body: { tokens: [...tokens.values()].map((t) => ({ token_id: t.id, roles: t.roles })) },
      }),
    },
    {
      method: 'POST',
      path: base,
      handle: (c) => {
        const { persistent, roles = [], validity_in_seconds: validity } = c.body;
        if (typeof persistent !== 'boolean')
          throw invalid('persistent is required', ['persistent']);
        if (!Array.isArray(roles) || roles.some((r) => typeof r !== 'string' || !ROLES.includes(r)))
          throw invalid(`Roles must be some of ${ROLES.join(', ')}`, ['roles']);
        if (validity !== undefined) {
          if (persistent)
            throw invalid('validity_in_seconds applies only to tokens that are not persistent', [
              'validity_in_seconds',
            ]);
          if (typeof validity !== 'number' || !Number.isInteger(validity) || validity < 1)
            throw invalid('validity_in_seconds must be a positive whole number', [
              'validity_in_seconds',
            ]);
        }
        // A signed token in ECE; here a random one of the same look.
        const token = `${randomBytes(24).toString('base64url')}.${randomBytes(48).toString('base64url')}`;
        if (!persistent) return { body: { token } };
        const id = hexId().slice(0, 16);
        tokens.set(id, { id, token, roles: roles as string[] });
        return { body: { token, token_id: id } };
      },
    },
    {
      method: 'DELETE',
      path: `${base}/{token}`,
      handle: (c) => {
        const arg = c.params.token ?? '';
        const found = [...tokens.values()].find((t) => t.id === arg || t.token === arg);
        if (!found)
          throw new SandboxError(
            404,
            'enrollment_tokens.invalid_token_id',
            `Token [${arg.length > 40 ? '…' : arg}] cannot be found`,
          );
        tokens.delete(found.id);
        return { body: {} };
      },
    },
  ];
}
