// deployments keystore list|set|unset: the exact requests against a per-test
// server (the Elasticsearch resource found when --ref-id is left out), the
// value read from a file, stdin or nowhere else and never shown (stdout,
// stderr, --verbose, the dry run's curl line), unset checking and asking
// first; then the sandbox end to end.

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import assert from '../helpers/assert.js';
import { run, tempDir } from '../helpers/cli.js';
import { inConfig, secretCurl, secretVar } from '../helpers/curl.js';
import { type TestSandbox, testSandbox } from '../helpers/sandbox.js';
import { forgetSecret, registerSecret } from '../helpers/secrets.js';
import { eceError, json, startServer } from '../helpers/server.js';
import { shell } from '../helpers/shell.js';

const ID = 'abcdefabcdefabcdefabcdefabcdef16';
const KEYSTORE = `/api/v1/deployments/${ID}/elasticsearch/main-elasticsearch/keystore`;
const READ = `/api/v1/deployments/${ID}?show_plans=false`;
const VALUE = 'wJalrXUtnFEMI-K7MDENG-bPxRfiCYEXAMPLEKEY';
registerSecret(VALUE);
const env = (url: string) => ({ ECE_HOST: url, ECE_API_KEY: 'keystore-key-1' });

const es = (ref: string) => ({
  ref_id: ref,
  id: ref.slice(0, 1).repeat(32),
  region: 'ece-region',
  info: { healthy: true, status: 'started', plan_info: { healthy: true, history: [] } },
});
const deployment = (...refs: string[]) => ({
  id: ID,
  name: 'vault',
  healthy: true,
  resources: { elasticsearch: refs.map(es) },
});
const CONTENTS = {
  secrets: {
    's3.client.default.secret_key': { as_file: false },
    'gcs.client.default.credentials_file': { as_file: true },
    'xpack.notification.slack.account.ops.secure_url': {},
  },
};

/** ECE: the deployment, the keystore, and the PATCH answered with `after`. */
const ece = (opts: { refs?: string[]; contents?: unknown; after?: unknown } = {}) =>
  startServer((req, res) => {
    if (req.method === 'GET' && req.url.endsWith('/keystore'))
      return json(res, 200, opts.contents ?? CONTENTS);
    if (req.method === 'GET')
      return json(res, 200, deployment(...(opts.refs ?? ['main-elasticsearch'])));
    return json(res, 200, opts.after ?? { secrets: {} });
  });

describe('deployments keystore list (per-test server)', () => {
  it('a table on a terminal, names sorted, file or string; the resource found first', async () => {
    const server = await ece();
    try {
      const r = await run(['deployments', 'keystore', 'list', ID], {
        env: { ...env(server.url), NO_COLOR: '1' },
        tty: true,
      });
      assert.equal(r.code, 0, r.stderr);
      assert.equal(
        r.stdout,
        [
          'SETTING                                          TYPE',
          'gcs.client.default.credentials_file              file',
          's3.client.default.secret_key                     string',
          'xpack.notification.slack.account.ops.secure_url  string',
          '',
        ].join('\n'),
      );
      assert.equal(r.stderr, '');
      assert.deepEqual(
        server.requests.map((q) => `${q.method} ${q.url}`),
        [`GET ${READ}`, `GET ${KEYSTORE}`],
      );
    } finally {
      await server.close();
    }
  });

  it('piped: TSV rows; --json: ECE’s body byte for byte; --ref-id skips the read', async () => {
    const server = await ece();
    try {
      const tsv = await run(['deployments', 'keystore', 'list', ID], { env: env(server.url) });
      assert.equal(
        tsv.stdout,
        'gcs.client.default.credentials_file\tfile\ns3.client.default.secret_key\tstring\nxpack.notification.slack.account.ops.secure_url\tstring\n',
      );
      const raw = await run(
        ['deployments', 'keystore', 'list', ID, '--ref-id', 'main-elasticsearch', '--json'],
        { env: env(server.url) },
      );
      assert.deepEqual([raw.code, raw.stdout], [0, `${JSON.stringify(CONTENTS)}\n`]);
      assert.equal(server.requests.at(-1)?.url, KEYSTORE);
      assert.equal(server.requests.length, 3);
    } finally {
      await server.close();
    }
  });

  it('an empty keystore: exit 0, a note on a terminal; two Elasticsearch resources: exit 2 asking for --ref-id', async () => {
    const server = await ece({ contents: { secrets: {} } });
    try {
      const r = await run(['deployments', 'keystore', 'list', ID], {
        env: env(server.url),
        tty: true,
      });
      assert.deepEqual(
        [r.code, r.stdout, r.stderr],
        [0, '', `The keystore of ${ID} (elasticsearch main-elasticsearch) is empty.\n`],
      );
    } finally {
      await server.close();
    }
    const two = await ece({ refs: ['main-elasticsearch', 'logs'] });
    try {
      const r = await run(['deployments', 'keystore', 'list', ID], { env: env(two.url) });
      assert.deepEqual(
        [r.code, r.stderr],
        [
          2,
          'error: deployment vault has 2 elasticsearch resources; pick one with --ref-id (main-elasticsearch, logs)\n',
        ],
      );
    } finally {
      await two.close();
    }
  });

  it('a resource ECE does not have: exit 3 with ECE’s message', async () => {
    const server = await startServer((_req, res) =>
      eceError(
        res,
        404,
        'deployments.deployment_resource_not_found',
        'The Resource specified by {ref_id} cannot be found',
      ),
    );
    try {
      const r = await run(['deployments', 'keystore', 'list', ID, '--ref-id', 'nope'], {
        env: env(server.url),
      });
      assert.equal(r.code, 3);
      assert.match(r.stderr, /^error: The Resource specified by \{ref_id\} cannot be found/);
    } finally {
      await server.close();
    }
  });
});

