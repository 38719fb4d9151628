// The ECE version of a host, read once from GET /platform and remembered in
// the profile's (non-secret) config for a day, keyed by origin, so that
// version checks cost no request on most runs. A profile that is not in the
// config file (env-only use, as in CI) remembers nothing: the version is then
// read when a command needs it.

import { readConfig } from './store.js';

export const VERSION_TTL_MS = 24 * 60 * 60 * 1000;

export interface VersionSource {
  dir: string;
  profile: string;
  origin: string;
  /** GET /platform; undefined when it cannot be read. */
  load: () => Promise<string | undefined>;
  now?: number;
}

/** The remembered version if fresh, else read (and remembered). Never throws for the cache. */
export async function platformVersion(o: VersionSource): Promise<string | undefined> {
  const now = o.now ?? Date.now();
  const cached = remembered(o.dir, o.profile, o.origin, now);
  if (cached) return cached;
  const version = await o.load();
  if (version) await remember(o, version, now);
  return version;
}

/** The fresh remembered version, without any request. */
export function remembered(
  dir: string,
  profile: string,
  origin: string,
  now = Date.now(),
): string | undefined {
  let entry: { version: string; read_at: string } | undefined;
  try {
    entry = readConfig(dir).profiles?.[profile]?.platform?.[origin];
  } catch {
    return undefined;
  }
  if (!entry || typeof entry.version !== 'string') return undefined;
  const at = Date.parse(entry.read_at);
  return Number.isFinite(at) && now - at >= 0 && now - at < VERSION_TTL_MS
    ? entry.version
    : undefined;
}

async function remember(o: VersionSource, version: string, now: number): Promise<void> {
  try {
    if (readConfig(o.dir).profiles?.[o.profile] === undefined) return;
    const { openConfig } = await import('./write.js');
    const config = await openConfig(o.dir);
    config.update((data) => {
      const profile = data.profiles?.[o.profile];
      if (!profile) return;
      profile.platform = {
        ...profile.platform,
        [o.origin]: { version, read_at: new Date(now).toISOString() },
      };
    });
  } catch {
    // A read-only config directory costs a request next time, nothing more.
  }
}
