// Prompts on a real terminal (tmux): what is typed at the password prompt is
// never on the screen; Ctrl-C leaves cleanly; confirmations can say no.

import { after, before, describe, it } from 'node:test';
import assert from '../helpers/assert.js';
import { tempDir } from '../helpers/cli.js';
import { BIN } from '../helpers/e2e.js';
import { type TestSandbox, testSandbox } from '../helpers/sandbox.js';
import { registerSecret } from '../helpers/secrets.js';
import { missingTmux, terminal } from '../helpers/tmux.js';

const missing = missingTmux();
if (missing) console.log(`# prompt tests ${missing}`);
const PASSWORD = 'tmux-typed-Pa55word';

describe('prompts on a terminal', { skip: missing }, () => {
  let t: TestSandbox;
  before(async () => {
    t = await testSandbox({ password: PASSWORD, deployments: 1 });
    registerSecret(PASSWORD, t.sb.apiKey);
  });
  after(() => t.close());

  const env = () => ({
    PATH: process.env.PATH ?? '',
    HOME: tempDir('ece-home-'),
    ECE_CONFIG_DIR: tempDir('ece-config-'),
    TERM: 'xterm',
  });

  it('login asks for username and a hidden password; the password never shows', async () => {
    const term = terminal(
      [process.execPath, BIN, 'login', '--host', t.sb.url, '--insecure-storage'],
      env(),
    );
    try {
      await term.waitFor('Username:');
      term.type('admin');
      term.keys('Enter');
      await term.waitFor('Password:');
      term.type(PASSWORD);
      const typing = term.screen();
      assert.ok(!typing.includes(PASSWORD) && !typing.includes('*****'), 'the password was echoed');
      term.keys('Enter');
      const screen = await term.waitFor(/EXIT=\d+/);
      assert.match(screen, /Username: admin\n/);
      assert.match(screen, /Password:\n/);
      assert.match(screen, /Signed in to http:\/\/127\.0\.0\.1:\d+ as admin with a session/);
      assert.match(screen, /EXIT=0/);
      assert.ok(!screen.includes(PASSWORD));
    } finally {
      term.kill();
    }
  });

  it('Ctrl-C at the password prompt exits 130 and gives the terminal back with echo on', async () => {
    const term = terminal(
      [
        'sh',
        '-c',
        `"$0" "$@"; code=$?; stty -a | grep -o -- '-\\?echo ' | head -1; exit $code`,
        process.execPath,
        BIN,
        'login',
        '--host',
        t.sb.url,
        '-u',
        'admin',
        '--insecure-storage',
      ],
      env(),
    );
    try {
      await term.waitFor('Password:');
      term.type('half');
      term.keys('C-c');
      const screen = await term.waitFor(/EXIT=\d+/);
      assert.match(screen, /error: interrupted\n/);
      assert.match(screen, /\necho\n/, 'echo is not back on (stty shows -echo)');
      assert.match(screen, /EXIT=130/);
    } finally {
      term.kill();
    }
  });

  it('a destructive command asks first; "n" cancels with exit 2', async () => {
    const term = terminal([process.execPath, BIN, 'auth', 'keys', 'delete', 'abc123'], {
      ...env(),
      ECE_HOST: t.sb.url,
      ECE_API_KEY: t.sb.apiKey,
    });
    try {
      await term.waitFor('Delete API key abc123? Anything using it stops working. [y/N]');
      term.type('n');
      term.keys('Enter');
      const screen = await term.waitFor(/EXIT=\d+/);
      assert.match(screen, /error: cancelled\n/);
      assert.match(screen, /EXIT=2/);
    } finally {
      term.kill();
    }
  });
});
