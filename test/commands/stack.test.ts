// `ece stack show|upload|delete`: exact requests, output and exit codes
// against per-test servers, then a stack pack's life against the sandbox
// (upload → listed, usable → deleted → hidden). Zips come from a tiny writer.

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, afterEach, before, describe, it } from 'node:test';
import assert from '../helpers/assert.js';
import { run, tempDir } from '../helpers/cli.js';
import { useSandbox } from '../helpers/sandbox.js';
import { registerSecret } from '../helpers/secrets.js';
import { eceError, json } from '../helpers/server.js';
import { removeDir } from '../helpers/temp.js';
import { makeZip } from '../helpers/zip.js';
import { API_KEY, closeAll, curl, envFor, serve, ua } from './platform-admin-helpers.js';

// Made when the file's tests start (a batch imports every file first), removed when they end.
let dir = '';
let PACK = '';
before(() => {
  dir = tempDir('ece-stack-');
  PACK = join(dir, '8.16.0.zip');
  writeFileSync(PACK, makeZip({ '8.16.0/stackpack.json': '{"version":"8.16.0"}' }));
});
after(() => removeDir(dir));
const STACK = {
  version: '8.15.1',
  template: { template_version: '8.15.1-1' },
  min_upgradable_from: '7.17.0',
  upgradable_to: ['8.16.0'],
  deleted: false,
  elasticsearch: { docker_image: 'es:8.15.1', default_plugins: ['repository-s3'] },
  kibana: { docker_image: 'kibana:8.15.1' },
};

describe('stack against a per-test server', () => {
  registerSecret(API_KEY);
  afterEach(closeAll);

  it('show: the summary; --json the body as sent; an unknown version is exit 3', async () => {
    const body = JSON.stringify(STACK);
    const s = await serve({
      'GET /stack/versions/8.15.1': [200, body],
      'GET /stack/versions/9.9.9': (_q, res) =>
        eceError(
          res,
          404,
          'stackpack.version_not_found',
          "The Elastic Stack version [9.9.9] can't be found",
        ),
    });
    const r = await run(['stack', 'show', '8.15.1'], { env: envFor(s) });
    assert.deepEqual(
      [r.code, r.stdout, r.stderr],
      [
        0,
        [
          'version\t8.15.1',
          'template_version\t8.15.1-1',
          'min_upgradable_from\t7.17.0',
          'upgradable_to\t8.16.0',
          'accepted\tyes',
          'whitelisted\tyes',
          'deleted\tno',
          'elasticsearch_image\tes:8.15.1',
          'default_plugins\trepository-s3',
          'kibana_image\tkibana:8.15.1',
          '',
        ].join('\n'),
        '',
      ],
    );
    assert.equal(
      (await run(['stack', 'show', 'v8.15.1', '--json'], { env: envFor(s) })).stdout,
      `${body}\n`,
    );
    const missing = await run(['stack', 'show', '9.9.9'], { env: envFor(s) });
    assert.deepEqual(
      [missing.code, missing.stderr],
      [
        3,
        "error: The Elastic Stack version [9.9.9] can't be found (stackpack.version_not_found)\n",
      ],
    );
  });

  it('upload: one POST /stack/versions, the zip under "file"; the added versions on stdout', async () => {
    const answer = { stacks: [{ ...STACK, version: '8.16.0' }], errors: [] };
    const s = await serve({ 'POST /stack/versions': [200, answer] });
    const r = await run(['stack', 'upload', PACK], { env: envFor(s) });
    assert.deepEqual(
      [r.code, r.stdout, r.stderr],
      [0, '8.16.0\n', 'Uploaded 8.16.0.zip (160 B): added 8.16.0.\n'],
    );
    const post = s.requests[0];
    assert.equal(s.requests.length, 1);
    assert.match(String(post?.headers['content-type']), /^multipart\/form-data; boundary=/);
    assert.match(
      post?.body ?? '',
      /Content-Disposition: form-data; name="file"; filename="8.16.0.zip"/,
    );
    assert.ok(post?.body.includes('8.16.0/stackpack.json'));
    const j = await run(['stack', 'upload', PACK, '--json'], { env: envFor(s) });
    assert.equal(j.stdout, `${JSON.stringify(answer)}\n`);
  });

  it('upload: refusals in the answer (200 or 400) are exit 5 with ECE’s messages; a missing file is exit 2', async () => {
    const bad = (v: string) => ({
      stack_version: v,
      errors: {
        errors: [{ code: 'stackpack.bad_archive', message: 'There is an error in the file' }],
      },
    });
    const s = await serve({
      'POST /stack/versions': (q, res) =>
        // Streamed with its length announced, not chunked.
        q.headers['content-length'] === undefined
          ? json(res, 411, {})
          : s.requests.length === 1
            ? json(res, 200, { stacks: [{ ...STACK, version: '8.16.0' }], errors: [bad('junk')] })
            : json(
                res,
                400,
                { stacks: [], errors: [bad('')] },
                { 'x-cloud-error-codes': 'stackpack.bad_archive' },
              ),
    });
    const partly = await run(['stack', 'upload', PACK], { env: envFor(s) });
    assert.deepEqual(
      [partly.code, partly.stdout, partly.stderr],
      [
        5,
        '8.16.0\n',
        'Uploaded 8.16.0.zip (160 B): added 8.16.0.\nerror: junk: There is an error in the file (stackpack.bad_archive)\n',
      ],
    );
    const refused = await run(['stack', 'upload', PACK], { env: envFor(s) });
    assert.deepEqual(
      [refused.code, refused.stdout, refused.stderr],
      [5, '', 'error: the stack pack: There is an error in the file (stackpack.bad_archive)\n'],
    );
    const missing = await run(['stack', 'upload', join(dir, 'nope.zip')], { env: envFor(s) });
    assert.deepEqual(
      [missing.code, missing.stderr],
      [2, `error: ${join(dir, 'nope.zip')}: no such file\n`],
    );
    assert.equal(s.requests.length, 2);
  });

  it('upload --dry-run: the POST as curl -F; delete asks, --dry-run shows, --yes deletes', async () => {
    const s = await serve(
      {
        'GET /stack/versions/7.17.24': [200, { ...STACK, version: '7.17.24' }],
        'DELETE /stack/versions/7.17.24': [200, {}],
      },
      [{ method: 'DELETE', path: '/api/v1/stack/versions/7.17.24' }],
    );
    const dry = await run(['stack', 'upload', PACK, '--dry-run'], { env: envFor(s) });
    assert.deepEqual(
      [dry.code, ua(dry.stdout), dry.stderr],
      [
        0,
        `printf 'header = "Authorization: ApiKey %s"\\n' "$ECE_API_KEY" | curl -sS -g -K - -X POST ${s.url}/api/v1/stack/versions -H 'Accept: application/json' -H 'User-Agent: UA' -F 'file=@"${PACK}"'\n`,
        '',
      ],
    );
    const ask = await run(['stack', 'delete', '7.17.24'], { env: envFor(s) });
    assert.deepEqual(
      [ask.code, ask.stderr],
      [2, 'error: this needs confirmation: pass --yes to run it without a terminal\n'],
    );
    const d = await run(['stack', 'delete', '7.17.24', '--dry-run'], { env: envFor(s) });
    assert.deepEqual(
      [d.code, ua(d.stdout), d.stderr],
      [
        0,
        curl('DELETE', `${s.url}/api/v1/stack/versions/7.17.24`),
        'dry run: reading GET /api/v1/stack/versions/7.17.24\n',
      ],
    );
    const yes = await run(['stack', 'delete', '7.17.24', '--yes'], { env: envFor(s) });
    assert.deepEqual(
      [yes.code, yes.stdout, yes.stderr],
      [0, '', 'Deleted stack version 7.17.24.\n'],
    );
  });
});

