// `ece extensions list|show|create|upload|update|delete`: exact requests,
// output and exit codes against per-test servers (the upload's multipart body
// byte for byte, its progress on a terminal, no second attempt once bytes
// left, a missing file refused before sending), then the life of an extension
// against the sandbox, with a delete refused while a deployment uses it.

import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { after, afterEach, before, describe, it } from 'node:test';
import assert from '../helpers/assert.js';
import { run, tempDir } from '../helpers/cli.js';
import { type TestSandbox, testSandbox } from '../helpers/sandbox.js';
import { registerSecret } from '../helpers/secrets.js';
import { eceError, json } from '../helpers/server.js';
import { API_KEY, closeAll, curl, envFor, serve, ua } from './platform-admin-helpers.js';

const BASE = '/api/v1/deployments/extensions';
const EXT = {
  id: '4226448541',
  name: 'synonyms',
  extension_type: 'bundle',
  version: '8.*',
  url: 'repo://4226448541',
};
const LIST = { extensions: [EXT] };
const dir = tempDir('ece-extensions-');
const ZIP = join(dir, 'synonyms.zip');
// Not a real zip: the per-test servers only compare bytes. Every byte value, to catch any re-encoding.
const BYTES = Buffer.from(Array.from({ length: 3000 }, (_x, i) => i % 256));
writeFileSync(ZIP, BYTES);

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

