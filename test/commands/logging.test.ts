// `ece logging <component> show|set|update|delete`: each verb's request for
// each component checked against the spec (no server), then the verbs
// against the sandbox, in-process: exact stdout, stderr and exit codes.

import { describe, it } from 'node:test';
import { COMPONENTS } from '../../src/commands/logging/components.js';
import { reset } from '../../src/commands/logging/delete.js';
import { set } from '../../src/commands/logging/set.js';
import { show } from '../../src/commands/logging/show.js';
import { update } from '../../src/commands/logging/update.js';
import assert from '../helpers/assert.js';
import { run } from '../helpers/cli.js';
import { planOf } from '../helpers/plan.js';
import { useSandbox } from '../helpers/sandbox.js';
import { findOperation, requestViolations, responseViolations } from '../helpers/spec.js';

const url = (path: string) => `http://x/api/v1${path}`;

describe('logging: the requests, against the spec', () => {
  for (const c of COMPONENTS) {
    it(`${c.name}: set PUTs, update PATCHes, delete DELETEs …/${c.path}/{id}/logging_settings`, async () => {
      assert.equal(show(c).effect, 'read');
      const path = `/platform/infrastructure/${c.path}/192.168.44.10/logging_settings`;
      const s = await planOf(set(c), {
        id: '192.168.44.10',
        level: ['com.elastic=debug', 'root=WARN'],
      });
      const u = await planOf(update(c), {
        id: '192.168.44.10',
        level: ['com.elastic=default', 'x.y=TRACE'],
      });
      const d = await planOf(reset(c), { id: '192.168.44.10' });
      const writes = [s, u, d].map((p) => p.plan.writes?.[0]);
      assert.deepEqual(
        writes.map((w) => [w?.method, w?.path, w?.body]),
        [
          ['PUT', path, { logging_levels: { 'com.elastic': 'DEBUG', root: 'WARN' } }],
          ['PATCH', path, { logging_levels: { 'com.elastic': null, 'x.y': 'TRACE' } }],
          ['DELETE', path, undefined],
        ],
      );
      for (const w of writes) {
        assert.ok(findOperation(w?.method ?? '', url(w?.path ?? '')), `${w?.method} ${w?.path}`);
        assert.deepEqual(requestViolations(w?.method ?? '', url(w?.path ?? ''), w?.body), []);
      }
      assert.deepEqual(
        [set(c).effect, update(c).effect, reset(c).effect],
        ['write', 'write', 'write'],
      );
      assert.equal(
        s.plan.done,
        `Set the logging levels of ${c.noun} 192.168.44.10: 2 loggers overridden, the others at their defaults.`,
      );
    });
  }

  it('set and update check the levels before any request (exit 2)', async () => {
    const c = COMPONENTS[0];
    assert.ok(c);
    await assert.rejects(planOf(set(c), { id: 'a', level: ['x=LOUD'] }), {
      message: 'invalid level "LOUD" for x: use OFF, ERROR, WARN, INFO, DEBUG, TRACE, ALL',
    });
    await assert.rejects(planOf(set(c), { id: 'a', level: ['x=default'] }), {
      message: 'invalid level "default" for x: use OFF, ERROR, WARN, INFO, DEBUG, TRACE, ALL',
    });
    await assert.rejects(planOf(update(c), { id: 'a', level: ['=DEBUG'] }), {
      message: 'invalid --level "=DEBUG": use NAME=LEVEL (com.example=DEBUG)',
    });
    await assert.rejects(planOf(set(c), { id: 'a', level: [] }), {
      message: 'give the levels with -f FILE or --level NAME=LEVEL',
    });
    await assert.rejects(
      planOf(update(c), { id: 'a', level: [], file: '-' }, { stdin: '{"logging_levels": []}' }),
      {
        message: '<stdin>: expected {"logging_levels": {NAME: LEVEL, …}}',
      },
    );
  });
});

