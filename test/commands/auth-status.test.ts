// `ece auth status` without a credential says "not signed in" once (issue 15).

import { describe, it } from 'node:test';
import assert from '../helpers/assert.js';
import { run } from '../helpers/cli.js';

describe('auth status, not signed in', () => {
  it('names the reason once, on stdout, and exits 4', async () => {
    const r = await run(['auth', 'status'], { env: { ECE_HOST: 'http://127.0.0.1:9' } });
    assert.deepEqual(
      [r.code, r.stdout, r.stderr],
      [
        4,
        'Profile:  default (active)\nHost:     http://127.0.0.1:9\nMethod:   -\nUser:     -\nStatus:   not signed in: run `ece login`, or set ECE_API_KEY or ECE_TOKEN\n',
        '',
      ],
    );
  });
});