describe('extensions against a per-test server', () => {
  registerSecret(API_KEY);
  afterEach(closeAll);

  it('list: a row per extension; --json the body as sent; show by name with its deployments', async () => {
    const body = JSON.stringify(LIST);
    const s = await serve(
      {
        'GET /deployments/extensions': [200, body],
        'GET /deployments/extensions/4226448541': [
          200,
          { ...EXT, deployments: ['d1'], file_metadata: { size: 3000 } },
        ],
      },
      [{ method: 'GET', path: `${BASE}/4226448541?include_deployments=true` }],
    );
    const r = await run(['extensions', 'list'], { env: envFor(s) });
    assert.deepEqual(
      [r.code, r.stdout, r.stderr],
      [0, '4226448541\tsynonyms\tbundle\t8.*\tno\n', ''],
    );
    const j = await run(['extensions', 'ls', '--json'], { env: envFor(s) });
    assert.equal(j.stdout, `${body}\n`);
    const sh = await run(['extensions', 'show', 'synonyms'], { env: envFor(s) });
    assert.deepEqual(
      [sh.code, sh.stdout],
      [
        0,
        'id\t4226448541\nname\tsynonyms\ntype\tbundle\nversion\t8.*\nurl\trepo://4226448541\ndescription\t-\ndownload_url\t-\nfile_size\t3000\nfile_modified\t-\ndeployments\td1\n',
      ],
    );
    const none = await run(['extensions', 'show', 'nope'], { env: envFor(s) });
    assert.deepEqual(
      [none.code, none.stderr],
      [3, 'error: no extension has the id or name "nope"\n'],
    );
  });

  it('create: the exact body, the id on stdout; bad flags are exit 2 before sending', async () => {
    const s = await serve({ 'POST /deployments/extensions': [201, EXT] }, [
      {
        method: 'POST',
        path: BASE,
        body: { name: 'synonyms', extension_type: 'bundle', version: '8.*', description: 'sets' },
      },
    ]);
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
        '--description',
        'sets',
      ],
      { env: envFor(s) },
    );
    assert.deepEqual(
      [r.code, r.stdout, r.stderr],
      [0, '4226448541\n', 'Created bundle synonyms (4226448541).\n'],
    );
    const cases: [string[], string][] = [
      [['--type', 'bundle', '--version', '8.*'], 'error: give the extension a --name\n'],
      [
        ['--name', 'a b', '--type', 'bundle', '--version', '8'],
        'error: invalid --name "a b": use ASCII letters, digits and _ . - only\n',
      ],
      [
        ['--name', 'x', '--type', 'theme', '--version', '8'],
        'error: invalid --type "theme": use bundle or plugin\n',
      ],
      [
        ['--name', 'x', '--type', 'plugin'],
        'error: give the Elasticsearch --version it is for, e.g. 8.15.1 or 8.*\n',
      ],
      [
        ['--name', 'x', '--type', 'plugin', '--version', '8', '--upload', join(dir, 'missing.zip')],
        `error: ${join(dir, 'missing.zip')}: no such file\n`,
      ],
    ];
    for (const [args, stderr] of cases) {
      const bad = await run(['extensions', 'create', ...args], { env: envFor(s) });
      assert.deepEqual([bad.code, bad.stdout, bad.stderr], [2, '', stderr], args.join(' '));
    }
    assert.equal(s.requests.length, 1);
  });

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

  it('update lays the flags over the current fields; delete asks, --yes deletes, 409 is exit 5', async () => {
    const s = await serve(
      {
        'GET /deployments/extensions': [200, LIST],
        'POST /deployments/extensions/4226448541': [200, { ...EXT, version: '8.15.1' }],
        'DELETE /deployments/extensions/4226448541': (_q, res) =>
          eceError(
            res,
            409,
            'extensions.extension_in_use',
            'The extension is in use by deployments [d1]',
          ),
      },
      [
        {
          method: 'POST',
          path: `${BASE}/4226448541`,
          body: { name: 'synonyms', extension_type: 'bundle', version: '8.15.1' },
        },
      ],
    );
    const u = await run(['extensions', 'update', 'synonyms', '--version', '8.15.1'], {
      env: envFor(s),
    });
    assert.deepEqual(
      [u.code, u.stdout, u.stderr],
      [0, '', 'Updated extension synonyms (4226448541).\n'],
    );
    const nothing = await run(['extensions', 'update', 'synonyms'], { env: envFor(s) });
    assert.equal(nothing.code, 2);
    const noTty = await run(['extensions', 'delete', 'synonyms'], { env: envFor(s) });
    assert.deepEqual(
      [noTty.code, noTty.stderr],
      [2, 'error: this needs confirmation: pass --yes to run it without a terminal\n'],
    );
    const dry = await run(['extensions', 'delete', 'synonyms', '--dry-run'], { env: envFor(s) });
    assert.deepEqual([dry.code, ua(dry.stdout)], [0, curl('DELETE', `${s.url}${BASE}/4226448541`)]);
    const refused = await run(['extensions', 'delete', 'synonyms', '--yes'], { env: envFor(s) });
    assert.deepEqual(
      [refused.code, refused.stderr],
      [5, 'error: The extension is in use by deployments [d1] (extensions.extension_in_use)\n'],
    );
    assert.equal(s.requests.filter((q) => q.method === 'DELETE').length, 1);
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
          `curl -sS -X PUT ${s.url}${BASE}/EXTENSION_ID -H 'Accept: application/json' -H 'User-Agent: UA' -H "Authorization: ApiKey $ECE_API_KEY" -F file=@${ZIP}\n`,
        'dry run: EXTENSION_ID stands for the id the create answers with\n',
      ],
    );
    assert.equal(s.requests.length, 0);
  });
});

describe('extension upload memory (a child process, a 256 MiB file)', () => {
  it('streams: the peak resident memory stays far below the file size', async () => {
    const big = join(dir, 'big.zip');
    const { truncateSync, openSync, closeSync, readFileSync } = await import('node:fs');
    closeSync(openSync(big, 'w'));
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
        child.on('exit', resolve);
      });
      assert.equal(code, 0);
      assert.ok(received > 256 * 1024 * 1024, `the server got ${received} bytes`);
      const maxRssMiB = Number(readFileSync(rssFile, 'utf8')) / 1024;
      process.stderr.write(`# peak RSS ${maxRssMiB.toFixed(0)} MiB for a 256 MiB upload\n`);
      assert.ok(maxRssMiB < 128, `peak RSS ${maxRssMiB.toFixed(0)} MiB for a 256 MiB upload`);
    } finally {
      await new Promise<void>((r) => server.close(() => r()));
    }
  });
});

