// Reading desired-state files: YAML 1.2 (on/yes stay strings), several
// documents per file, lists, directories (not recursive), a version that
// is not a string refused with file:line:column, and every other bad input
// as one line, exit 2, before any request.

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { parseDocuments, readDesired } from '../../src/commands/deployments/desired/documents.js';
import { UsageError } from '../../src/errors.js';
import { memoryIO } from '../../src/output/memory-io.js';
import assert from '../helpers/assert.js';
import { run } from '../helpers/cli.js';
import { removeDir, tempDir } from '../helpers/temp.js';

const io = memoryIO({ out: () => {}, err: () => {} });
const doc = (name: string) => ({ name, resources: {} });

async function refused(text: string, name: string): Promise<string> {
  try {
    await parseDocuments(text, name);
  } catch (err) {
    assert.ok(err instanceof UsageError, String(err));
    return err.message;
  }
  throw new Error('accepted');
}

describe('desired-state documents', () => {
  it('YAML 1.2: on, yes and no stay strings; several documents separated by ---; empty ones skipped', async () => {
    const docs = await parseDocuments(
      'name: a\nresources: {}\nmetadata:\n  tags: [{key: on, value: yes}, {key: no, value: off}]\n---\n---\nname: b\nresources: {}\n',
      'two.yaml',
    );
    assert.deepEqual(docs, [
      {
        ...doc('a'),
        metadata: {
          tags: [
            { key: 'on', value: 'yes' },
            { key: 'no', value: 'off' },
          ],
        },
      },
      doc('b'),
    ]);
  });

  it('a list of documents, in JSON or YAML', async () => {
    assert.deepEqual(await parseDocuments(JSON.stringify([doc('a'), doc('b')]), 'l.json'), [
      doc('a'),
      doc('b'),
    ]);
    assert.deepEqual(await parseDocuments('- name: a\n  resources: {}\n', 'l.yaml'), [doc('a')]);
  });

  it('a version that is not a string: file, line and column, and how to write it', async () => {
    assert.equal(
      await refused(
        'name: a\nresources:\n  elasticsearch:\n    - ref_id: es\n      plan:\n        elasticsearch:\n          version: 8.10\n',
        'd.yaml',
      ),
      'd.yaml:7:20: version 8.10 is not a string (it reads as 8.1): quote it, "8.10"',
    );
    assert.equal(
      await refused('{\n  "name": "a",\n  "version": 8.10,\n  "resources": {}\n}\n', 'd.json'),
      'd.json:3:14: version 8.10 is not a string (it reads as 8.1): quote it, "8.10"',
    );
    assert.equal(
      await refused('name: a\nresources: {}\n---\nname: b\nversion: 8\nresources: {}\n', 'm.yaml'),
      'm.yaml:5:10: version 8 is not a string (it reads as 8): quote it, "8"',
    );
    assert.equal(
      (await parseDocuments('name: a\nversion: "8.10"\nresources: {}\n', 'ok.yaml'))[0]?.version,
      '8.10',
    );
  });

  it('syntax errors, wrong shapes and unknown fields: one line naming the file', async () => {
    const cases: [string, string, string][] = [
      ['name: a\n  bad: [\n', 'x.yaml', /^x\.yaml:\d+:\d+: invalid YAML: /.source],
      ['{"name": "a",', 'x.json', /^x\.json:1:14: invalid JSON: /.source],
      ['name: a\nname: b\nresources: {}\n', 'dup.yaml', /^dup\.yaml:2:1: invalid YAML: /.source],
      ['', 'e.yaml', '^e\\.yaml is empty$'],
      ['- 1\n', 's.yaml', /^s\.yaml \(item 1\): expected a deployment/.source],
      ['resources: {}\n', 'n.yaml', '^n\\.yaml: name is required'],
      ['name: a\n', 'r.yaml', '^r\\.yaml: resources is required'],
      [
        'name: a\nresources: {}\nhealthy: true\n',
        'u.yaml',
        '^u\\.yaml: unknown field healthy \\(a document has id, name, alias, resources, settings, metadata, region, version\\)$',
      ],
      ['name: a\nid: 12\nresources: {}\n', 'i.yaml', '^i\\.yaml: id must be a string'],
      ['name: a\nid: abc\nresources: {}\n', 'i.yaml', "^i\\.yaml: id must be a deployment's"],
      [
        'name: a\nresources:\n  kibana: [{plan: {}}]\n',
        'k.yaml',
        '^k\\.yaml: resources\\.kibana\\[0\\]\\.ref_id is required$',
      ],
    ];
    for (const [text, name, pattern] of cases)
      assert.match(await refused(text, name), new RegExp(pattern), name);
  });

  describe('files and directories', () => {
    const dir = tempDir('ece-desired-files-');
    after(() => removeDir(dir));
    const write = (path: string, text: string) => writeFileSync(join(dir, path), text);

    it('a directory: its .json, .yaml and .yml files in name order, not its subdirectories', async () => {
      mkdirSync(join(dir, 'd'));
      mkdirSync(join(dir, 'd', 'nested'));
      write('d/b.yml', 'name: b\nresources: {}\n');
      write('d/a.json', JSON.stringify(doc('a')));
      write('d/c.yaml', 'name: c\nresources: {}\n---\nname: c2\nresources: {}\n');
      write('d/notes.txt', 'not a document');
      write('d/.hidden.yaml', 'name: hidden\nresources: {}\n');
      write('d/nested/z.yaml', 'name: z\nresources: {}\n');
      const read = await readDesired(io, [join(dir, 'd')]);
      assert.deepEqual(
        read.map((d) => [d.source.slice(dir.length + 1), d.doc.name]),
        [
          ['d/a.json', 'a'],
          ['d/b.yml', 'b'],
          ['d/c.yaml#1', 'c'],
          ['d/c.yaml#2', 'c2'],
        ],
      );
    });

    it('two documents for one deployment, an empty directory, a missing path: exit 2 before any request', async () => {
      mkdirSync(join(dir, 'empty'));
      write('x.yaml', 'name: same\nresources: {}\n');
      write('y.yaml', 'name: same\nresources: {}\n');
      const env = { ECE_HOST: 'http://127.0.0.1:9', ECE_API_KEY: 'desired-files-key' };
      const cases: [string[], string][] = [
        [
          ['-f', join(dir, 'x.yaml'), '-f', join(dir, 'y.yaml')],
          `error: ${join(dir, 'x.yaml')} and ${join(dir, 'y.yaml')} both describe the deployment with name "same"\n`,
        ],
        [
          ['-f', join(dir, 'empty')],
          `error: ${join(dir, 'empty')} holds no .json, .yaml or .yml file\n`,
        ],
        [
          ['-f', join(dir, 'nope')],
          `error: cannot read ${join(dir, 'nope')}: no such file or directory\n`,
        ],
        [[], 'error: give the desired state with -f FILE or -f DIR\n'],
        [
          ['-f', join(dir, 'x.yaml'), '--concurrency', '0'],
          'error: invalid --concurrency "0": give a whole number from 1 to 32\n',
        ],
      ];
      for (const verb of ['diff', 'apply'])
        for (const [args, stderr] of cases) {
          const r = await run(['deployments', verb, ...args], { env });
          assert.deepEqual(
            [r.code, r.stdout, r.stderr],
            [2, '', stderr],
            `${verb} ${args.join(' ')}`,
          );
        }
    });

    it('stdin with -f -', async () => {
      const stdin = memoryIO({
        out: () => {},
        err: () => {},
        stdin: 'name: piped\nresources: {}\n',
      });
      const read = await readDesired(stdin, ['-']);
      assert.deepEqual(read, [{ source: '<stdin>', doc: doc('piped') }]);
    });
  });
});