describe('logging against the sandbox', () => {
  const t = useSandbox();
  const env = t.env;

  it('show, set, update, delete on a runner; --json is the body; a dry run sends nothing', async () => {
    const empty = await run(['logging', 'runners', 'show', '192.168.44.11'], { env, tty: true });
    assert.deepEqual(
      [empty.code, empty.stdout, empty.stderr],
      [0, '', 'No logging levels overridden on runner 192.168.44.11: the defaults apply.\n'],
    );
    const setRun = await run(
      ['logging', 'runners', 'set', '192.168.44.11', '-f', '-', '--level', 'root=info'],
      { env, stdin: '{"logging_levels": {"com.elastic.cloud": "DEBUG"}}' },
    );
    assert.deepEqual(
      [setRun.code, setRun.stdout, setRun.stderr],
      [
        0,
        '',
        'Set the logging levels of runner 192.168.44.11: 2 loggers overridden, the others at their defaults.\n',
      ],
    );
    const table = await run(['logging', 'runners', 'show', '192.168.44.11'], { env });
    assert.equal(table.stdout, 'com.elastic.cloud\tDEBUG\nroot\tINFO\n');
    const patched = await run(
      [
        'logging',
        'runner',
        'update',
        '192.168.44.11',
        '--level',
        'root=default',
        '--level',
        'a.b=trace',
        '--json',
      ],
      { env },
    );
    assert.deepEqual(
      [patched.code, JSON.parse(patched.stdout), patched.stderr],
      [
        0,
        { logging_levels: { 'com.elastic.cloud': 'DEBUG', 'a.b': 'TRACE' } },
        'Updated the logging levels of runner 192.168.44.11: root, a.b.\n',
      ],
    );
    const dry = await run(['logging', 'runners', 'reset', '192.168.44.11', '--dry-run'], { env });
    assert.equal(dry.code, 0);
    assert.match(
      dry.stdout,
      /-X DELETE .*\/api\/v1\/platform\/infrastructure\/runners\/192\.168\.44\.11\/logging_settings/,
    );
    const json = await run(['logging', 'runners', 'show', '192.168.44.11', '--json'], { env });
    assert.equal(json.stdout, '{"logging_levels":{"com.elastic.cloud":"DEBUG","a.b":"TRACE"}}\n');
    const del = await run(['logging', 'runners', 'delete', '192.168.44.11'], { env });
    assert.deepEqual(
      [del.code, del.stdout, del.stderr],
      [0, '', 'Reset the logging levels of runner 192.168.44.11 to the defaults.\n'],
    );
    const after = await run(['logging', 'runners', 'show', '192.168.44.11', '--json'], { env });
    assert.equal(after.stdout, '{"logging_levels":{}}\n');
  });

  it('every component answers; an unknown id is exit 3, a bad level exit 2 before any request', async () => {
    for (const c of ['allocators', 'constructors', 'admin-consoles']) {
      const r = await run(
        ['logging', c, 'update', '192.168.44.10', '--level', 'root=ERROR', '--json'],
        { env },
      );
      assert.deepEqual([r.code, r.stdout], [0, '{"logging_levels":{"root":"ERROR"}}\n'], c);
    }
    const missing = await run(['logging', 'constructors', 'show', '192.168.44.12'], { env });
    assert.deepEqual(
      [missing.code, missing.stderr],
      [
        3,
        'error: The logging settings for [192.168.44.12] were not found (constructors.logging_settings.not_found)\n',
      ],
    );
    const before = t.exchanges.length;
    const bad = await run(
      ['logging', 'allocators', 'set', '192.168.44.10', '--level', 'root=LOUD'],
      { env },
    );
    assert.deepEqual(
      [bad.code, bad.stderr],
      [2, 'error: invalid level "LOUD" for root: use OFF, ERROR, WARN, INFO, DEBUG, TRACE, ALL\n'],
    );
    assert.equal(t.exchanges.length, before);
  });

  it("the sandbox's answers validate against the spec", () => {
    const mine = t.exchanges.filter((e) => e.template?.endsWith('/logging_settings'));
    assert.ok(mine.length > 10);
    for (const e of mine)
      assert.deepEqual(
        responseViolations(e.method, url(e.url.replace(/^\/api\/v1/, '')), e.status, e.body),
        [],
        `${e.method} ${e.url}`,
      );
  });
});
