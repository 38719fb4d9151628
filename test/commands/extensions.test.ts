// `ece extensions list|show|create|update|delete`: exact requests, output and
// exit codes against per-test servers, then the life of an extension against
// the sandbox, with a delete refused while a deployment uses it. Uploads are
// tested in extensions-upload.test.ts.

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, it } from 'node:test';
import { verb as update } from '../../src/commands/extensions/update.js';
import assert from '../helpers/assert.js';
import { run } from '../helpers/cli.js';
import { planOf } from '../helpers/plan.js';
import { useSandbox } from '../helpers/sandbox.js';
import { registerSecret } from '../helpers/secrets.js';
import { eceError } from '../helpers/server.js';
import { BASE, dir, EXT, LIST } from './extensions-fixtures.js';
import { API_KEY, closeAll, curl, envFor, serve, ua } from './platform-admin-helpers.js';

describe('extensions plan without a server', () => {
  it('update with nothing to change is refused before any read', async () => {
    await assert.rejects(planOf(update, { extension: 'synonyms' }), {
      message:
        'nothing to change: give -f or at least one of --name, --type, --version, --description, --download-url',
    });
  });
});

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
});

describe('extensions against the sandbox', () => {
  const t = useSandbox({ deployments: 1 });
  const env = t.env;

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
    // Not a zip: refused before sending (the sandbox would refuse it too).
    const text = join(dir, 'notes.txt');
    writeFileSync(text, 'not a zip');
    const notZip = await run(['extensions', 'upload', id, text], { env });
    assert.deepEqual([notZip.code, notZip.stderr], [2, `error: ${text} is not a zip archive\n`]);
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
