// `keystore set <d> -f secrets.json`: several settings from one document
// (ecctl's KeystoreContents), in one PATCH checked against the spec; values
// never shown (stdout, stderr, --verbose, the dry run's curl line); entries
// that would remove a setting refused; then the sandbox in-process.

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { verb } from '../../src/commands/deployments/keystore/set.js';
import assert from '../helpers/assert.js';
import { run, tempDir } from '../helpers/cli.js';
import { planOf } from '../helpers/plan.js';
import { checkPlanned } from '../helpers/planned.js';
import { useSandbox } from '../helpers/sandbox.js';
import { registerSecret } from '../helpers/secrets.js';
import { removeDir } from '../helpers/temp.js';

const ID = 'abcdefabcdefabcdefabcdefabcdef28';
const ACCESS = 'AKIAIOSFODNN7EXAMPLE';
const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY';
const CLIENT_EMAIL = 'backup-sa@project-id.iam.gserviceaccount.com';
registerSecret(ACCESS, SECRET, CLIENT_EMAIL);
const CONTENTS = {
  secrets: {
    's3.client.default.access_key': { value: ACCESS },
    's3.client.default.secret_key': { value: SECRET, as_file: false },
    'gcs.client.default.credentials_file': {
      value: { type: 'service_account', client_email: CLIENT_EMAIL },
      as_file: true,
    },
  },
};

describe('keystore set -f FILE with several settings', () => {
  const dir = tempDir('ece-keystore-file-');
  after(() => removeDir(dir));
  const file = (name: string, body: unknown) => {
    const path = join(dir, name);
    writeFileSync(path, typeof body === 'string' ? body : JSON.stringify(body));
    return path;
  };

  it('one PATCH with the document as written, valid against the spec; no read beyond the target', async () => {
    const { plan } = await planOf(verb, {
      deployment: ID,
      refId: 'main-elasticsearch',
      file: file('all.json', CONTENTS),
    });
    const [w] = plan.writes ?? [];
    assert.ok(w);
    assert.deepEqual(
      [w.method, w.path, w.body, checkPlanned(w)],
      [
        'PATCH',
        `/deployments/${ID}/elasticsearch/main-elasticsearch/keystore`,
        CONTENTS,
        {
          operation: 'PATCH /deployments/{deployment_id}/elasticsearch/{ref_id}/keystore',
          violations: [],
        },
      ],
    );
    assert.equal(
      plan.done,
      `Set 3 settings in the keystore of ${ID} (elasticsearch main-elasticsearch): s3.client.default.access_key, s3.client.default.secret_key, gcs.client.default.credentials_file.`,
    );
  });

  it('YAML too; the dry run names each value’s variable on stderr and shows none in the curl line', async () => {
    const yaml = file(
      'two.yaml',
      `secrets:\n  s3.client.default.access_key:\n    value: ${ACCESS}\n  s3.client.default.secret_key:\n    value: ${SECRET}\n`,
    );
    const r = await planOf(
      verb,
      { deployment: ID, refId: 'main-elasticsearch', file: yaml },
      { flags: { dryRun: true } },
    );
    assert.equal(
      r.stderr,
      'dry run: the curl line reads each value from a shell variable: ECE_KEYSTORE_VALUE (s3.client.default.access_key), ECE_KEYSTORE_VALUE_2 (s3.client.default.secret_key)\n',
    );
    const [curl] = r.curls;
    assert.ok(curl);
    assert.ok(!curl.includes(ACCESS) && !curl.includes(SECRET), curl);
    assert.match(curl, /"\$ECE_KEYSTORE_VALUE"[\s\S]*"\$ECE_KEYSTORE_VALUE_2"/);
  });

  it('what set refuses, before any request: removals, other shapes, --as-file, nothing to read', async () => {
    const cases: [unknown, string][] = [
      [
        { secrets: { a: null } },
        'null.json: secrets.a is null, which would remove it: use ece deployments keystore unset',
      ],
      [
        { secrets: { a: {} } },
        'null.json: secrets.a has no value, which would remove it: use ece deployments keystore unset',
      ],
      [{ secrets: {} }, 'null.json: secrets is empty: nothing to set'],
      [
        { a: { value: 'x' } },
        'null.json: unknown field a (expected {"secrets": {"<setting>": {"value": …}}})',
      ],
      [
        { secrets: { a: { value: 'x', asFile: true } } },
        'null.json: secrets.a: unknown field asFile (value and as_file only)',
      ],
      [
        { secrets: { a: { value: 3 } } },
        'null.json: secrets.a.value must be a string or an object',
      ],
      [
        { secrets: { 'bad name': { value: 'x' } } },
        'invalid setting name "bad name": use letters, digits, dots, dashes and underscores (e.g. s3.client.default.access_key)',
      ],
    ];
    for (const [body, message] of cases) {
      const path = file('null.json', body);
      await assert.rejects(planOf(verb, { deployment: ID, refId: 'r', file: path }), {
        message: message.replace('null.json', path),
      });
    }
    await assert.rejects(
      planOf(verb, { deployment: ID, file: file('x.json', CONTENTS), asFile: true }),
      { message: '--as-file is for one setting; in a file, give as_file for each setting' },
    );
  });

  describe('against the sandbox', () => {
    const sb = useSandbox({ deployments: 1, systemDeployments: false });

    it('from a file: the names listed after, no value anywhere (--verbose included)', async () => {
      const r = await run(
        [
          'deployments',
          'keystore',
          'set',
          'prod-logs',
          '-f',
          file('all.json', CONTENTS),
          '--verbose',
        ],
        { env: sb.env },
      );
      assert.equal(r.code, 0, r.stderr);
      assert.equal(r.stdout, '');
      assert.match(r.stderr, /"value": "\*\*\*\*\*\*\*\*"/);
      const id = sb.sb.state.list()[0]?.id;
      assert.equal(
        r.stderr.split('\n').at(-2),
        `Set 3 settings in the keystore of prod-logs (elasticsearch main-elasticsearch): s3.client.default.access_key, s3.client.default.secret_key, gcs.client.default.credentials_file.`,
      );
      const list = await run(['deployments', 'keystore', 'list', String(id)], { env: sb.env });
      assert.equal(
        list.stdout,
        'gcs.client.default.credentials_file\tfile\ns3.client.default.access_key\tstring\ns3.client.default.secret_key\tstring\n',
      );
    });

    it('from a pipe with no setting name: the document on stdin', async () => {
      const r = await run(['deployments', 'keystore', 'set', 'prod-logs', '--json'], {
        env: sb.env,
        stdin: JSON.stringify({ secrets: { 'azure.client.default.key': { value: SECRET } } }),
      });
      assert.equal(r.code, 0, r.stderr);
      assert.deepEqual(Object.keys((JSON.parse(r.stdout) as { secrets: object }).secrets), [
        'azure.client.default.key',
        'gcs.client.default.credentials_file',
        's3.client.default.access_key',
        's3.client.default.secret_key',
      ]);
    });

    it('a terminal on stdin and no -f: exit 2 saying what to give', async () => {
      const r = await run(['deployments', 'keystore', 'set', 'prod-logs'], {
        env: sb.env,
        stdinTTY: true,
      });
      assert.deepEqual(
        [r.code, r.stderr],
        [2, 'error: give a setting name, or -f FILE with several settings ({"secrets": {…}})\n'],
      );
    });
  });
});
