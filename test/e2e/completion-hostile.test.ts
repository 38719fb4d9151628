// Completion offers names that come from the server: a hostile name must be
// offered, inserted and passed on as literal text in every shell, and never
// run (issue: bash's compgen -W ran `$(…)` in a deployment name).

import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import assert from '../helpers/assert.js';
import { tempDir } from '../helpers/cli.js';
import { BIN, ece, spawnProc } from '../helpers/e2e.js';
import { json, startServer, type TestServer } from '../helpers/server.js';
import { missingTmux, terminal } from '../helpers/tmux.js';

const has = (cmd: string) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;

describe('completion of hostile names', () => {
  let dir: string;
  let server: TestServer;
  let name: string;
  before(async () => {
    dir = tempDir('ece-complete-');
    name = `x-$(touch ${dir}/PWNED)*`;
    server = await startServer(
      (_req, res) =>
        json(res, 200, {
          deployments: [
            { id: 'a'.repeat(32), name, resources: [] },
            { id: 'b'.repeat(32), name: 'prod-logs', resources: [] },
          ],
        }),
      { contract: false },
    );
    // `ece` on PATH: completion runs the real binary; any other call records
    // the arguments it was given, one a line, so the test sees what Enter ran.
    writeFileSync(
      join(dir, 'ece'),
      `#!/bin/sh\nif [ "$1" = "__complete" ]; then exec '${process.execPath}' '${BIN}' "$@"; fi\nprintf '%s\\n' "$@" > '${dir}/args'; echo ECE-RAN\n`,
    );
    chmodSync(join(dir, 'ece'), 0o755);
    for (const shell of ['bash', 'zsh', 'fish']) {
      const r = await ece(['completion', shell]);
      assert.equal(r.code, 0);
      writeFileSync(join(dir, `completion.${shell}`), r.stdout);
    }
    writeFileSync(
      join(dir, '.zshrc'),
      `autoload -U compinit && compinit -u -D\nsource ${dir}/completion.zsh\n`,
    );
  });
  after(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const shells: [string, string[]][] = [
    ['bash', ['bash', '--noprofile', '--rcfile', 'completion.bash', '-i']],
    ['zsh', ['zsh', '-i']],
    ['fish', ['fish', '--no-config', '-C', 'source completion.fish']],
  ];
  for (const [shell, command] of shells) {
    const skip =
      missingTmux() ??
      (has(shell) ? false : `${shell} not installed (apt-get install -y ${shell})`);
    it(`${shell}: TAB offers the name as literal text, Enter passes it as one argument, nothing runs`, {
      skip,
    }, async () => {
      rmSync(join(dir, 'args'), { force: true });
      rmSync(join(dir, 'PWNED'), { force: true });
      const term = terminal(['sh', '-c', `cd '${dir}' && exec "$@"`, 'sh', ...command], {
        PATH: `${dir}:/usr/bin:/bin`,
        HOME: dir,
        ZDOTDIR: dir,
        TERM: 'xterm',
        ECE_HOST: server.url,
        ECE_API_KEY: 'completion-test-key',
        ECE_CONFIG_DIR: join(dir, 'config'),
      });
      try {
        await term.waitFor(/[$#>]$/m, 20_000);
        term.type('ece deployments show x');
        term.keys('Tab');
        // The quoted text is inserted on the command line.
        await term.waitFor('show x-\\$\\(touch', 20_000);
        term.keys('Enter');
        // The stand-in `ece` says it ran once it has written its arguments.
        await term.waitFor('ECE-RAN', 20_000);
        assert.deepEqual(readFileSync(join(dir, 'args'), 'utf8').split('\n'), [
          'deployments',
          'show',
          name,
          '',
        ]);
        assert.equal(existsSync(join(dir, 'PWNED')), false);
      } finally {
        term.kill();
      }
    });
  }

  it('bash: a prefix typed in quotes completes to the quoted name', async () => {
    // Asynchronous: the server answering the completion runs in this process.
    const r = await spawnProc(
      'bash',
      [
        '-c',
        `source '${dir}/completion.bash'; COMP_WORDS=(ece deployments show "$1"); COMP_CWORD=3; _ece_complete; printf '%s\\n' "\${COMPREPLY[@]}"`,
        'bash',
        "'x-$",
      ],
      {
        exactEnv: true,
        env: {
          PATH: `${dir}:/usr/bin:/bin`,
          HOME: dir,
          ECE_HOST: server.url,
          ECE_API_KEY: 'completion-test-key',
          ECE_CONFIG_DIR: join(dir, 'config'),
        },
      },
    );
    assert.equal(r.stderr, '');
    assert.equal(r.stdout, `x-\\$\\(touch\\ ${dir}/PWNED\\)\\*\n`);
    assert.equal(existsSync(join(dir, 'PWNED')), false);
  });
});
