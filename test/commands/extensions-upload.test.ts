// `ece extensions upload` (the shared upload path of `stack upload` too):
// the multipart body byte for byte, the file checked before sending, one
// attempt once bytes left, progress on a terminal only, the dry run's curl -F
// (a 256 MiB upload streamed with bounded memory, in a child process:
// test/e2e/extensions-upload.test.ts).

import { writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, it } from 'node:test';
import assert from '../helpers/assert.js';
import { run } from '../helpers/cli.js';
import { registerSecret } from '../helpers/secrets.js';
import { json } from '../helpers/server.js';
import { BASE, BYTES, dir, EXT, LIST, ZIP } from './extensions-fixtures.js';
import { API_KEY, closeAll, curl, envFor, serve, ua } from './platform-admin-helpers.js';

/** The file part of a multipart body, and the form field it was sent under. */
function filePart(body: Buffer, contentType: string): { field?: string; bytes: Buffer } {
  const boundary = /boundary=(\S+)/.exec(contentType)?.[1] ?? '';
  const start = body.indexOf('\r\n\r\n') + 4;
  const end = body.lastIndexOf(`\r\n--${boundary}--`);
  const head = body.subarray(0, start).toString('latin1');
  return {
    ...(/name="([^"]+)"/.exec(head)?.[1] ? { field: /name="([^"]+)"/.exec(head)?.[1] } : {}),
    bytes: body.subarray(start, end),
  };
}