describe('extensions against the sandbox', () => {
  let t: TestSandbox;
  let env: Record<string, string>;
  before(async () => {
    t = await testSandbox({ deployments: 1 });
    registerSecret(t.sb.apiKey);
    env = { ECE_HOST: t.sb.url, ECE_API_KEY: t.sb.apiKey };
  });
  after(() => t.close());

  it('create --upload, list, show, update; delete refused while a deployment uses it, then allowed', async () => {
    const zip = join(dir, 'real.zip');
    // A real (empty-bodied) zip: local file header signature, then the end record.
    writeFileSync(
      zip,
      Buffer.concat([
        Buffer.from([0x50, 0x4b, 0x03, 0x04]),
        Buffer.alloc(26),
        Buffer.from([0x50, 0x4b, 0x05, 0x06]),
        Buffer.alloc(18),
      ]),
    );
    const c = await run(
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
        zip,
      ],
      { env },
    );
    assert.equal(c.code, 0, c.stderr);
    const id = c.stdout.trim();
    assert.match(id, /^\d+$/);
    const l = await run(['extensions', 'list'], { env });
    assert.equal(l.stdout, `${id}\tsynonyms\tbundle\t8.*\tyes\n`);
    const u = await run(['extensions', 'update', 'synonyms', '--description', 'synonym sets'], {
      env,
    });
    assert.equal(u.code, 0, u.stderr);
    const notZip = await run(['extensions', 'upload', id, ZIP], { env });
    assert.deepEqual(
      [notZip.code, notZip.stderr],
      [
        5,
        'error: Could not accept the extensions file: it is not a zip archive (extensions.request_execution_failed)\n',
      ],
    );
    // A deployment's plan takes the bundle (through ece api: the update payload, bundle added).
    const dep = (await run(['deployments', 'list', '--json'], { env })).stdout;
    const depId = (
      JSON.parse(dep) as { deployments: { id: string; name: string }[] }
    ).deployments.find(
      (d) =>
        !d.name.startsWith('admin-console') &&
        !d.name.startsWith('logging') &&
        !d.name.startsWith('security'),
    )?.id as string;
    const payload = JSON.parse(
      (await run(['deployments', 'show', depId, '--update-payload'], { env })).stdout,
    );
    payload.resources.elasticsearch[0].plan.elasticsearch.user_bundles = [
      { name: 'synonyms', url: `repo://${id}`, elasticsearch_version: '8.*' },
    ];
    const pf = join(dir, 'payload.json');
    writeFileSync(pf, JSON.stringify(payload));
    const upd = await run(['deployments', 'update', depId, '-f', pf], { env });
    assert.equal(upd.code, 0, upd.stderr);
    const shown = await run(['extensions', 'show', 'synonyms', '--query', 'deployments'], { env });
    assert.equal(shown.stdout, `${depId}\n`);
    const refused = await run(['extensions', 'delete', 'synonyms', '--yes'], { env });
    assert.deepEqual(
      [refused.code, refused.stderr],
      [
        5,
        `error: The extension [${id}] is in use by deployments [${depId}] and cannot be deleted (extensions.extension_in_use)\n`,
      ],
    );
    delete payload.resources.elasticsearch[0].plan.elasticsearch.user_bundles;
    writeFileSync(pf, JSON.stringify(payload));
    assert.equal((await run(['deployments', 'update', depId, '-f', pf], { env })).code, 0);
    const d = await run(['extensions', 'delete', 'synonyms', '--yes'], { env });
    assert.deepEqual([d.code, d.stderr], [0, `Deleted extension synonyms (${id}).\n`]);
    assert.equal((await run(['extensions', 'list'], { env })).stdout, '');
  });
});
