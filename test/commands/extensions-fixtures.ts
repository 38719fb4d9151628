// What the extensions tests share: one extension as ECE answers it, and a
// file to upload.

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../helpers/cli.js';

export const BASE = '/api/v1/deployments/extensions';
export const EXT = {
  id: '4226448541',
  name: 'synonyms',
  extension_type: 'bundle',
  version: '8.*',
  url: 'repo://4226448541',
};
export const LIST = { extensions: [EXT] };
export const dir = tempDir('ece-extensions-');
export const ZIP = join(dir, 'synonyms.zip');
// A zip's signature, then every byte value (to catch any re-encoding): not a
// whole zip, but the per-test servers only compare bytes.
export const BYTES = Buffer.concat([
  Buffer.from([0x50, 0x4b, 0x03, 0x04]),
  Buffer.from(Array.from({ length: 3000 }, (_x, i) => i % 256)),
]);
writeFileSync(ZIP, BYTES);
