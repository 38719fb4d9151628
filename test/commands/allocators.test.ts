// `ece allocators list|show|maintenance` against the sandbox: exact piped and
// terminal output, --json as sent, maintenance as a planned write.

import { describe, it } from 'node:test';
import assert from '../helpers/assert.js';
import { run } from '../helpers/cli.js';
import { useSandbox } from '../helpers/sandbox.js';

const INSTANCES = ['admin-console-elasticsearch', 'logging-and-metrics', 'security-cluster'];

describe('allocators', () => {
  const t = useSandbox({ deployments: 2 });
  const env = t.env;

  it('list: one TSV row per allocator, in the columns of the table', async () => {
    const r = await run(['allocators', 'list'], { env });
    assert.deepEqual(
      [r.code, r.stdout, r.stderr],
      [
        0,
        '192.168.44.10\tece-zone-1\tece-host-1.ece.local\t25600\t65536\t10\tyes\tno\n' +
          '192.168.44.11\tece-zone-2\tece-host-2.ece.local\t20480\t65536\t5\tyes\tno\n' +
          '192.168.44.12\tece-zone-3\tece-host-3.ece.local\t0\t65536\t0\tyes\tno\n',
        '',
      ],
    );
  });

  it('show piped: the fields, then an "instance" line per instance', async () => {
    const r = await run(['allocators', 'show', '192.168.44.11'], { env });
    assert.deepEqual([r.code, r.stderr], [0, '']);
    assert.equal(
      r.stdout,
      `id\t192.168.44.11
zone\tece-zone-2
host\tece-host-2.ece.local
memory_used_mb\t20480
memory_total_mb\t65536
instances\t5
healthy\tyes
maintenance\tno
${[...INSTANCES, 'prod-logs', 'search-staging']
  .map((d) => `instance\tinstance-0000000001\telasticsearch\t${d}\t4096\n`)
  .join('')}`,
    );
  });

  it('show on a terminal: the fields, then a table of the instances', async () => {
    const r = await run(['allocators', 'show', '192.168.44.11', '--no-color'], {
      env,
      tty: true,
    });
    assert.equal(r.code, 0);
    assert.equal(
      r.stdout,
      `FIELD            VALUE
id               192.168.44.11
zone             ece-zone-2
host             ece-host-2.ece.local
memory_used_mb   20480
memory_total_mb  65536
instances        5
healthy          yes
maintenance      no

INSTANCE             KIND           DEPLOYMENT                   MEMORY_MB
instance-0000000001  elasticsearch  admin-console-elasticsearch  4096
instance-0000000001  elasticsearch  logging-and-metrics          4096
instance-0000000001  elasticsearch  security-cluster             4096
instance-0000000001  elasticsearch  prod-logs                    4096
instance-0000000001  elasticsearch  search-staging               4096
`,
    );
  });

  it('show --json is the body as sent; an allocator with no instances has no instance lines', async () => {
    const j = await run(['allocators', 'show', '192.168.44.12', '--json'], { env });
    assert.equal(j.stdout, `${JSON.stringify(t.exchanges.at(-1)?.body)}\n`);
    const r = await run(['allocators', 'show', '192.168.44.12'], { env });
    assert.match(r.stdout, /\ninstances\t0\nhealthy\tyes\nmaintenance\tno\n$/);
    const missing = await run(['allocators', 'show', '10.0.0.1'], { env });
    assert.deepEqual(
      [missing.code, missing.stdout, missing.stderr],
      [3, '', 'error: no allocator has the id or name "10.0.0.1"\n'],
    );
  });

  it('show by host name: a 404 on the id, then one search on the host fields', async () => {
    const before = t.exchanges.length;
    const j = await run(['allocators', 'show', 'ece-host-3.ece.local', '--json'], { env });
    assert.deepEqual([j.code, j.stderr], [0, '']);
    assert.equal(j.stdout, `${JSON.stringify(t.exchanges.at(-1)?.body)}\n`);
    assert.deepEqual(
      t.exchanges.slice(before).map((x) => `${x.method} ${x.url} ${x.status}`),
      [
        'GET /api/v1/platform/infrastructure/allocators/ece-host-3.ece.local 404',
        'POST /api/v1/platform/infrastructure/allocators/_search 200',
        'GET /api/v1/platform/infrastructure/allocators/192.168.44.12 200',
      ],
    );
  });

  it('maintenance --dry-run prints the POST as curl and sends nothing', async () => {
    const before = t.exchanges.length;
    const r = await run(['allocators', 'maintenance', '192.168.44.11', 'on', '--dry-run'], {
      env,
    });
    assert.equal(r.code, 0, r.stderr);
    assert.match(
      r.stdout,
      new RegExp(
        `^printf .* \\| curl -sS -g -K - -X POST ${t.sb.url}/api/v1/platform/infrastructure/allocators/192\\.168\\.44\\.11/maintenance-mode/_start -H 'Accept: application/json' -H 'User-Agent: [^']+'\\n$`,
      ),
    );
    assert.equal(r.stderr, '');
    assert.deepEqual(t.exchanges.slice(before), []);
  });

  it('maintenance on, then off: one POST each, said on stderr', async () => {
    const on = await run(['allocators', 'maintenance', '192.168.44.11', 'on'], { env });
    assert.deepEqual(
      [on.code, on.stdout, on.stderr],
      [0, '', 'Maintenance mode on for allocator 192.168.44.11.\n'],
    );
    assert.deepEqual(
      [t.exchanges.at(-1)?.method, t.exchanges.at(-1)?.url],
      ['POST', '/api/v1/platform/infrastructure/allocators/192.168.44.11/maintenance-mode/_start'],
    );
    const shown = await run(['allocators', 'show', '192.168.44.11'], { env });
    assert.match(shown.stdout, /\nmaintenance\tyes\n/);
    const off = await run(['allocators', 'maintenance', '192.168.44.11', 'off'], { env });
    assert.deepEqual(
      [off.code, off.stderr],
      [0, 'Maintenance mode off for allocator 192.168.44.11.\n'],
    );
    const again = await run(['allocators', 'show', '192.168.44.11'], { env });
    assert.match(again.stdout, /\nmaintenance\tno\n/);
  });

  it('maintenance with a state other than on or off: exit 2, nothing sent', async () => {
    const before = t.exchanges.length;
    for (const extra of [[], ['--dry-run']]) {
      const bad = await run(['allocators', 'maintenance', '192.168.44.11', 'maybe', ...extra], {
        env,
      });
      assert.deepEqual(
        [bad.code, bad.stdout, bad.stderr],
        [2, '', 'error: invalid state "maybe": use on or off\n'],
      );
    }
    assert.equal(t.exchanges.length, before);
  });
});
