// A 256 MiB extension upload streamed by the built binary with bounded
// memory: its peak resident memory, measured in a child process (the upload's
// other cases are in test/commands/extensions-upload.test.ts).

import { spawn } from 'node:child_process';
import { readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { dir, EXT, LIST } from '../commands/extensions-fixtures.js';
import { API_KEY } from '../commands/platform-admin-helpers.js';
import assert from '../helpers/assert.js';
import { json } from '../helpers/server.js';
import { trackChild } from '../helpers/temp.js';

describe('extension upload memory (a child process, a 256 MiB file)', () => {
  it('streams: the peak resident memory stays far below the file size', async () => {
    const big = join(dir, 'big.zip');
    writeFileSync(big, Buffer.from([0x50, 0x4b, 0x03, 0x04]));
    truncateSync(big, 256 * 1024 * 1024);
    let received = 0;
    const server = createServer(async (req, res) => {
      if (req.method === 'GET') return json(res, 200, LIST);
      for await (const c of req) received += (c as Buffer).length;
      json(res, 200, EXT);
    });
    server.listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const rssFile = join(dir, 'rss');
    const preload = join(dir, 'rss.cjs');
    writeFileSync(
      preload,
      `process.on('exit', () => require('fs').writeFileSync(${JSON.stringify(rssFile)}, String(process.resourceUsage().maxRSS)));`,
    );
    try {
      const code = await new Promise<number | null>((resolve) => {
        const child = spawn(
          process.execPath,
          [
            '--require',
            preload,
            new URL('../../bin/ece.js', import.meta.url).pathname,
            'extensions',
            'upload',
            'synonyms',
            big,
          ],
          {
            env: {
              PATH: process.env.PATH ?? '',
              ECE_HOST: url,
              ECE_API_KEY: API_KEY,
              ECE_CONFIG_DIR: dir,
            },
            stdio: 'ignore',
          },
        );
        trackChild(child);
        child.on('exit', resolve);
      });
      assert.equal(code, 0);
      assert.ok(received > 256 * 1024 * 1024, `the server got ${received} bytes`);
      const maxRssMiB = Number(readFileSync(rssFile, 'utf8')) / 1024;
      process.stderr.write(`# peak RSS ${maxRssMiB.toFixed(0)} MiB for a 256 MiB upload\n`);
      // Measured: ~90 MiB on Node 20, ~134 MiB on Node 24 (its start alone is
      // ~5 MiB more, and its streams buffer more). Holding the file would be
      // 256 MiB and more on top of Node's own ~40.
      assert.ok(maxRssMiB < 192, `peak RSS ${maxRssMiB.toFixed(0)} MiB for a 256 MiB upload`);
    } finally {
      await new Promise<void>((r) => server.close(() => r()));
      rmSync(big, { force: true });
    }
  });
});
