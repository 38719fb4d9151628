// Sign-in for the sandbox: username/password login issuing HS256 JWTs that
// really expire, refresh and logout, API keys created and revoked at run
// time, and the check every other endpoint runs first.

import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { SandboxError } from './errors.js';
import { hexId, iso } from './ids.js';

export interface Principal {
  user: string;
  method: 'apikey' | 'bearer' | 'basic';
  jti?: string;
  exp?: number;
}

interface ApiKey {
  id: string;
  key: string;
  description: string;
  created: number;
  expires?: number | undefined;
  user: string;
}

export interface AuthOptions {
  user: string;
  password: string;
  tokenTtlMs: number;
  now: () => number;
}

/** ECE's built-in users, for which it creates no API keys. */
export const BUILT_IN = ['admin', 'readonly'];

const unauthenticated = (message = 'The supplied authentication is invalid') =>
  new SandboxError(401, 'root.unauthenticated', message);

export class SandboxAuth {
  private readonly secret = randomBytes(32);
  private readonly keys = new Map<string, ApiKey>();
  private readonly revoked = new Set<string>();

  constructor(readonly opts: AuthOptions) {}

  login(body: Record<string, unknown>): Record<string, unknown> {
    if (typeof body.username !== 'string' || typeof body.password !== 'string') {
      throw new SandboxError(400, 'root.invalid_data', 'username and password are required', [
        'username',
        'password',
      ]);
    }
    if (body.username !== this.opts.user || !same(body.password, this.opts.password))
      throw unauthenticated();
    return this.issue(body.username);
  }

  refresh(p: Principal): Record<string, unknown> {
    if (p.method !== 'bearer') {
      throw new SandboxError(400, 'root.invalid_data', 'Only a bearer token can be refreshed');
    }
    return this.issue(p.user);
  }

  logout(p: Principal): Record<string, unknown> {
    if (p.jti) this.revoked.add(p.jti);
    return {};
  }

  authenticate(header: string | undefined): Principal {
    if (!header) throw unauthenticated('Authentication is required');
    const [scheme, value = ''] = header.split(/\s+/, 2);
    switch (scheme?.toLowerCase()) {
      case 'apikey': {
        const key = [...this.keys.values()].find((k) => same(k.key, value));
        if (!key) throw unauthenticated();
        if (key.expires !== undefined && key.expires <= this.opts.now())
          throw unauthenticated('The API key has expired');
        return { user: key.user, method: 'apikey' };
      }
      case 'bearer':
        return this.verify(value);
      case 'basic': {
        const [user, ...rest] = Buffer.from(value, 'base64').toString('utf8').split(':');
        if (user !== this.opts.user || !same(rest.join(':'), this.opts.password))
          throw unauthenticated();
        return { user, method: 'basic' };
      }
      default:
        throw unauthenticated();
    }
  }

  info(p: Principal): Record<string, unknown> {
    return {
      has_elevated_permissions: false,
      refresh_token_url: '/api/v1/users/auth/_refresh',
      ...(p.exp !== undefined ? { expires_at: iso(p.exp * 1000) } : {}),
    };
  }

  createKey(user: string, body: Record<string, unknown>): Record<string, unknown> {
    if (BUILT_IN.includes(user)) {
      // Real ECE refuses API keys for its built-in users.
      throw new SandboxError(
        400,
        'api_keys.invalid_input',
        `API keys cannot be created for the built-in user [${user}]: sign in as a platform user you created`,
      );
    }
    if (typeof body.description !== 'string' || body.description.trim() === '') {
      throw new SandboxError(400, 'api_keys.invalid_input', 'A description is required', [
        'description',
      ]);
    }
    let expires: number | undefined;
    if (body.expiration !== undefined) {
      const ms = typeof body.expiration === 'string' ? parseExpiration(body.expiration) : undefined;
      if (ms === undefined) {
        throw new SandboxError(
          400,
          'api_keys.invalid_input',
          `Invalid expiration [${String(body.expiration)}]`,
          ['expiration'],
        );
      }
      expires = this.opts.now() + ms;
    }
    const key = this.addKey(user, body.description, expires);
    return { ...keyBody(key), key: key.key };
  }

  /** A key made at start, printed for the user (a test's fixture may choose its id). */
  addKey(user: string, description: string, expires?: number, id = hexId().slice(0, 20)): ApiKey {
    const key: ApiKey = {
      id,
      key: Buffer.from(`${id}:${randomBytes(24).toString('base64url')}`).toString('base64'),
      description,
      created: this.opts.now(),
      expires,
      user,
    };
    this.keys.set(id, key);
    return key;
  }

  listKeys(user: string): Record<string, unknown> {
    return { keys: [...this.keys.values()].filter((k) => k.user === user).map(keyBody) };
  }

  getKey(user: string, id: string): Record<string, unknown> {
    const k = this.keys.get(id);
    if (!k || k.user !== user)
      throw new SandboxError(404, 'api_keys.key_not_found', `API key [${id}] cannot be found`);
    return keyBody(k);
  }

  deleteKey(user: string, id: string): Record<string, unknown> {
    this.getKey(user, id);
    this.keys.delete(id);
    return {};
  }

  private issue(user: string): Record<string, unknown> {
    const now = this.opts.now();
    const exp = Math.floor((now + this.opts.tokenTtlMs) / 1000);
    const payload = { sub: user, iat: Math.floor(now / 1000), exp, jti: hexId() };
    const head = b64({ alg: 'HS256', typ: 'JWT' });
    const body = b64(payload);
    const token = `${head}.${body}.${this.sign(`${head}.${body}`)}`;
    return { token, session_expiration_time: iso(exp * 1000) };
  }

  private verify(token: string): Principal {
    const [head, body, sig] = token.split('.');
    if (!head || !body || !sig || !same(sig, this.sign(`${head}.${body}`))) throw unauthenticated();
    let payload: { sub?: unknown; exp?: unknown; jti?: unknown };
    try {
      payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
    } catch {
      throw unauthenticated();
    }
    if (
      typeof payload.sub !== 'string' ||
      typeof payload.exp !== 'number' ||
      typeof payload.jti !== 'string'
    ) {
      throw unauthenticated();
    }
    if (payload.exp * 1000 <= this.opts.now())
      throw unauthenticated('The authentication token has expired');
    if (this.revoked.has(payload.jti)) throw unauthenticated('The session has been logged out');
    return { user: payload.sub, method: 'bearer', jti: payload.jti, exp: payload.exp };
  }

  private sign(data: string): string {
    return createHmac('sha256', this.secret).update(data).digest('base64url');
  }
}

function keyBody(k: ApiKey): Record<string, unknown> {
  return {
    id: k.id,
    user_id: k.user,
    description: k.description,
    creation_date: iso(k.created),
    ...(k.expires !== undefined ? { expiration_date: iso(k.expires) } : {}),
  };
}

function b64(v: unknown): string {
  return Buffer.from(JSON.stringify(v)).toString('base64url');
}

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** ECE's key expirations: `30d`, `3h`, `90m`, `45s`. */
export function parseExpiration(s: string): number | undefined {
  const m = /^(\d+)([smhd])$/.exec(s.trim());
  if (!m) return undefined;
  const unit = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }[m[2] as 's' | 'm' | 'h' | 'd'];
  return Number(m[1]) * unit;
}
