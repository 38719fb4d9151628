// Reads the profiles file. Reading is on the path of every API command, so it
// is a plain JSON read here, after the same owner and mode checks as writes
// (files.ts); writing (locked, atomic) is write.ts, loaded by the commands
// that write.

import { join } from 'node:path';
import { UsageError } from '../errors.js';
import { readPrivateFile } from './files.js';

export const PROFILE_KEYS = ['host', 'ca-cert', 'insecure', 'output', 'timeout'] as const;
export type ProfileKey = (typeof PROFILE_KEYS)[number];

export interface Profile {
  host?: string;
  'ca-cert'?: string;
  insecure?: boolean;
  output?: string;
  timeout?: string;
  /** Where `ece login` put this profile's secret; absent when signed out. */
  credential?: 'keychain' | 'file';
  /** ECE versions read from GET /platform, by origin, for a day (see config/platform.ts). */
  platform?: Record<string, { version: string; read_at: string }>;
}

export interface ConfigData {
  current_profile?: string;
  profiles?: Record<string, Profile>;
}

export const DEFAULT_PROFILE = 'default';
export const CONFIG_FILE = 'config.json';

type Env = Record<string, string | undefined>;

/** `ECE_CONFIG_DIR`, else the platform's per-user config directory + `/ece`. */
export function configDir(env: Env, platform: NodeJS.Platform = process.platform): string {
  if (env.ECE_CONFIG_DIR) return env.ECE_CONFIG_DIR;
  // node:os only when HOME does not say it (it costs a millisecond or two at start).
  const home = env.HOME || process.getBuiltinModule('node:os').homedir();
  if (platform === 'win32') return join(env.APPDATA || join(home, 'AppData', 'Roaming'), 'ece');
  if (platform === 'darwin') return join(home, 'Library', 'Preferences', 'ece');
  return join(env.XDG_CONFIG_HOME || join(home, '.config'), 'ece');
}

/** The parsed config file; an absent file is an empty config, a corrupt one an error. */
export function readConfig(dir: string): ConfigData {
  const file = join(dir, CONFIG_FILE);
  // The file system's faults (and a directory or file others can write) are exit 1.
  const text = readPrivateFile(file, dir, 'config file');
  if (text === undefined || text.trim() === '') return {};
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new UsageError(
      `config file ${file} is not valid JSON (${(err as Error).message}); fix or remove it`,
    );
  }
  if (!isObject(data) || (data.profiles !== undefined && !isObject(data.profiles))) {
    throw new UsageError(`config file ${file} is not an ece config; fix or remove it`);
  }
  return data as ConfigData;
}

/** Picks the active profile: `--profile` > `ECE_PROFILE` > current_profile > default. */
export function selectProfile(
  config: ConfigData,
  explicit: string | undefined,
  allowMissing = false,
): { name: string; profile: Profile } {
  const name = explicit || config.current_profile || DEFAULT_PROFILE;
  const profile = config.profiles?.[name];
  if (profile === undefined && explicit && explicit !== DEFAULT_PROFILE && !allowMissing) {
    const known = Object.keys(config.profiles ?? {});
    throw new UsageError(
      `profile "${explicit}" does not exist${known.length ? ` (profiles: ${known.join(', ')})` : ''}`,
    );
  }
  return { name, profile: isObject(profile) ? profile : {} };
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
