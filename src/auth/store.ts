// The stored credential of each profile: a JSON record in the keychain (or
// the --insecure-storage file), found through the profile's `credential`
// marker so that runs of profiles that never signed in touch no keychain.

import type { Profile } from '../config/store.js';
import { UsageError } from '../errors.js';
import type { CredentialStore, StoredCredential } from './credentials.js';
import { FileStore, KeychainStore, type SecretStore } from './keychain.js';

export type StoreKind = 'keychain' | 'file';

export class ProfileCredentials implements CredentialStore {
  private readonly stores: Record<StoreKind, SecretStore>;

  constructor(
    configDir: string,
    private readonly profiles: (name: string) => Profile | undefined,
    stores?: Partial<Record<StoreKind, SecretStore>>,
  ) {
    this.stores = {
      keychain: stores?.keychain ?? new KeychainStore(),
      file: stores?.file ?? new FileStore(configDir),
    };
  }

  where(profile: string): string | undefined {
    const kind = this.profiles(profile)?.credential;
    return kind ? this.stores[kind].where : undefined;
  }

  async get(profile: string): Promise<StoredCredential | undefined> {
    const kind = this.profiles(profile)?.credential;
    if (!kind) return undefined;
    const text = await this.stores[kind].get(profile);
    return text === undefined
      ? undefined
      : decode(text, kind === 'file' ? this.stores.file.where : 'the keychain');
  }

  /** Saves where the profile's marker says (a refreshed token goes back where it came from). */
  async save(profile: string, credential: StoredCredential): Promise<void> {
    const kind = this.profiles(profile)?.credential ?? 'keychain';
    await this.stores[kind].set(profile, encode(credential));
  }

  async saveTo(kind: StoreKind, profile: string, credential: StoredCredential): Promise<void> {
    await this.stores[kind].set(profile, encode(credential));
  }

  async remove(kind: StoreKind, profile: string): Promise<boolean> {
    return this.stores[kind].delete(profile);
  }

  store(kind: StoreKind): SecretStore {
    return this.stores[kind];
  }
}

export function encode(c: StoredCredential): string {
  return JSON.stringify({
    type: c.type,
    secret: c.secret,
    origin: c.origin,
    ...(c.expiresAt ? { expires_at: c.expiresAt } : {}),
    ...(c.user ? { user: c.user } : {}),
  });
}

export function decode(text: string, where: string): StoredCredential {
  try {
    const v = JSON.parse(text) as Record<string, unknown>;
    if (
      (v.type === 'apikey' || v.type === 'bearer') &&
      typeof v.secret === 'string' &&
      typeof v.origin === 'string'
    ) {
      return {
        type: v.type,
        secret: v.secret,
        origin: v.origin,
        expiresAt: typeof v.expires_at === 'string' ? v.expires_at : undefined,
        user: typeof v.user === 'string' ? v.user : undefined,
      };
    }
  } catch {
    // fall through
  }
  throw new UsageError(
    `the credential stored in ${where} is not one ece wrote; run 'ece logout' and 'ece login' again`,
  );
}
