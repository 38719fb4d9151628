// `ece coordinators …` and `ece security deployment …` against the sandbox:
// exact output, exit codes, and each write's exact request checked against
// the spec.

import { describe, it } from 'node:test';
import assert from '../helpers/assert.js';
import { run } from '../helpers/cli.js';
import { useSandbox } from '../helpers/sandbox.js';
import { requestViolations } from '../helpers/spec.js';

const COORD = '/api/v1/platform/infrastructure/coordinators';

describe('coordinators against the sandbox', () => {
  const t = useSandbox({ deployments: 0 });
  const env = t.env;
  const sent = (method: string, url: string, body?: unknown) => {
    const w = t.exchanges.filter((e) => e.method !== 'GET').at(-1);
    assert.deepEqual([w?.method, w?.url, w?.requestBody], [method, url, body]);
    assert.deepEqual(requestViolations(method, url, body), []);
  };
  const three = [10, 11, 12]
    .map((n, i) => `192.168.44.${n}\tece-host-${i + 1}.ece.local\t2191\t2888\t3888\n`)
    .join('');

  it('list, candidates, promote, demote (asks), delete a candidate (asks)', async () => {
    const list = await run(['coordinators', 'list'], { env });
    assert.deepEqual([list.code, list.stdout, list.stderr], [0, three, '']);
    const show = await run(['coordinators', 'show', '192.168.44.11'], { env });
    assert.equal(
      show.stdout,
      'id\t192.168.44.11\nhost\tece-host-2.ece.local\nclient_port\t2191\nleader_port\t2888\nelection_port\t3888\n',
    );
    const cands = await run(['coordinators', 'candidates', 'list'], { env });
    assert.equal(cands.stdout, '192.168.44.13\tece-host-4.ece.local\tpending\t4\n');
    const one = await run(['coordinators', 'candidate', 'show', '192.168.44.13', '--json'], {
      env,
    });
    assert.equal(JSON.parse(one.stdout).state, 'pending');
    const dry = await run(['coordinators', 'promote', '192.168.44.13', '--dry-run'], { env });
    assert.match(dry.stdout, /-X POST http:\/\/[^ ]+\/candidates\/192\.168\.44\.13\/_promote /);
    const promote = await run(['coordinators', 'promote', '192.168.44.13'], { env });
    assert.deepEqual(
      [promote.code, promote.stdout, promote.stderr],
      [0, '', 'Promoting coordinator candidate 192.168.44.13.\n'],
    );
    sent('POST', `${COORD}/candidates/192.168.44.13/_promote`);
    const four = await run(['coordinators', 'list'], { env });
    assert.equal(four.stdout, `${three}192.168.44.13\tece-host-4.ece.local\t2191\t2888\t3888\n`);
    const none = await run(['coordinators', 'candidates', 'list'], { env, tty: true });
    assert.deepEqual([none.stdout, none.stderr], ['', 'No coordinator candidates.\n']);
    const noTty = await run(['coordinators', 'demote', '192.168.44.13'], { env });
    assert.deepEqual(
      [noTty.code, noTty.stderr],
      [2, 'error: this needs confirmation: pass --yes to run it without a terminal\n'],
    );
    const missing = await run(['coordinators', 'demote', '10.9.9.9', '--yes'], { env });
    assert.deepEqual(
      [missing.code, missing.stderr],
      [3, 'error: Unable to find coordinator [10.9.9.9] (coordinators.coordinator_not_found)\n'],
    );
    const demote = await run(['coordinators', 'demote', '192.168.44.13', '--yes'], { env });
    assert.deepEqual([demote.code, demote.stderr], [0, 'Demoted coordinator 192.168.44.13.\n']);
    sent('POST', `${COORD}/192.168.44.13/_demote`);
    const del = await run(['coordinators', 'candidates', 'rm', '192.168.44.13', '--yes'], { env });
    assert.deepEqual([del.code, del.stderr], [0, 'Deleted coordinator candidate 192.168.44.13.\n']);
    sent('DELETE', `${COORD}/candidates/192.168.44.13`);
    const gone = await run(['coordinators', 'promote', '192.168.44.13'], { env });
    assert.deepEqual(
      [gone.code, gone.stderr],
      [
        3,
        'error: Unable to find coordinator candidate [192.168.44.13] (coordinators.candidate_not_found)\n',
      ],
    );
  });
});

describe('security deployment against the sandbox', () => {
  const t = useSandbox({ deployments: 0 });
  const env = t.env;
  const PATH = '/api/v1/platform/configuration/security/deployment';

  it('show, create (one exists: exit 5), update a size; an upgrade asks', async () => {
    const show = await run(['security', 'deployment', 'show', '--query', '[name, status]'], {
      env,
    });
    assert.deepEqual([show.code, show.stdout], [0, 'security-cluster\nstarted\n']);
    const create = await run(['security', 'deployment', 'create', '--size', '1024'], { env });
    assert.deepEqual(
      [create.code, create.stderr],
      [5, 'error: The security deployment already exists (security_deployment.already_exists)\n'],
    );
    const last = t.exchanges.at(-1);
    assert.deepEqual(
      [last?.method, last?.url, last?.requestBody],
      ['POST', PATH, { topology: { size: { resource: 'memory', value: 1024 } } }],
    );
    const resize = await run(
      ['security', 'deployment', 'update', '--size', '2048', '--zones', '2'],
      {
        env,
      },
    );
    assert.deepEqual(
      [resize.code, resize.stderr],
      [0, 'Updating the security deployment (ece security deployment show follows it).\n'],
    );
    const body = { topology: { size: { resource: 'memory', value: 2048 }, zone_count: 2 } };
    const put = t.exchanges.at(-1);
    assert.deepEqual([put?.method, put?.url, put?.requestBody], ['PUT', PATH, body]);
    assert.deepEqual(requestViolations('PUT', PATH, body), []);
    const after = await run(['security', 'deployment', 'show', '--query', 'has_pending_plan'], {
      env,
    });
    assert.equal(after.stdout, 'true\n');
    const upgrade = await run(['security', 'deployment', 'update', '--version', '8.15.1'], { env });
    assert.deepEqual(
      [upgrade.code, upgrade.stderr],
      [2, 'error: this needs confirmation: pass --yes to run it without a terminal\n'],
    );
    for (const [argv, message] of [
      [[], 'nothing to update: give --version, --size or --zones'],
      [['--zones', '4'], 'invalid --zones "4": expected a whole number from 1 to 3'],
      [['--size', '1g'], 'invalid --size "1g": expected a whole number from 1'],
    ] as const) {
      const r = await run(['security', 'deployment', 'update', ...argv], { env });
      assert.deepEqual([r.code, r.stderr], [2, `error: ${message}\n`]);
    }
  });

  it('an installation without one: show is exit 3', async () => {
    const sb = await import('../helpers/sandbox.js');
    const other = await sb.testSandbox({ deployments: 0, systemDeployments: false });
    try {
      const r = await run(['security', 'deployment', 'show'], {
        env: other.env,
      });
      assert.deepEqual(
        [r.code, r.stderr],
        [3, 'error: There is no security deployment (security_deployment.not_found)\n'],
      );
    } finally {
      await other.close();
    }
  });
});