describe('deployments keystore set (per-test server)', () => {
  // A common word one case registers as a secret: this file's, not the next file's of its batch.
  after(() => forgetSecret('client'));
  it('from stdin: one PATCH with the value; it never shows, --verbose included', async () => {
    const server = await ece({
      after: { secrets: { 's3.client.default.secret_key': { as_file: false } } },
    });
    try {
      const r = await run(
        ['deployments', 'keystore', 'set', ID, 's3.client.default.secret_key', '--verbose'],
        { env: env(server.url), stdin: `${VALUE}\n` },
      );
      assert.equal(r.code, 0, r.stderr);
      assert.equal(r.stdout, '');
      assert.ok(!r.stderr.includes(VALUE), 'the value is masked in the trace');
      assert.match(r.stderr, /"value": "\*\*\*\*\*\*\*\*"/);
      assert.equal(
        r.stderr.split('\n').at(-2),
        `Set s3.client.default.secret_key (string) in the keystore of ${ID} (elasticsearch main-elasticsearch).`,
      );
      server.expect({
        method: 'PATCH',
        path: KEYSTORE,
        body: { secrets: { 's3.client.default.secret_key': { value: VALUE, as_file: false } } },
      });
    } finally {
      await server.close();
    }
  });

  it('a short value that is also part of the setting name: the name is never masked, the value always is', async () => {
    const server = await ece({
      after: { secrets: { 's3.client.default.password': { as_file: false } } },
    });
    try {
      // The audit checks every later run of this suite for "client" as a value.
      registerSecret('client');
      const r = await run(
        [
          'deployments',
          'keystore',
          'set',
          ID,
          's3.client.default.password',
          '-f',
          '-',
          '--verbose',
        ],
        { env: env(server.url), stdin: 'client' },
      );
      assert.equal(r.code, 0, r.stderr);
      assert.equal(r.stdout, '');
      assert.equal(
        r.stderr.split('\n').at(-2),
        `Set s3.client.default.password (string) in the keystore of ${ID} (elasticsearch main-elasticsearch).`,
      );
      // The trace shows the name as it is and the value masked.
      assert.match(r.stderr, /"s3\.client\.default\.password": \{\n\s+"value": "\*{8}"/);
    } finally {
      await server.close();
    }
  });

  it('a short value is masked in the trace too; --json prints ECE’s answer', async () => {
    const server = await ece({ after: { secrets: { 'a.pin': { as_file: false } } } });
    try {
      const r = await run(['deployments', 'keystore', 'set', ID, 'a.pin', '--verbose', '--json'], {
        env: env(server.url),
        stdin: 'x9',
      });
      assert.equal(r.code, 0, r.stderr);
      assert.equal(r.stdout, '{"secrets":{"a.pin":{"as_file":false}}}\n');
      assert.ok(!r.stderr.includes('"x9"'), r.stderr);
      server.expect({
        method: 'PATCH',
        path: KEYSTORE,
        body: { secrets: { 'a.pin': { value: 'x9', as_file: false } } },
      });
    } finally {
      await server.close();
    }
  });

  it('-f FILE: one final newline dropped from a string; --as-file keeps the file as it is', async () => {
    const dir = tempDir();
    const file = join(dir, 'value.txt');
    writeFileSync(file, `${VALUE}\n`);
    const server = await ece();
    try {
      const s = await run(
        [
          'deployments',
          'keystore',
          'set',
          ID,
          'x.key',
          '-f',
          file,
          '--ref-id',
          'main-elasticsearch',
        ],
        { env: env(server.url) },
      );
      const f = await run(
        [
          'deployments',
          'keystore',
          'set',
          ID,
          'x.file',
          '-f',
          file,
          '--as-file',
          '--ref-id',
          'main-elasticsearch',
        ],
        { env: env(server.url) },
      );
      assert.deepEqual([s.code, f.code], [0, 0]);
      assert.deepEqual(
        server.requests.map((q) => JSON.parse(q.body)),
        [
          { secrets: { 'x.key': { value: VALUE, as_file: false } } },
          { secrets: { 'x.file': { value: `${VALUE}\n`, as_file: true } } },
        ],
      );
    } finally {
      await server.close();
    }
  });

  it('--dry-run: the curl line takes $ECE_KEYSTORE_VALUE, never the value; nothing is sent', async () => {
    const server = await ece();
    try {
      // No value to read: the dry run neither reads stdin nor prompts.
      const r = await run(['deployments', 'keystore', 'set', ID, 'x.key', '--dry-run'], {
        env: env(server.url),
      });
      assert.equal(r.code, 0, r.stderr);
      assert.ok(!r.stdout.includes(VALUE));
      assert.equal(
        r.stdout.replace(/User-Agent: [^']*/, 'User-Agent: UA'),
        secretCurl(
          'PATCH',
          `${server.url}${KEYSTORE}`,
          `${inConfig('{"secrets":{"x.key":{"value":"')}${secretVar('ECE_KEYSTORE_VALUE')}${inConfig('","as_file":false}}}')}`,
        ),
      );
      // The printed line, run with a value of several lines and quotes (a
      // credentials file), sends that value exactly.
      const value = '{\n  "type": "service_account",\n  "k": "a\\"b\\\\c"\n}';
      const sh = await shell(r.stdout, {
        ECE_KEYSTORE_VALUE: value,
        ECE_API_KEY: 'keystore-key-1',
      });
      assert.equal(sh.code, 0, sh.stderr);
      const sent = server.requests.at(-1);
      assert.equal(sent?.method, 'PATCH');
      assert.deepEqual(JSON.parse(sent?.body ?? ''), {
        secrets: { 'x.key': { value, as_file: false } },
      });
      assert.deepEqual(
        server.requests.map((q) => q.method),
        ['GET', 'PATCH'],
      );
    } finally {
      await server.close();
    }
  });

  it('bad input: exit 2 with one line, nothing sent', async () => {
    const server = await ece();
    const blank = join(tempDir(), 'blank.txt');
    writeFileSync(blank, '\n');
    try {
      const cases: [string[], string | undefined, string][] = [
        [
          ['bad name'],
          VALUE,
          'error: invalid setting name "bad name": use letters, digits, dots, dashes and underscores (e.g. s3.client.default.access_key)\n',
        ],
        [
          ['x.key', '-f', blank],
          undefined,
          'error: the value is empty (to remove a setting: keystore unset)\n',
        ],
        [['x.key'], '', 'error: standard input is empty: expected the value\n'],
        [
          ['x.key', '-f', '/no/such/file'],
          undefined,
          'error: cannot read /no/such/file: no such file\n',
        ],
        [['x.key', '--value', VALUE], undefined, "error: unknown option '--value'\n"],
      ];
      for (const [args, stdin, stderr] of cases) {
        const r = await run(['deployments', 'keystore', 'set', ID, ...args], {
          env: env(server.url),
          ...(stdin === undefined ? {} : { stdin }),
        });
        assert.deepEqual([r.code, r.stdout, r.stderr], [2, '', stderr], args.join(' '));
      }
      assert.deepEqual(server.requests, []);
    } finally {
      await server.close();
    }
  });
});

describe('deployments keystore unset (per-test server)', () => {
  it('--yes: reads the keystore, then one PATCH with an empty entry per setting', async () => {
    const server = await ece();
    try {
      const r = await run(
        [
          'deployments',
          'keystore',
          'unset',
          ID,
          's3.client.default.secret_key',
          'gcs.client.default.credentials_file',
          '--yes',
        ],
        { env: env(server.url) },
      );
      assert.deepEqual(
        [r.code, r.stdout, r.stderr],
        [
          0,
          '',
          `Removed s3.client.default.secret_key, gcs.client.default.credentials_file from the keystore of ${ID} (elasticsearch main-elasticsearch).\n`,
        ],
      );
      assert.deepEqual(
        server.requests.map((q) => `${q.method} ${q.url} ${q.body}`),
        [
          `GET ${READ} `,
          `GET ${KEYSTORE} `,
          `PATCH ${KEYSTORE} {"secrets":{"s3.client.default.secret_key":{},"gcs.client.default.credentials_file":{}}}`,
        ],
      );
    } finally {
      await server.close();
    }
  });

  it('a setting the keystore lacks: exit 3, nothing removed; no terminal and no --yes: exit 2 before any request', async () => {
    const server = await ece();
    try {
      const r = await run(
        [
          'deployments',
          'keystore',
          'unset',
          ID,
          's3.client.default.secret_key',
          'nope.one',
          '--yes',
        ],
        { env: env(server.url) },
      );
      assert.deepEqual(
        [r.code, r.stderr],
        [
          3,
          `error: the keystore of ${ID} (elasticsearch main-elasticsearch) has no setting nope.one; nothing was removed\n`,
        ],
      );
      const n = server.requests.length;
      const refused = await run(['deployments', 'keystore', 'unset', ID, 'x.key'], {
        env: env(server.url),
      });
      assert.deepEqual(
        [refused.code, refused.stderr],
        [2, 'error: this needs confirmation: pass --yes to run it without a terminal\n'],
      );
      assert.equal(server.requests.length, n);
      assert.ok(!server.requests.some((q) => q.method === 'PATCH'));
    } finally {
      await server.close();
    }
  });

  it('--dry-run: reads, then shows the PATCH without asking', async () => {
    const server = await ece();
    try {
      const r = await run(
        ['deployments', 'keystore', 'unset', ID, 's3.client.default.secret_key', '--dry-run'],
        { env: env(server.url) },
      );
      assert.equal(r.code, 0, r.stderr);
      assert.match(
        r.stdout,
        /^printf .* \| curl -sS -g -K - -X PATCH \S+\/keystore .* --data-raw '\{"secrets":\{"s3\.client\.default\.secret_key":\{\}\}\}'\n$/,
      );
      assert.ok(!server.requests.some((q) => q.method === 'PATCH'));
    } finally {
      await server.close();
    }
  });
});

describe('deployments keystore against the sandbox', () => {
  let t: TestSandbox;
  before(async () => {
    t = await testSandbox({ deployments: 0, planDurationMs: 300 });
    assert.equal((await t.call('POST', '/deployments', { body: { name: 'vault' } })).status, 201);
  });
  after(() => t.close());

  it('set, list, unset by name; each change bumps the deployment’s version', async () => {
    const e = t.env;
    const version = async () => {
      const list = (await t.call('GET', '/deployments')).body as {
        deployments: { id: string; name: string }[];
      };
      const id = list.deployments.find((d) => d.name === 'vault')?.id ?? '';
      return (await t.call('GET', `/deployments/${id}`)).headers.get('x-cloud-resource-version');
    };
    const v0 = await version();
    const a = await run(
      ['deployments', 'keystore', 'set', 'vault', 's3.client.default.secret_key'],
      {
        env: e,
        stdin: VALUE,
      },
    );
    const b = await run(
      [
        'deployments',
        'keystore',
        'set',
        'vault',
        'gcs.client.default.credentials_file',
        '--as-file',
      ],
      { env: e, stdin: '{"type":"service_account"}' },
    );
    assert.deepEqual([a.code, b.code], [0, 0], a.stderr + b.stderr);
    assert.equal(Number(await version()), Number(v0) + 2);
    const listed = await run(['deployments', 'keystore', 'list', 'vault'], { env: e });
    assert.equal(
      listed.stdout,
      'gcs.client.default.credentials_file\tfile\ns3.client.default.secret_key\tstring\n',
    );
    const removed = await run(
      ['deployments', 'keystore', 'unset', 'vault', 's3.client.default.secret_key', '--yes'],
      { env: e },
    );
    assert.equal(removed.code, 0, removed.stderr);
    const json = await run(['deployments', 'keystore', 'list', 'vault', '--json'], { env: e });
    assert.equal(
      json.stdout,
      '{"secrets":{"gcs.client.default.credentials_file":{"as_file":true}}}\n',
    );
    const missing = await run(['deployments', 'keystore', 'list', 'vault', '--ref-id', 'nope'], {
      env: e,
    });
    assert.equal(missing.code, 3);
    assert.match(missing.stderr, /^error: .*nope.*\n$/);
  });
});
