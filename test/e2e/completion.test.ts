// Completion scripts in real shells, with the real binary on PATH.

import { spawnSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import assert from '../helpers/assert.js';
import { tempDir } from '../helpers/cli.js';
import { BIN, ece, spawnProc } from '../helpers/e2e.js';
import { useSandbox } from '../helpers/sandbox.js';
import { stopwatch } from '../helpers/time.js';

const has = (cmd: string) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;

describe('shell completion', () => {
  const t = useSandbox({ deployments: 2 });
  let bin: string;
  let scripts: string;
  before(async () => {
    bin = tempDir('ece-bin-');
    symlinkSync(BIN, join(bin, 'ece'));
    scripts = tempDir('ece-completion-');
    mkdirSync(scripts, { recursive: true });
    for (const shell of ['bash', 'zsh', 'fish']) {
      const r = await ece(['completion', shell]);
      assert.equal(r.code, 0);
      writeFileSync(join(scripts, shell), r.stdout);
    }
  });

  // Asynchronous: the sandbox answering the completion runs in this process.
  const bash = async (words: string[], extraEnv: Record<string, string> = {}) => {
    const script = `source ${join(scripts, 'bash')}; COMP_WORDS=(${words.map((w) => `'${w}'`).join(' ')}); COMP_CWORD=${words.length - 1}; _ece_complete; printf '%s\\n' "\${COMPREPLY[@]}"`;
    const r = await spawnProc('bash', ['-c', script], {
      env: { PATH: `${bin}:${process.env.PATH}`, HOME: tempDir('ece-home-'), ...extraEnv },
    });
    return r.stdout.trim().split('\n').filter(Boolean);
  };

  it('bash: ece dep<TAB> completes to deployments', async () => {
    assert.deepEqual(await bash(['ece', 'dep']), ['deployments']);
  });

  it('bash: ece deployments <TAB> lists its verbs', async () => {
    assert.deepEqual(await bash(['ece', 'deployments', '']), [
      'list',
      'show',
      'search',
      'create',
      'update',
      'shutdown',
      'restore',
      'delete',
      'restart',
      'stop',
      'start',
      'plan',
      'export',
      'diff',
      'apply',
      'resize',
      'upgrade',
      'versions',
      'reset-password',
      'reset-apm-token',
      'enable-ilm',
      'enable-slm',
      'enable-ccr',
      'certificate-authority',
      'upgrade-assistant',
      'migrate-template',
      'appsearch-read-only',
      'es',
      'instances',
      'resync',
      'keystore',
      'remote-clusters',
      'resource',
    ]);
  });

  it('bash: flags at any depth, formats after -o, kinds after --kind', async () => {
    assert.ok((await bash(['ece', 'deployments', 'create', '--wa'])).includes('--wait'));
    assert.ok((await bash(['ece', 'deployments', 'create', '--wa'])).includes('--wait-timeout'));
    assert.deepEqual(await bash(['ece', 'deployments', 'list', '-o', '']), [
      'table',
      'tsv',
      'wide',
      'json',
      'yaml',
    ]);
    assert.deepEqual(await bash(['ece', 'deployments', 'restart', 'x', '--kind', 'ki']), [
      'kibana',
    ]);
    assert.deepEqual(await bash(['ece', 'auth', 'keys', '']), ['list', 'show', 'create', 'delete']);
  });

  it('bash: deployment names and ids come from the API', async () => {
    const env = t.env;
    assert.deepEqual(await bash(['ece', 'deployments', 'show', 'prod'], env), ['prod-logs']);
    // 2 seeded and the installation's 3 system deployments: a name and an id each.
    assert.equal((await bash(['ece', 'deployments', 'show', ''], env)).length, 10);
  });

  it('bash: an unreachable API completes nothing, quickly and silently', async () => {
    const clock = stopwatch();
    assert.deepEqual(
      await bash(['ece', 'deployments', 'show', 'x'], {
        ECE_HOST: 'http://127.0.0.1:9',
        ECE_API_KEY: 'k',
      }),
      [],
    );
    clock.atMost(1_000, 'completing against an unreachable API');
  });

  it('profile names after --profile', async () => {
    const config = tempDir('ece-config-');
    writeFileSync(
      join(config, 'config.json'),
      JSON.stringify({ profiles: { lab: {}, prod: {} } }),
      {
        mode: 0o600,
      },
    );
    assert.deepEqual(await bash(['ece', '--profile', ''], { ECE_CONFIG_DIR: config }), [
      'lab',
      'prod',
    ]);
  });

  it('zsh parses the script', {
    skip: has('zsh') ? false : 'zsh not installed (apt-get install -y zsh)',
  }, () => {
    const r = spawnSync('zsh', ['-n', join(scripts, 'zsh')], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
  });

  it('fish parses the script', {
    skip: has('fish') ? false : 'fish not installed (apt-get install -y fish)',
  }, () => {
    const r = spawnSync('fish', ['-n', join(scripts, 'fish')], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
  });

  it('an unknown shell is exit 2', async () => {
    const r = await ece(['completion', 'tcsh']);
    assert.deepEqual(
      [r.code, r.stderr],
      [2, 'error: unknown shell "tcsh" (valid: bash, zsh, fish)\n'],
    );
  });
});
