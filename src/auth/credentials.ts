// Where the credential for a run comes from: flags, then environment, then
// the store that `ece login` writes (the OS keychain). Stored credentials are
// bound to the origin they were saved for.

import type { Credential, CredentialType } from '../api/credential.js';
import { AuthError, UsageError } from '../errors.js';

// The type lives with the request layer (arrows point down); callers keep importing it here.
export type { Credential, CredentialType } from '../api/credential.js';

export interface StoredCredential {
  type: CredentialType;
  secret: string;
  origin: string;
  /** ISO time a bearer token expires. */
  expiresAt?: string | undefined;
  /** Who signed in, when known. */
  user?: string | undefined;
}

/** `ece login`'s storage, per profile: the keychain, or a 0600 file when asked. */
export interface CredentialStore {
  get(profile: string): Promise<StoredCredential | undefined>;
  /** Where a profile's credential lives (`keychain`, a file path), if anywhere. */
  where?(profile: string): string | undefined;
  save?(profile: string, credential: StoredCredential): Promise<void>;
}

export interface CredentialInput {
  apiKey?: string | undefined;
  token?: string | undefined;
  env: Record<string, string | undefined>;
  profile: string;
  store: CredentialStore;
}

export async function resolveCredential(input: CredentialInput): Promise<Credential | undefined> {
  const { apiKey, token, env } = input;
  if (apiKey !== undefined && token !== undefined) {
    throw new UsageError('--api-key and --token cannot be used together');
  }
  if (apiKey !== undefined)
    return { type: 'apikey', secret: nonEmpty(apiKey, '--api-key'), source: '--api-key' };
  if (token !== undefined)
    return { type: 'bearer', secret: nonEmpty(token, '--token'), source: '--token' };
  const envKey = env.ECE_API_KEY || undefined;
  const envToken = env.ECE_TOKEN || undefined;
  if (envKey && envToken) {
    throw new UsageError('both ECE_API_KEY and ECE_TOKEN are set; unset one of them');
  }
  if (envKey) return { type: 'apikey', secret: envKey.trim(), source: 'ECE_API_KEY' };
  if (envToken) return { type: 'bearer', secret: envToken.trim(), source: 'ECE_TOKEN' };
  const stored = await input.store.get(input.profile);
  if (stored) {
    return {
      type: stored.type,
      secret: stored.secret,
      source: input.store.where?.(input.profile) ?? 'keychain',
      origin: stored.origin,
      expiresAt: stored.expiresAt,
    };
  }
  return undefined;
}

/** A stored credential never leaves for another origin (DESIGN.md). */
export function checkOrigin(credential: Credential, origin: string, profile: string): void {
  if (credential.origin !== undefined && credential.origin !== origin) {
    throw new AuthError(
      `the credential stored for profile "${profile}" belongs to ${credential.origin} and is not sent to ${origin}; run 'ece login --host ${origin}' or pass ECE_API_KEY`,
    );
  }
}

export const missingCredentialMessage =
  'no credentials: sign in with `ece login`, or set ECE_API_KEY (or ECE_TOKEN)';

function nonEmpty(value: string, flag: string): string {
  const v = value.trim();
  if (v === '') throw new UsageError(`${flag} is empty`);
  return v;
}
