// Issue 14, items 7 and 8: numbers and bytes survive every structured
// output exactly (or the command refuses), every structured output ends in
// exactly one newline, and a hostile nesting depth is a clear error.

import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import {
  JsonDepthError,
  JsonSyntaxError,
  LosslessNumber,
  parseLossless,
  stringifyLossless,
} from '../../src/lossless.js';
import assert from '../helpers/assert.js';
import { run } from '../helpers/cli.js';
import { startServer, type TestServer } from '../helpers/server.js';

const NUMBERS =
  '{"big":9007199254740993,"huge":1E400,"negzero":-0.0,"tiny":1e-400,"kept":[1.50,2,-7]}';

describe('the lossless parser', () => {
  it('keeps the numbers a JavaScript number would change, as their text', () => {
    const v = parseLossless(NUMBERS) as Record<string, unknown>;
    assert.deepEqual(v.big, new LosslessNumber('9007199254740993'));
    assert.deepEqual(v.huge, new LosslessNumber('1E400'));
    assert.deepEqual(v.negzero, new LosslessNumber('-0.0'));
    assert.deepEqual(v.tiny, new LosslessNumber('1e-400'));
    assert.deepEqual(v.kept, [1.5, 2, -7], '1.50 is the same value as 1.5');
    assert.equal(stringifyLossless(v), NUMBERS.replace('1.50', '1.5'));
    const text = parseLossless('[1.50,1e3]', { keep: 'text' });
    assert.equal(stringifyLossless(text), '[1.50,1e3]');
  });

  it('the quick scan sends every number that might change to the lossless path', () => {
    assert.deepEqual(
      parseLossless(
        '[123456789012345,1234567890123456,99999999999999999,0.1234567890123456789,-0,1e2,"-0 1e400"]',
      ),
      [
        123456789012345,
        1234567890123456,
        new LosslessNumber('99999999999999999'),
        new LosslessNumber('0.1234567890123456789'),
        new LosslessNumber('-0'),
        100,
        '-0 1e400',
      ],
    );
    assert.deepEqual(parseLossless('[1.5,2]', { keep: 'text' }), [1.5, 2]);
    assert.deepEqual(parseLossless('[1.50]', { keep: 'text' }), [new LosslessNumber('1.50')]);
  });

  it('is JSON.parse and JSON.stringify for everything else (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const text = JSON.stringify(v);
        assert.deepEqual(parseLossless(text), JSON.parse(text));
        assert.equal(
          stringifyLossless(parseLossless(text), 2),
          JSON.stringify(JSON.parse(text), null, 2),
        );
      }),
      { numRuns: 300 },
    );
    const proto = parseLossless('{"__proto__":{"x":1}}') as Record<string, unknown>;
    assert.equal(Object.getPrototypeOf(proto), Object.prototype);
    assert.deepEqual(Object.keys(proto), ['__proto__']);
  });

  it('refuses what JSON.parse refuses, and 100,000 levels of nesting without a stack overflow', () => {
    for (const bad of ['', '{', '[1,]', '{"a" 1}', '01', '"\\x"', 'nul', '[1] x', '"a\nb"'])
      assert.throws(() => parseLossless(bad), JsonSyntaxError, JSON.stringify(bad));
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    assert.throws(() => parseLossless(deep), JsonDepthError);
    const ok = `${'['.repeat(512)}${']'.repeat(512)}`;
    assert.equal(stringifyLossless(parseLossless(ok)), ok);
  });
});

