// Where `ece login` keeps secrets: the OS keychain (macOS Keychain, Windows
// Credential Manager, the Secret Service on Linux) through @napi-rs/keyring,
// or — only when asked with --insecure-storage — a 0600 file. Nothing else in
// the CLI touches either.

import { join } from 'node:path';
import { ensurePrivateDir, readPrivateFile, withLock, writeFileAtomic } from '../config/files.js';
import { AuthError, CliError } from '../errors.js';

export const SERVICE = 'ece-cli';
export const KEYCHAIN_TIMEOUT_MS = 3_000;
export const CREDENTIALS_FILE = 'credentials.json';

export interface SecretStore {
  /** Where the secret lives, as `auth status` says it. */
  readonly where: string;
  get(account: string): Promise<string | undefined>;
  set(account: string, secret: string): Promise<void>;
  delete(account: string): Promise<boolean>;
}

/** The keychain could not be used: missing, locked, or too slow to answer. */
export class KeychainError extends AuthError {
  constructor(cause: string) {
    super(
      `the OS keychain is not available (${cause}); use ECE_API_KEY or ECE_TOKEN instead, or run 'ece login --insecure-storage' to keep the credential in a file only you can read`,
    );
  }
}

export class KeychainStore implements SecretStore {
  readonly where = 'keychain';
  constructor(
    private readonly service = SERVICE,
    private readonly timeoutMs = KEYCHAIN_TIMEOUT_MS,
  ) {}

  get(account: string): Promise<string | undefined> {
    return this.call(account, (e, signal) => e.getPassword(signal)).then((v) => v ?? undefined);
  }

  set(account: string, secret: string): Promise<void> {
    return this.call(account, (e, signal) => e.setPassword(secret, signal));
  }

  delete(account: string): Promise<boolean> {
    return this.call(account, (e, signal) => e.deletePassword(signal));
  }

  private async call<T>(
    account: string,
    op: (entry: import('@napi-rs/keyring').AsyncEntry, signal: AbortSignal) => Promise<T>,
  ): Promise<T> {
    let keyring: typeof import('@napi-rs/keyring');
    try {
      keyring = await import('@napi-rs/keyring');
    } catch (err) {
      throw new KeychainError(`the keyring module cannot load: ${(err as Error).message}`);
    }
    const signal = AbortSignal.timeout(this.timeoutMs);
    let timer: NodeJS.Timeout | undefined;
    try {
      // Pinned to the Secret Service: the kernel keyring would forget the
      // secret at reboot without saying so.
      const entry = new keyring.AsyncEntry(this.service, account, {
        linux: { store: 'secret-service' },
      });
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new KeychainError(`no answer in ${this.timeoutMs / 1000}s; is it locked?`)),
          this.timeoutMs,
        );
        timer.unref();
      });
      return await Promise.race([op(entry, signal), timeout]);
    } catch (err) {
      if (err instanceof KeychainError) throw err;
      throw new KeychainError(describe(err));
    } finally {
      clearTimeout(timer);
    }
  }
}

/** --insecure-storage: a JSON file of secrets by profile, mode 0600, written atomically. */
export class FileStore implements SecretStore {
  readonly where: string;
  constructor(private readonly dir: string) {
    this.where = join(dir, CREDENTIALS_FILE);
  }

  async get(account: string): Promise<string | undefined> {
    return this.read()[account];
  }

  async set(account: string, secret: string): Promise<void> {
    this.update((all) => {
      all[account] = secret;
      return true;
    });
  }

  async delete(account: string): Promise<boolean> {
    return this.update((all) => {
      if (!(account in all)) return false;
      delete all[account];
      return true;
    });
  }

  /** A read-modify-write under the file's lock, in a private directory (config/files.ts). */
  private update(change: (all: Record<string, string>) => boolean): boolean {
    ensurePrivateDir(this.dir);
    return withLock(this.where, () => {
      const all = this.read();
      if (!change(all)) return false;
      writeFileAtomic(this.where, `${JSON.stringify(all, null, 2)}\n`);
      return true;
    });
  }

  private read(): Record<string, string> {
    const text = readPrivateFile(this.where, this.dir, 'credentials file');
    if (text === undefined) return {};
    try {
      const data = JSON.parse(text) as unknown;
      if (typeof data === 'object' && data !== null && !Array.isArray(data))
        return data as Record<string, string>;
    } catch {
      // fall through
    }
    throw new CliError(`${this.where} is not valid; remove it and run 'ece login' again`);
  }
}

function describe(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  if (
    /DBUS_SESSION_BUS_ADDRESS|autolaunch|org\.freedesktop\.DBus|ServiceUnknown|dbus/i.test(message)
  ) {
    return 'no Secret Service is running on this machine';
  }
  if (/locked|dismissed|cancel/i.test(message)) return 'the keyring is locked';
  return message.split('\n')[0] ?? message;
}