/** A server that keeps upload bodies as bytes (the shared one decodes them as UTF-8). */
async function uploadServer(answer: (n: number) => [number, unknown] | 'hang-up') {
  const got: { method: string; url: string; headers: Record<string, unknown>; body: Buffer }[] = [];
  const server = createServer(async (req, res) => {
    if (req.method === 'GET') return json(res, 200, LIST);
    const chunks: Buffer[] = [];
    let n = 0;
    const a = answer(got.length + 1);
    for await (const c of req) {
      chunks.push(c as Buffer);
      n += (c as Buffer).length;
      if (a === 'hang-up' && n > 100) {
        req.socket.destroy();
        break;
      }
    }
    got.push({
      method: req.method ?? '',
      url: req.url ?? '',
      headers: req.headers,
      body: Buffer.concat(chunks),
    });
    if (a !== 'hang-up') json(res, a[0], a[1]);
  });
  server.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    got,
    env: { ECE_HOST: url, ECE_API_KEY: API_KEY },
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

describe('extensions upload against a per-test server', () => {
  registerSecret(API_KEY);
  afterEach(closeAll);

  it('upload: one PUT, multipart/form-data with the file under "file", byte for byte', async () => {
    const s = await uploadServer(() => [200, { ...EXT, file_metadata: { size: 3000 } }]);
    try {
      const r = await run(['extensions', 'upload', 'synonyms', ZIP], { env: s.env });
      assert.deepEqual(
        [r.code, r.stdout, r.stderr],
        [0, '', 'Uploaded synonyms.zip (2.9 KiB) to synonyms (4226448541).\n'],
      );
      assert.equal(s.got.length, 1);
      const put = s.got[0];
      assert.equal(`${put?.method} ${put?.url}`, `PUT ${BASE}/4226448541`);
      const ct = String(put?.headers['content-type']);
      assert.match(ct, /^multipart\/form-data; boundary=ece-[0-9a-f]{24}$/);
      assert.equal(Number(put?.headers['content-length']), put?.body.length);
      const part = filePart(put?.body ?? Buffer.alloc(0), ct);
      assert.equal(part.field, 'file');
      assert.ok(part.bytes.equals(BYTES), 'the file arrives unchanged');
    } finally {
      await s.close();
    }
  });

  it('upload: a missing, unreadable or empty file is exit 2 and nothing is sent', async () => {
    const s = await serve({});
    const empty = join(dir, 'empty.zip');
    writeFileSync(empty, '');
    const cases: [string, string][] = [
      [join(dir, 'missing.zip'), `error: ${join(dir, 'missing.zip')}: no such file\n`],
      [dir, `error: ${dir} is not a file\n`],
      [empty, `error: ${empty} is empty\n`],
    ];
    for (const [file, stderr] of cases) {
      const r = await run(['extensions', 'upload', 'synonyms', file], { env: envFor(s) });
      assert.deepEqual([r.code, r.stdout, r.stderr], [2, '', stderr]);
    }
    assert.equal(s.requests.length, 0);
  });

  it('upload: never sent twice once bytes left — a dropped connection and a 503 are one attempt each', async () => {
    const dropped = await uploadServer(() => 'hang-up');
    try {
      const r = await run(['extensions', 'upload', 'synonyms', ZIP], { env: dropped.env });
      assert.equal(r.code, 6, r.stderr);
      assert.match(r.stderr, /^error: .*\n/);
      assert.equal(dropped.got.length, 1);
    } finally {
      await dropped.close();
    }
    const busy = await uploadServer(() => [
      503,
      { errors: [{ code: 'root.unavailable', message: 'busy' }] },
    ]);
    try {
      const r = await run(['extensions', 'upload', 'synonyms', ZIP], { env: busy.env });
      assert.equal(r.code, 1, r.stderr);
      assert.equal(busy.got.length, 1);
    } finally {
      await busy.close();
    }
  });

  it('upload progress: on a terminal one line redrawn and cleared; none piped or with --json', async () => {
    const s = await uploadServer(() => [200, EXT]);
    try {
      const tty = await run(['extensions', 'upload', 'synonyms', ZIP], {
        env: s.env,
        stderrTTY: true,
      });
      const line = (sent: string, pct: number) =>
        `\r\u001b[KUploading synonyms.zip: ${sent} of 2.9 KiB (${pct}%)`;
      assert.equal(
        tty.stderr,
        `${line('0 B', 0)}${line('2.9 KiB', 100)}\r\u001b[KUploaded synonyms.zip (2.9 KiB) to synonyms (4226448541).\n`,
      );
      const piped = await run(['extensions', 'upload', 'synonyms', ZIP], { env: s.env });
      assert.equal(piped.stderr, 'Uploaded synonyms.zip (2.9 KiB) to synonyms (4226448541).\n');
      const quiet = await run(['extensions', 'upload', 'synonyms', ZIP, '--json'], {
        env: s.env,
        stderrTTY: true,
      });
      assert.deepEqual(
        [quiet.stdout, quiet.stderr],
        [`${JSON.stringify(EXT)}\n`, 'Uploaded synonyms.zip (2.9 KiB) to synonyms (4226448541).\n'],
      );
      const q = await run(['extensions', 'upload', 'synonyms', ZIP, '-q'], {
        env: s.env,
        stderrTTY: true,
      });
      assert.equal(q.stderr, 'Uploaded synonyms.zip (2.9 KiB) to synonyms (4226448541).\n');
    } finally {
      await s.close();
    }
  });

  it('create --upload --dry-run: both writes as curl, the upload with -F', async () => {
    const s = await serve({});
    const r = await run(
      [
        'extensions',
        'create',
        '--name',
        'synonyms',
        '--type',
        'bundle',
        '--version',
        '8.*',
        '--upload',
        ZIP,
        '--dry-run',
      ],
      { env: envFor(s) },
    );
    assert.deepEqual(
      [r.code, ua(r.stdout), r.stderr],
      [
        0,
        curl('POST', `${s.url}${BASE}`, {
          name: 'synonyms',
          extension_type: 'bundle',
          version: '8.*',
        }) +
          `printf 'header = "Authorization: ApiKey %s"\\n' "$ECE_API_KEY" | curl -sS -g -K - -X PUT ${s.url}${BASE}/EXTENSION_ID -H 'Accept: application/json' -H 'User-Agent: UA' -F 'file=@"${ZIP}"'\n`,
        'dry run: EXTENSION_ID stands for the id the create answers with\n',
      ],
    );
    assert.equal(s.requests.length, 0);
  });
});
