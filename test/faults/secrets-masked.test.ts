// Issue 14, item 6: every secret the run knows is masked in every line on
// stdout and stderr, except where the user asked for it; a secret given as
// a flag is warned about on a terminal.

import { after, before, describe, it } from 'node:test';
import assert from '../helpers/assert.js';
import { run } from '../helpers/cli.js';
import { startServer, type TestServer } from '../helpers/server.js';

const KEY = 'echoed-api-key-0123456789';

describe('secrets the run knows', () => {
  let server: TestServer;
  before(async () => {
    server = await startServer(
      (req, res) => {
        if (req.url.endsWith('/quiet')) {
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end('{}');
          return;
        }
        if (req.url.endsWith('/platform')) {
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ version: '3.8.0', note: `your key is ${KEY}` }));
          return;
        }
        res.writeHead(401, {
          'content-type': 'application/json',
          'x-cloud-error-codes': 'root.unauthenticated',
        });
        res.end(
          JSON.stringify({
            errors: [{ code: 'root.unauthenticated', message: `The API key ${KEY} is not valid` }],
          }),
        );
      },
      { contract: false },
    );
  });
  after(() => server.close());

  for (const [how, argv, env] of [
    ['from the environment', [], { ECE_API_KEY: KEY }],
    ['from --api-key', ['--api-key', KEY], {}],
  ] as const) {
    it(`a key ${how} that ECE echoes in an error is masked (exit 4)`, async () => {
      const r = await run(['deployments', 'list', ...argv], {
        env: { ECE_HOST: server.url, ...env },
      });
      assert.deepEqual(
        [r.code, r.stdout, r.stderr],
        [4, '', 'error: The API key ******** is not valid (root.unauthenticated)\n'],
      );
    });
  }

  it('a key echoed in a body is masked on stdout in every format', async () => {
    for (const fmt of [[], ['-o', 'json'], ['-o', 'yaml'], ['--query', 'note', '-o', 'table']]) {
      const r = await run(['api', '/platform', ...fmt], {
        env: { ECE_HOST: server.url, ECE_API_KEY: KEY },
      });
      assert.equal(r.code, 0, r.stderr);
      assert.ok(r.stdout.includes('your key is ********'), `${fmt.join(' ')}: ${r.stdout}`);
    }
  });

  it('a secret given as a flag is warned about on a terminal only, naming the alternative', async () => {
    const tty = await run(['api', '/quiet', '--api-key', KEY], {
      env: { ECE_HOST: server.url },
      tty: true,
    });
    assert.equal(
      tty.stderr,
      'warning: --api-key shows the key to every local user (ps, shell history); use ECE_API_KEY or --api-key-stdin\n',
    );
    const token = await run(['api', '/quiet', '--token', 'a-flag-token-value'], {
      env: { ECE_HOST: server.url },
      stderrTTY: true,
    });
    assert.equal(
      token.stderr,
      'warning: --token shows the token to every local user (ps, shell history); use ECE_TOKEN instead\n',
    );
    const piped = await run(['api', '/quiet', '--api-key', KEY], {
      env: { ECE_HOST: server.url },
    });
    assert.deepEqual([piped.code, piped.stderr], [0, '']);
  });
});
