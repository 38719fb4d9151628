// Changes to the profiles file: each one a locked read-modify-write (so
// parallel runs never lose each other's changes) through an atomic 0600
// write in a private directory (see files.ts). Loaded only by the commands
// that write.

import { join } from 'node:path';
import { UsageError } from '../errors.js';
import { ensurePrivateDir, withLock, writeFileAtomic } from './files.js';
import {
  CONFIG_FILE,
  type ConfigData,
  DEFAULT_PROFILE,
  type Profile,
  readConfig,
} from './store.js';

export const PROFILE_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;

export interface ConfigWriter {
  /** The config as it is on disk now. */
  data(): ConfigData;
  /** Applies `change` to the config as it is on disk, under the lock, and saves it. */
  update(change: (data: ConfigData) => void): void;
}

export async function openConfig(dir: string): Promise<ConfigWriter> {
  const file = join(dir, CONFIG_FILE);
  return {
    data: () => readConfig(dir),
    update: (change) => {
      ensurePrivateDir(dir);
      withLock(file, () => {
        const data = readConfig(dir);
        change(data);
        writeFileAtomic(file, `${JSON.stringify(data, null, 2)}\n`);
      });
    },
  };
}

export function checkProfileName(name: string): string {
  if (!PROFILE_NAME.test(name)) {
    throw new UsageError(
      `invalid profile name "${name}": use letters, digits, ".", "_" and "-" (at most 64)`,
    );
  }
  return name;
}

/** The profile a write goes to: --profile / ECE_PROFILE, else the current one. */
export function targetProfile(data: ConfigData, explicit: string | undefined): string {
  return checkProfileName(explicit || data.current_profile || DEFAULT_PROFILE);
}

export function profileOf(data: ConfigData, name: string): Profile {
  data.profiles ??= {};
  data.profiles[name] ??= {};
  return data.profiles[name] as Profile;
}
