// The settings a profile holds and how each value is checked when a command
// sets it (`ece config set`, `ece login`). Above config/ because the checks
// are the request layer's and the renderer's own (a host, an output format).

import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseHost } from '../api/host.js';
import { PROFILE_KEYS, type Profile, type ProfileKey } from '../config/store.js';
import { parseDuration } from '../duration.js';
import { UsageError } from '../errors.js';
import { FORMATS } from '../output/formats.js';

export function checkKey(key: string): ProfileKey {
  if ((PROFILE_KEYS as readonly string[]).includes(key)) return key as ProfileKey;
  throw new UsageError(`unknown setting "${key}" (valid: ${PROFILE_KEYS.join(', ')})`);
}

/** Validates a value as typed by the user and returns what is stored. */
export function parseValue(key: ProfileKey, value: string): Profile[ProfileKey] {
  switch (key) {
    case 'host':
      parseHost(value);
      return value.trim();
    case 'ca-cert': {
      const path = resolve(value);
      if (!existsSync(path)) throw new UsageError(`ca-cert: no such file ${path}`);
      return path;
    }
    case 'insecure':
      if (/^(true|yes|1|on)$/i.test(value)) return true;
      if (/^(false|no|0|off)$/i.test(value)) return false;
      throw new UsageError(`invalid insecure "${value}": use true or false`);
    case 'output':
      if (!(FORMATS as readonly string[]).includes(value)) {
        throw new UsageError(`invalid output "${value}" (valid: ${FORMATS.join(', ')})`);
      }
      return value;
    case 'timeout':
      if (parseDuration(value, 'timeout') <= 0) throw new UsageError('timeout must be more than 0');
      return value;
  }
}