describe('stack packs against the sandbox', () => {
  const t = useSandbox({ deployments: 1 });
  const env = t.env;

  it('upload adds the version (listed, upgradable to); delete hides it; a zip without versions is refused', async () => {
    const up = await run(['stack', 'upload', PACK], { env });
    assert.deepEqual([up.code, up.stdout], [0, '8.16.0\n'], up.stderr);
    const list = await run(['stack', 'versions'], { env });
    assert.equal(
      list.stdout,
      '8.16.0\tyes\t-\n8.15.1\tyes\t8.16.0\n8.14.3\tyes\t8.16.0,8.15.1\n7.17.24\tyes\t8.16.0,8.15.1,8.14.3\n',
    );
    const show = await run(['stack', 'show', '8.16.0', '--query', 'deleted'], { env });
    assert.equal(show.stdout, 'false\n');
    const junk = join(dir, 'junk.zip');
    writeFileSync(junk, makeZip({ 'README.txt': 'no versions here' }));
    const refused = await run(['stack', 'upload', junk], { env });
    assert.deepEqual(
      [refused.code, refused.stderr],
      [
        5,
        'error: the stack pack: The archive has no Elastic Stack version directory at its root (stackpack.bad_archive)\n',
      ],
    );
    // Zipped on macOS: ECE lists the __MACOSX folder as a version it cannot
    // parse beside the one it added; that is no refusal (as cloud-sdk-go).
    const mac = join(dir, 'mac.zip');
    writeFileSync(
      mac,
      makeZip({ '8.16.1/stackpack.json': '{}', '__MACOSX/8.16.1/._stackpack.json': 'x' }),
    );
    const macUp = await run(['stack', 'upload', mac], { env });
    assert.deepEqual(
      [macUp.code, macUp.stdout, macUp.stderr],
      [0, '8.16.1\n', 'Uploaded mac.zip (283 B): added 8.16.1.\n'],
    );
    const macJson = await run(
      ['stack', 'upload', mac, '--json', '--query', 'errors[0].errors.errors[0].message'],
      { env },
    );
    assert.deepEqual(
      [macJson.code, macJson.stdout],
      [
        0,
        '"This version cannot be parsed: [__MACOSX] because: Unknown version string: [__MACOSX]"\n',
      ],
    );
    const del = await run(['stack', 'delete', '8.16.0', '--yes'], { env });
    assert.equal(del.code, 0, del.stderr);
    assert.equal(
      (await run(['stack', 'versions', '--query', 'stacks[].version'], { env })).stdout,
      '8.16.1\n8.15.1\n8.14.3\n7.17.24\n',
    );
    const gone = await run(['stack', 'show', '8.16.0', '--query', 'deleted'], { env });
    assert.equal(gone.stdout, 'true\n');
  });
});
