// `deployments search`: --search takes the short syntax, --query is JMESPath
// (the old use of --query, the short syntax, still runs with a warning), and
// a page that holds fewer deployments than match says so on a terminal.

import { after, before, describe, it } from 'node:test';
import assert from '../helpers/assert.js';
import { run } from '../helpers/cli.js';
import { json, startServer, type TestServer } from '../helpers/server.js';

const A = 'a'.repeat(32);
const B = 'b'.repeat(32);
const hit = (id: string, name: string) => ({
  id,
  name,
  resources: { elasticsearch: [], kibana: [] },
});

describe('deployments search: --search, --query and the page note', () => {
  let server: TestServer;
  let env: Record<string, string>;
  before(async () => {
    // Two hits on the page, five matching in all.
    server = await startServer((_req, res) =>
      json(res, 200, {
        return_count: 2,
        match_count: 5,
        deployments: [hit(A, 'prod-a'), hit(B, 'prod-b')],
      }),
    );
    env = { ECE_HOST: server.url, ECE_API_KEY: 'search-flags-key' };
  });
  after(() => server.close());
  const sent = (from: number) =>
    server.requests.slice(from).map((r) => JSON.parse(r.body || '{}') as unknown);

  it("--query 'deployments[].id' is JMESPath: the ids, one search with no query", async () => {
    const from = server.requests.length;
    const r = await run(['deployments', 'search', '--query', 'deployments[].id'], { env });
    assert.deepEqual([r.code, r.stdout, r.stderr], [0, `${A}\n${B}\n`, '']);
    assert.deepEqual(sent(from), [{}]);
  });

  it('--search sends the short syntax as Query DSL; --query filters what it finds', async () => {
    const from = server.requests.length;
    const r = await run(
      ['deployments', 'search', '--search', 'name:prod*', '--query', 'deployments[0].name'],
      { env },
    );
    assert.deepEqual([r.code, r.stdout, r.stderr], [0, 'prod-a\n', '']);
    assert.deepEqual(sent(from), [{ query: { prefix: { 'name.keyword': { value: 'prod' } } } }]);
  });

  it('--query with the search syntax (not JMESPath) runs as before, with a deprecation note', async () => {
    const from = server.requests.length;
    const r = await run(['deployments', 'search', '--query', 'name:prod*', '--json'], { env });
    assert.equal(r.code, 0, r.stderr);
    assert.equal(JSON.parse(r.stdout).match_count, 5);
    assert.equal(r.stderr, 'warning: --query with the search syntax is deprecated: use --search\n');
    assert.deepEqual(sent(from), [{ query: { prefix: { 'name.keyword': { value: 'prod' } } } }]);
  });

  it('bad input is exit 2 naming the flag, nothing sent', async () => {
    const from = server.requests.length;
    for (const [argv, message] of [
      [
        ['--search', 'healthy:yes'],
        'invalid --search term "healthy:yes": healthy is true or false',
      ],
      [
        ['--search', 'x', '-f', 'q.json'],
        "option '-f, --file <file>' cannot be used with option '--search <terms>'",
      ],
      [
        ['--query', 'name:prod*', '--search', 'x'],
        '--query with the search syntax and --search cannot be used together',
      ],
      [['--query', 'deployments[?'], 'invalid --query "deployments[?": Invalid token (EOF): ""'],
    ] as const) {
      const r = await run(['deployments', 'search', ...argv], { env });
      assert.deepEqual(
        [r.code, r.stdout, r.stderr],
        [2, '', `error: ${message}\n`],
        argv.join(' '),
      );
    }
    assert.equal(server.requests.length, from);
  });

  it('on a terminal: "2 of 5 shown; --all for every page" on stderr; piped: nothing', async () => {
    const tty = await run(['deployments', 'search', '--query', 'deployments[].name'], {
      env,
      stderrTTY: true,
    });
    assert.deepEqual(
      [tty.code, tty.stdout, tty.stderr],
      [0, 'prod-a\nprod-b\n', '2 of 5 shown; --all for every page\n'],
    );
    const piped = await run(['deployments', 'search'], { env });
    assert.deepEqual([piped.code, piped.stderr], [0, '']);
    assert.equal(piped.stdout.trimEnd().split('\n').length, 2);
  });
});
