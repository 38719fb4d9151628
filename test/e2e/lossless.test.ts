// Bytes as received: --json writes invalid UTF-8 as ECE sent it, with one
// final newline, through the built binary's real stdout (the in-process
// lossless cases are in test/output/lossless.test.ts).

import { spawn } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import assert from '../helpers/assert.js';
import { BIN, baseEnv } from '../helpers/e2e.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { trackChild } from '../helpers/temp.js';

const raw = Buffer.concat([
  Buffer.from('{"name":"'),
  Buffer.from([0xff, 0xfe, 0xc3]),
  Buffer.from('"}'),
]);

describe('--json against a server (real binary, piped)', () => {
  let server: TestServer;
  before(async () => {
    server = await startServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(raw);
    });
  });
  after(() => server.close());
  const env = () => ({ ECE_HOST: server.url, ECE_API_KEY: 'lossless-test-key' });

  it('--json writes invalid UTF-8 as received, with one final newline (real binary, piped)', async () => {
    for (const argv of [
      ['api', '/platform', '--json'],
      ['api', '/platform'],
    ]) {
      const out = await binary(argv, env());
      assert.equal(out.code, 0);
      assert.deepEqual(out.stdout, Buffer.concat([raw, Buffer.from('\n')]), argv.join(' '));
    }
  });
});

/** The built binary with stdout kept as bytes. */
function binary(
  argv: string[],
  env: Record<string, string>,
): Promise<{ code: number | null; stdout: Buffer }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...argv], {
      env: { ...baseEnv(), ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    trackChild(child);
    const chunks: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => chunks.push(c));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout: Buffer.concat(chunks) }));
  });
}
