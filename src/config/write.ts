// Changes to the profiles file, through conf (atomic writes, mode 0600).
// Loaded only by the commands that write: conf is heavy to import.

import { join } from 'node:path';
import { CliError, UsageError } from '../errors.js';
import { CONFIG_FILE, type ConfigData, DEFAULT_PROFILE, type Profile } from './store.js';

export const PROFILE_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;

export interface ConfigWriter {
  data(): ConfigData;
  update(change: (data: ConfigData) => void): void;
}

export async function openConfig(dir: string): Promise<ConfigWriter> {
  const { default: Conf } = await import('conf');
  const file = join(dir, CONFIG_FILE);
  let conf: InstanceType<typeof Conf<ConfigData>>;
  try {
    conf = new Conf<ConfigData>({
      cwd: dir,
      configName: 'config',
      accessPropertiesByDotNotation: false,
      clearInvalidConfig: false,
      configFileMode: 0o600,
      serialize: (v) => `${JSON.stringify(v, null, 2)}\n`,
    });
  } catch (err) {
    throw configError(err, file);
  }
  return {
    data: () => conf.store,
    update: (change) => {
      const data = structuredClone(conf.store);
      change(data);
      try {
        conf.store = data;
      } catch (err) {
        throw configError(err, file);
      }
    },
  };
}

function configError(err: unknown, file: string): CliError {
  const e = err as NodeJS.ErrnoException;
  if (e instanceof SyntaxError)
    return new UsageError(`config file ${file} is not valid JSON (${e.message}); fix or remove it`);
  if (e.code === 'EACCES' || e.code === 'EPERM' || e.code === 'EROFS' || e.code === 'ENOTDIR') {
    return new CliError(
      `cannot write config file ${file} (${e.code}); check the permissions of its directory or set ECE_CONFIG_DIR`,
    );
  }
  return new CliError(`cannot use config file ${file}: ${e.message}`);
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
