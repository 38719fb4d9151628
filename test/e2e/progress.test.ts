// --wait on a terminal (tmux): live progress lines per resource, final ticks,
// and a terminal left clean (cursor shown again), also after Ctrl-C.

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import assert from '../helpers/assert.js';
import { tempDir } from '../helpers/cli.js';
import { BIN } from '../helpers/e2e.js';
import { createRequest, useSandbox } from '../helpers/sandbox.js';
import { missingTmux, terminal } from '../helpers/tmux.js';

const missing = missingTmux();

describe('--wait progress on a terminal', { skip: missing }, () => {
  const t = useSandbox({ deployments: 0, planDurationMs: 2_000 });
  let file: string;
  before(async () => {
    file = join(tempDir('ece-defs-'), 'd.json');
    writeFileSync(file, JSON.stringify(createRequest('live')));
  });

  const env = () => ({
    PATH: process.env.PATH ?? '',
    HOME: tempDir('ece-home-'),
    TERM: 'xterm-256color',
    ECE_HOST: t.sb.url,
    ECE_API_KEY: t.sb.apiKey,
  });

  it('shows a line per resource while the plan runs and ticks when done', async () => {
    const term = terminal(
      [process.execPath, BIN, 'deployments', 'create', '-f', file, '--wait'],
      env(),
    );
    try {
      const during = await term.waitFor(/elasticsearch main-elasticsearch +\S+ +\d+(\.\d)?s/);
      assert.match(during, /kibana main-kibana +\S+/);
      assert.equal(term.cursorVisible(), false, 'the cursor is hidden while drawing');
      const screen = await term.waitFor(/EXIT=\d+/);
      assert.match(
        screen,
        /✓ elasticsearch main-elasticsearch {2}done in \d(\.\d)?s\n✓ kibana main-kibana +done in \d(\.\d)?s\nPlan finished in/,
      );
      assert.match(screen, /EXIT=0/);
      // No spinner frame is left behind, and each resource has exactly one line.
      assert.ok(!/[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏]/.test(screen), screen);
      assert.equal(screen.match(/main-elasticsearch {2}/g)?.length, 1);
      assert.equal(term.cursorVisible(), true, 'the cursor was not given back');
    } finally {
      term.kill();
    }
  });

  it('Ctrl-C stops waiting with exit 130, says the plan goes on, and leaves the cursor visible', async () => {
    const term = terminal(
      [
        process.execPath,
        BIN,
        'deployments',
        'create',
        '-f',
        file,
        '--name',
        'interrupted',
        '--wait',
      ],
      env(),
    );
    try {
      await term.waitFor(/main-kibana/);
      term.keys('C-c');
      const screen = await term.waitFor(/EXIT=\d+/);
      // The hint is longer than the 80-column terminal: compare it unwrapped.
      assert.match(
        screen.replace(/\n/g, ''),
        /error: stopped waiting; the plan goes on in ECE \(follow it with `ece deployments plan watch [0-9a-f]{32}`\)EXIT=130/,
      );
      assert.match(screen, /EXIT=130/);
      assert.equal(term.cursorVisible(), true);
    } finally {
      term.kill();
    }
  });
});
