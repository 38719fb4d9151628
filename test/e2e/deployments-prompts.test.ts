// The deployment questions of issue 15 on a real terminal (tmux), with the
// built binary: stop of Elasticsearch and update --prune-orphans ask first,
// and "n" cancels with exit 2, nothing sent.

import { join } from 'node:path';
import { describe, it } from 'node:test';
import { IDS, useSmallThings } from '../deployments/small-things-fixtures.js';
import assert from '../helpers/assert.js';
import { tempDir } from '../helpers/cli.js';
import { BIN } from '../helpers/e2e.js';
import { missingTmux, terminal } from '../helpers/tmux.js';

describe('deployment questions on a terminal', () => {
  const t = useSmallThings();
  const { env, writes } = t;

  const missing = missingTmux();
  /** Waits for the question; the 120-column terminal may wrap it. */
  const asked = async (term: ReturnType<typeof terminal>, question: string) => {
    const screen = await term.waitFor('[y/N]');
    assert.ok(screen.replace(/\n/g, '').includes(question), screen);
  };
  const onTerminal = (argv: string[]) =>
    terminal([process.execPath, BIN, ...argv], {
      PATH: process.env.PATH ?? '',
      HOME: tempDir('ece-home-'),
      ECE_CONFIG_DIR: tempDir('ece-config-'),
      TERM: 'xterm',
      ...env,
    });

  it('on a terminal, stop of Elasticsearch asks first; "n" cancels with exit 2', {
    skip: missing,
  }, async () => {
    const start = t.server.requests.length;
    const term = onTerminal(['deployments', 'stop', IDS[0]]);
    try {
      await asked(
        term,
        `Stop every instance of elasticsearch main-elasticsearch in deployment ${IDS[0]}? Its data is unavailable until it starts again. [y/N]`,
      );
      term.type('n');
      term.keys('Enter');
      const screen = await term.waitFor(/EXIT=\d+/);
      assert.match(screen, /error: cancelled\n/);
      assert.match(screen, /EXIT=2/);
    } finally {
      term.kill();
    }
    assert.deepEqual(writes(start), []);
  });

  it('on a terminal, update --prune-orphans names the resources in its question', {
    skip: missing,
  }, async () => {
    const start = t.server.requests.length;
    const term = onTerminal([
      'deployments',
      'update',
      IDS[0],
      '-f',
      join(t.dir, 'u.json'),
      '--prune-orphans',
    ]);
    try {
      await asked(
        term,
        `Shut down kibana main-kibana, apm main-apm of deployment ${IDS[0]}? The definition leaves them out. [y/N]`,
      );
      term.type('n');
      term.keys('Enter');
      const screen = await term.waitFor(/EXIT=\d+/);
      assert.match(screen, /EXIT=2/);
    } finally {
      term.kill();
    }
    assert.deepEqual(writes(start), []);
  });
});
