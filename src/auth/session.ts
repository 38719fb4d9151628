// Bearer sessions stored by `ece login`: renewed with _refresh shortly before
// they expire (and once after a 401), saved back where they came from. An
// expired or rejected session is exit 4 with the way out: `ece login`.

import { parseBody } from '../api/body.js';
import type { SessionHooks, SessionRequester } from '../api/client.js';
import { ApiError, AuthError, ResponseError } from '../errors.js';
import type { Credential, CredentialStore } from './credentials.js';

/** Renew a token when it has less than this left. */
export const REFRESH_WINDOW_MS = 2 * 60_000;

export const sessionExpired = (why = 'session expired') =>
  new AuthError(`${why} — run \`ece login\` to sign in again`);

export function bearerSession(opts: {
  profile: string;
  store: CredentialStore;
  now?: () => number;
  warn: (message: string) => void;
}): SessionHooks {
  const now = opts.now ?? Date.now;
  const stored = (c: Credential) => c.type === 'bearer' && c.origin !== undefined;

  const renew = async (api: SessionRequester, c: Credential): Promise<Credential> => {
    const { token, expiresAt } = await refreshToken(api, c);
    const renewed: Credential = { ...c, secret: token, expiresAt };
    try {
      await opts.store.save?.(opts.profile, {
        type: 'bearer',
        secret: token,
        origin: c.origin ?? '',
        expiresAt,
      });
    } catch (err) {
      opts.warn(
        `the renewed session could not be saved (${(err as Error).message}); the next run may ask you to sign in`,
      );
    }
    return renewed;
  };

  return {
    async before(client, c) {
      if (!stored(c)) return c;
      const expires = expiryOf(c);
      if (expires === undefined) return c;
      if (expires <= now()) throw sessionExpired();
      if (expires - now() > REFRESH_WINDOW_MS) return c;
      try {
        return await renew(client, c);
      } catch (err) {
        if (err instanceof ApiError && (err.status === 401 || err.status === 403)) {
          throw sessionExpired('the session was rejected');
        }
        throw err;
      }
    },
    async unauthorized(client, c) {
      if (!stored(c)) return undefined;
      const expires = expiryOf(c);
      if (expires !== undefined && expires <= now()) throw sessionExpired();
      try {
        return await renew(client, c);
      } catch (err) {
        if (err instanceof ApiError) throw sessionExpired('the session was rejected');
        throw err;
      }
    },
  };
}

/** When a bearer credential expires: the stored time, else the JWT's exp. */
export function expiryOf(c: Credential): number | undefined {
  if (c.expiresAt) {
    const t = Date.parse(c.expiresAt);
    if (!Number.isNaN(t)) return t;
  }
  return jwtExpiry(c.secret);
}

export function jwtExpiry(token: string): number | undefined {
  const part = token.split('.')[1];
  if (!part) return undefined;
  try {
    const payload = JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as {
      exp?: unknown;
    };
    return typeof payload.exp === 'number' ? payload.exp * 1000 : undefined;
  } catch {
    return undefined;
  }
}

/** POST /users/auth/_refresh with the given token: the new token and when it expires. */
export async function refreshToken(
  api: SessionRequester,
  c: Credential,
): Promise<{ token: string; expiresAt: string | undefined }> {
  const res = await api.request({ method: 'POST', path: '/users/auth/_refresh', credential: c });
  const body = parseBody<{ token?: unknown; session_expiration_time?: unknown }>(res);
  if (typeof body.token !== 'string')
    throw new ResponseError('unexpected response from ECE: _refresh returned no token');
  api.addSecret(body.token);
  return {
    token: body.token,
    expiresAt:
      typeof body.session_expiration_time === 'string' ? body.session_expiration_time : undefined,
  };
}
