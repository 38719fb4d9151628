// Property tests with fast-check (bounded runs): random command lines from
// the real command tree end with a documented exit code, no stack trace and
// in time; random ids and paths never reach another endpoint.

import { after, before, describe, it } from 'node:test';
import type { Command } from 'commander';
import fc from 'fast-check';
import { apiPath } from '../../src/commands/api/index.js';
import { Context } from '../../src/context.js';
import { memoryIO } from '../../src/output/memory-io.js';
import { buildProgram } from '../../src/program.js';
import assert from '../helpers/assert.js';
import { run, tempDir } from '../helpers/cli.js';
import { eceError, json, startServer, type TestServer } from '../helpers/server.js';
import { stopwatch } from '../helpers/time.js';

const EXIT_CODES = new Set([0, 1, 2, 3, 4, 5, 6, 7, 8, 130]);
const ID = 'f'.repeat(32);

interface Leaf {
  path: string[];
  flags: string[];
}

async function commandTree(): Promise<Leaf[]> {
  const ctx = new Context({ io: memoryIO(), env: {} });
  const program = await buildProgram(ctx, [], { all: true });
  const leaves: Leaf[] = [];
  const walk = (cmd: Command, path: string[]) => {
    const flags = cmd.options.flatMap((o) => [o.long, o.short].filter((x): x is string => !!x));
    if (cmd.commands.length === 0) leaves.push({ path, flags });
    for (const sub of cmd.commands) walk(sub, [...path, sub.name()]);
  };
  walk(program, []);
  // The sandbox runs until a signal: it has tests of its own.
  return leaves.filter((l) => l.path[0] !== 'sandbox');
}

describe('fuzzing', () => {
  let server: TestServer;
  let leaves: Leaf[];
  before(async () => {
    server = await startServer(
      (req, res) => {
        if (req.url.startsWith('/api/v1/deployments/_search'))
          return json(res, 200, { return_count: 0, deployments: [] });
        eceError(res, 404, 'root.resource_not_found', 'not found');
      },
      { contract: false },
    );
    leaves = await commandTree();
    assert.ok(leaves.length > 30, `${leaves.length} commands`);
  });
  after(() => server.close());

  it('random command lines end with a documented exit code, no stack trace, in time', async () => {
    const globals = [
      '--json',
      '-o',
      'yaml',
      '--query',
      '--verbose',
      '--dry-run',
      '--no-color',
      '--timeout',
      '--profile',
      '-k',
    ];
    const token = fc.oneof(
      fc.constantFrom(
        ...globals,
        '--wait',
        '--yes',
        '-f',
        '-',
        '--all',
        '--size',
        ID,
        'elasticsearch',
        '1s',
        '0',
        '-1',
        '{}',
      ),
      fc.string({ maxLength: 12 }),
      fc.string({ unit: 'grapheme', maxLength: 6 }),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.nat({ max: 10_000 }),
        fc.array(token, { maxLength: 6 }),
        async (pick, extra) => {
          const leaf = leaves[pick % leaves.length] as Leaf;
          const flagTokens = extra.map((t, i) =>
            i % 2 === 0 && leaf.flags.length
              ? (leaf.flags[(pick + i) % leaf.flags.length] as string)
              : t,
          );
          const argv = [...leaf.path, ...flagTokens];
          const clock = stopwatch();
          const sentBefore = server.requests.length;
          const r = await run(argv, {
            env: {
              ECE_HOST: server.url,
              ECE_API_KEY: 'fuzz-key-0001',
              ECE_CONFIG_DIR: tempDir(),
              ECE_MAX_ATTEMPTS: '1',
            },
            stdin: '',
          });
          assert.ok(
            EXIT_CODES.has(r.code),
            `${JSON.stringify(argv)} exited ${r.code}: ${r.stderr}`,
          );
          // run() has already failed the test on a stack trace or a leaked secret.
          clock.atMost(1_000, JSON.stringify(argv));
          if (r.code !== 0) assert.match(r.stderr, /^(error|warning|note): |^(?!\s)/m);
          // A dry run sends reads only (GET, or a search): never a write.
          if (argv.includes('--dry-run')) {
            const writes = server.requests
              .slice(sentBefore)
              .filter((q) => q.method !== 'GET' && !q.url.split('?')[0]?.endsWith('/_search'));
            assert.deepEqual(writes, [], `${JSON.stringify(argv)} sent a write in a dry run`);
          }
        },
      ),
      { numRuns: 150, seed: 20261129, endOnFailure: true },
    );
  });

  it('a random ref_id reaches the intended endpoint, percent-encoded, never another one', async () => {
    const nasty = fc.oneof(
      fc.string({ unit: 'grapheme', minLength: 1, maxLength: 10 }),
      fc.constantFrom(
        '..',
        '.',
        '../..',
        'a/b',
        'a?b=c',
        'a#frag',
        '%2e%2e',
        '%',
        'x y',
        'é',
        '\u0007',
        'main-kibana',
      ),
    );
    await fc.assert(
      fc.asyncProperty(nasty, async (ref) => {
        fc.pre(ref.trim() !== '' && !ref.startsWith('-'));
        const before = server.requests.length;
        const r = await run(['deployments', 'restart', ID, '--kind', 'kibana', '--ref-id', ref], {
          env: { ECE_HOST: server.url, ECE_API_KEY: 'fuzz-key-0001', ECE_MAX_ATTEMPTS: '1' },
        });
        assert.ok(EXIT_CODES.has(r.code));
        const sent = server.requests.slice(before);
        // A step in a path is refused before sending (src/api/path.ts).
        if (ref === '.' || ref === '..') {
          assert.deepEqual([r.code, sent.length], [2, 0], JSON.stringify(ref));
          return;
        }
        assert.equal(sent.length, 1, `${JSON.stringify(ref)}: ${r.stderr}`);
        assert.equal(
          sent[0]?.url,
          `/api/v1/deployments/${ID}/kibana/${encodeURIComponent(ref)}/_restart`,
        );
      }),
      { numRuns: 120, seed: 42 },
    );
  });

  it('a random `ece api` path is refused or sent as given under /api/v1, never elsewhere', async () => {
    const segment = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 8 }),
      fc.constantFrom(
        '..',
        '.',
        '%2e%2e',
        'deployments',
        '_search',
        '?a=b',
        '#x',
        '%',
        'é',
        ' ',
        '\u0000',
      ),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(segment, { minLength: 1, maxLength: 4 }), async (parts) => {
        const path = `/${parts.join('/')}`;
        const before = server.requests.length;
        const r = await run(['api', path], {
          env: { ECE_HOST: server.url, ECE_API_KEY: 'fuzz-key-0001', ECE_MAX_ATTEMPTS: '1' },
        });
        assert.ok(EXIT_CODES.has(r.code), `${JSON.stringify(path)} exited ${r.code}: ${r.stderr}`);
        const sent = server.requests.slice(before);
        if (r.code === 2) {
          assert.equal(sent.length, 0);
          return;
        }
        assert.equal(sent.length, 1, `${JSON.stringify(path)}: ${r.stderr}`);
        const url = sent[0]?.url ?? '';
        assert.ok(url.startsWith('/api/v1/') || url === '/api/v1', url);
        assert.equal(url, `/api/v1${apiPath(path)}`);
        assert.ok(
          !/(^|\/)\.\.?(\/|$|\?)/.test(url.split('?')[0] ?? ''),
          `a dot segment went out: ${url}`,
        );
      }),
      { numRuns: 150, seed: 7 },
    );
  });
});
