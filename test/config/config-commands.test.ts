// ece config list|show|set|unset|use|delete.

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import assert from '../helpers/assert.js';
import { run, tempDir } from '../helpers/cli.js';
import { makePki } from '../helpers/tls.js';

const read = (dir: string) => JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8'));

describe('ece config', () => {
  it('set creates the profile, show and list read it back', async () => {
    const dir = tempDir('ece-config-');
    const env = { ECE_CONFIG_DIR: dir };
    const { caFile } = await makePki();
    for (const [k, v] of [
      ['host', 'ece.example.com'],
      ['ca-cert', caFile],
      ['output', 'json'],
      ['timeout', '1m'],
      ['insecure', 'false'],
    ]) {
      const r = await run(['config', 'set', k ?? '', v ?? ''], { env });
      assert.deepEqual([r.code, r.stderr], [0, `Set ${k} of profile "default".\n`]);
    }
    assert.deepEqual(read(dir), {
      profiles: {
        default: {
          host: 'ece.example.com',
          'ca-cert': caFile,
          output: 'json',
          timeout: '1m',
          insecure: false,
        },
      },
      current_profile: 'default',
    });
    const lab = await run(['config', 'set', 'host', 'https://ece-lab:12443', '--profile', 'lab'], {
      env,
    });
    assert.equal(lab.code, 0);
    // The profile says output json; -o table overrides it.
    const show = await run(['config', 'show', '-o', 'table'], {
      env: { ...env, NO_COLOR: '1' },
      columns: 200,
    });
    assert.equal(
      show.stdout,
      [
        'KEY         VALUE',
        'host        ece.example.com',
        `ca-cert     ${caFile}`,
        'insecure    false',
        'output      json',
        'timeout     1m',
        'credential  -',
        '',
      ].join('\n'),
    );
    const list = await run(['config', 'list', '-o', 'tsv'], { env });
    assert.equal(list.stdout, '*\tdefault\tece.example.com\t-\n\tlab\thttps://ece-lab:12443\t-\n');
    const json = await run(['config', 'show', 'lab', '--json'], { env });
    assert.deepEqual(JSON.parse(json.stdout), { name: 'lab', host: 'https://ece-lab:12443' });
  });

  it('use switches, unset removes, delete deletes', async () => {
    const dir = tempDir('ece-config-');
    const env = { ECE_CONFIG_DIR: dir };
    await run(['config', 'set', 'host', 'a.example', '--profile', 'a'], { env });
    await run(['config', 'set', 'host', 'b.example', '--profile', 'b'], { env });
    assert.equal(read(dir).current_profile, 'a');
    const use = await run(['config', 'use', 'b'], { env });
    assert.deepEqual([use.code, use.stderr], [0, 'Active profile: b.\n']);
    assert.equal(read(dir).current_profile, 'b');
    const unset = await run(['config', 'unset', 'host'], { env });
    assert.equal(unset.code, 0);
    assert.deepEqual(read(dir).profiles.b, {});
    const del = await run(['config', 'delete', 'b'], { env });
    assert.deepEqual([del.code, del.stderr], [0, 'Deleted profile "b".\n']);
    assert.deepEqual(Object.keys(read(dir).profiles), ['a']);
    assert.equal(read(dir).current_profile, undefined);
  });

  it('bad keys, values and names are exit 2 with what is valid', async () => {
    const env = { ECE_CONFIG_DIR: tempDir('ece-config-') };
    const cases: [string[], string][] = [
      [
        ['set', 'colour', 'x'],
        'error: unknown setting "colour" (valid: host, ca-cert, insecure, output, timeout)\n',
      ],
      [
        ['set', 'credential', 'file'],
        'error: unknown setting "credential" (valid: host, ca-cert, insecure, output, timeout)\n',
      ],
      [
        ['set', 'output', 'xml'],
        'error: invalid output "xml" (valid: table, tsv, wide, json, yaml)\n',
      ],
      [['set', 'insecure', 'maybe'], 'error: invalid insecure "maybe": use true or false\n'],
      [
        ['set', 'timeout', 'soon'],
        'error: invalid timeout "soon": use a duration such as 30s, 2m or 1h30m\n',
      ],
      [
        ['set', 'host', 'ftp://x'],
        'error: invalid host "ftp://x": the scheme must be https:// or http://\n',
      ],
      [['set', 'ca-cert', '/no/such.pem'], 'error: ca-cert: no such file /no/such.pem\n'],
      [['use', 'nope'], 'error: profile "nope" does not exist\n'],
      [
        ['use', '../etc'],
        'error: invalid profile name "../etc": use letters, digits, ".", "_" and "-" (at most 64)\n',
      ],
      [['delete', 'nope'], 'error: profile "nope" does not exist\n'],
      [['show', 'nope'], 'error: profile "nope" does not exist\n'],
    ];
    for (const [argv, stderr] of cases) {
      const r = await run(['config', ...argv], { env });
      assert.deepEqual([r.code, r.stderr], [2, stderr], argv.join(' '));
    }
  });

  it('a corrupt config file is named and left alone by writes too', async () => {
    const dir = tempDir('ece-config-');
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    writeFileSync(join(dir, 'config.json'), '{"profiles": ', { mode: 0o600 });
    const r = await run(['config', 'set', 'host', 'x.example'], { env: { ECE_CONFIG_DIR: dir } });
    assert.equal(r.code, 2);
    assert.match(
      r.stderr,
      new RegExp(
        `^error: config file ${join(dir, 'config.json')} is not valid JSON \\(.+\\); fix or remove it\\n$`,
      ),
    );
    assert.equal(readFileSync(join(dir, 'config.json'), 'utf8'), '{"profiles": ');
  });

  it('an unwritable config dir is a clear error', async () => {
    const parent = tempDir('ece-config-');
    const file = join(parent, 'not-a-dir');
    writeFileSync(file, '');
    const r = await run(['config', 'set', 'host', 'x.example'], { env: { ECE_CONFIG_DIR: file } });
    assert.deepEqual(
      [r.code, r.stderr],
      [1, `error: ${file} is not a directory; set ECE_CONFIG_DIR or move it away\n`],
    );
  });
});