describe('-o yaml, --query and --json against a server', () => {
  let server: TestServer;
  let body = NUMBERS;
  before(async () => {
    server = await startServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(body);
    });
  });
  after(() => server.close());
  const env = () => ({ ECE_HOST: server.url, ECE_API_KEY: 'lossless-test-key' });

  it('-o yaml keeps 9007199254740993, 1E400, -0.0 and 1.50 as written', async () => {
    body = NUMBERS;
    const r = await run(['api', '/platform', '-o', 'yaml'], { env: env() });
    assert.deepEqual(
      [r.code, r.stdout, r.stderr],
      [
        0,
        'big: 9007199254740993\nhuge: 1E400\nnegzero: -0.0\ntiny: 1e-400\nkept:\n  - 1.50\n  - 2\n  - -7\n',
        '',
      ],
    );
  });

  it('--query selects them exactly, and refuses to compare them (exit 2)', async () => {
    body = NUMBERS;
    const json = await run(['api', '/platform', '--query', '[big, huge, negzero]', '--json'], {
      env: env(),
    });
    assert.deepEqual(
      [json.code, json.stdout],
      [0, '[\n  9007199254740993,\n  1E400,\n  -0.0\n]\n'],
    );
    const tsv = await run(['api', '/platform', '--query', 'big', '-o', 'tsv'], { env: env() });
    assert.deepEqual([tsv.code, tsv.stdout], [0, '9007199254740993\n']);
    const cmp = await run(['api', '/platform', '--query', 'big > `1`', '--json'], { env: env() });
    assert.equal(cmp.code, 2);
    assert.match(
      cmp.stderr,
      /^error: --query "big > `1`" compares or computes, and the response holds numbers that JavaScript cannot hold exactly/,
    );
    body = '{"n":[3,1,2]}';
    const fine = await run(['api', '/platform', '--query', 'sort(n)', '--json'], { env: env() });
    assert.deepEqual([fine.code, fine.stdout], [0, '[\n  1,\n  2,\n  3\n]\n']);
  });

  it('a body nested 100,000 levels deep: -o yaml and --query fail in one line, exit 1', async () => {
    body = `{"a":${'['.repeat(100_000)}${']'.repeat(100_000)}}`;
    for (const argv of [
      ['-o', 'yaml'],
      ['--query', 'a'],
    ]) {
      const r = await run(['api', '/platform', ...argv], { env: env() });
      assert.deepEqual(
        [r.code, r.stdout, r.stderr],
        [
          1,
          '',
          'error: the response is nested more than 512 levels deep; ece cannot render or query it (--json prints it as it is)\n',
        ],
        argv.join(' '),
      );
    }
    const json = await run(['api', '/platform', '--json'], { env: env() });
    assert.deepEqual([json.code, json.stdout], [0, `${body}\n`]);
    // Just under the bound, objects in objects: YAML and JMESPath still cope.
    body = `${'{"a":'.repeat(511)}1${'}'.repeat(511)}`;
    for (const argv of [
      ['-o', 'yaml'],
      ['--query', 'a.a.a'],
    ]) {
      const r = await run(['api', '/platform', ...argv], { env: env() });
      assert.equal(r.code, 0, r.stderr);
    }
  });
});

describe('input files nested too deeply', () => {
  it('an invalid JSON file 100,000 levels deep is a usage error with its place, not a crash', async () => {
    const { parseDocument } = await import('../../src/input.js');
    await assert.rejects(
      () => parseDocument(`{"a":${'['.repeat(100_000)}x`, 'deep.json'),
      /^UsageError: deep\.json:1:1: invalid JSON: nested too deeply to read$/,
    );
  });

  it('a valid file nested past 512 levels is a usage error before anything recurses over it', async () => {
    const { parseDocument } = await import('../../src/input.js');
    const nested = (n: number) => `${'{"a":'.repeat(n)}1${'}'.repeat(n)}`;
    await assert.rejects(
      () => parseDocument(nested(5000), 'deep.json'),
      /^UsageError: deep\.json: nested more than 512 levels deep$/,
    );
    assert.ok(await parseDocument(nested(512), 'ok.json'));
  });
});

describe('table and TSV views', () => {
  it('print numbers JavaScript cannot hold as sent', async () => {
    const { listView } = await import('../../src/output/views.js');
    const { Renderer } = await import('../../src/output/render.js');
    const { memoryIO } = await import('../../src/output/memory-io.js');
    const { makeChalk } = await import('../../src/output/color.js');
    let out = '';
    const io = memoryIO({ out: (s) => (out += s) });
    const view = listView<{ id: string; n: unknown; o: unknown }>(
      (d) => (d as { items: { id: string; n: unknown; o: unknown }[] }).items,
      [
        ['ID', (i) => i.id],
        ['N', (i) => i.n],
        ['O', (i) => i.o],
      ],
      'none',
    );
    const renderer = new Renderer(io, {
      format: 'tsv',
      query: undefined,
      chalk: await makeChalk(0),
    });
    await renderer.body('{"items":[{"id":"a","n":9007199254740993,"o":{"x":-0.0}}]}', view);
    assert.equal(out, 'a\t9007199254740993\t{"x":-0.0}\n');
  });
});
