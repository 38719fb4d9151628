// Desired state against the sandbox (issue 25's acceptance): export then
// diff shows nothing and apply sends nothing; one size changed is one path,
// one PUT with ?version= and a plan that succeeds; the autoscaler's sizes
// are not differences; another writer between the read and the PUT is exit
// 5 with nothing overwritten; an interrupted create applied again makes one
// deployment; prune_orphans is true only with --prune-orphans. Every request
// is checked against the spec when the sandbox closes.

import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { cjs } from '../../src/interop.js';
import type { Exchange } from '../../src/sandbox/server.js';
import assert from '../helpers/assert.js';
import { type RunOptions, run } from '../helpers/cli.js';
import { useSandbox } from '../helpers/sandbox.js';
import { removeDir, tempDir } from '../helpers/temp.js';

const YAML = cjs(await import('yaml'));

/** An update request the sandbox received. */
const bodyOf = (e: Exchange | undefined) =>
  (e?.requestBody ?? {}) as { prune_orphans?: boolean; resources: object };

describe('deployments export, diff and apply against the sandbox', () => {
  let hook: ((e: Exchange) => void) | undefined;
  const t = useSandbox({ deployments: 3, planDurationMs: 300, onExchange: (e) => hook?.(e) });
  const dir = tempDir('ece-desired-');
  after(() => removeDir(dir));
  const ece = (args: string[], o: RunOptions = {}) => run(args, { env: t.env, ...o });
  /** The writes sent from `from` on: every request but reads and searches. */
  const writes = (from: number) =>
    t.exchanges
      .slice(from)
      .filter((e) => e.method !== 'GET' && e.template !== '/deployments/_search');
  const idOf = (name: string) =>
    [...t.sb.state.deployments.values()].find((d) => d.name === name)?.id ?? '';

  it('export of every non-system deployment, then diff: no differences (exit 0); apply sends no write', async () => {
    const out = join(dir, 'all');
    mkdirSync(out);
    const exported = await ece(['deployments', 'export', '--all', '-O', out, '-o', 'yaml']);
    assert.deepEqual(
      [exported.code, exported.stdout, exported.stderr],
      [
        0,
        '',
        'Left out 3 system deployments (admin-console-elasticsearch, logging-and-metrics, security-cluster); --include-system to include them\n' +
          `Wrote ${join(out, 'metrics.yaml')}\nWrote ${join(out, 'prod-logs.yaml')}\nWrote ${join(out, 'search-staging.yaml')}\n`,
      ],
    );
    assert.deepEqual(readdirSync(out).sort(), [
      'metrics.yaml',
      'prod-logs.yaml',
      'search-staging.yaml',
    ]);
    const diff = await ece(['deployments', 'diff', '-f', out]);
    assert.deepEqual(
      [diff.code, diff.stdout, diff.stderr],
      [
        0,
        '',
        ['metrics', 'prod-logs', 'search-staging']
          .map((n) => `${n} (${idOf(n)}): no differences\n`)
          .join(''),
      ],
    );
    const from = t.exchanges.length;
    const applied = await ece(['deployments', 'apply', '-f', out, '--json']);
    assert.equal(applied.code, 0, applied.stderr);
    assert.deepEqual(
      JSON.parse(applied.stdout).map((r: { name: string; result: string }) => [r.name, r.result]),
      [
        ['metrics', 'unchanged'],
        ['prod-logs', 'unchanged'],
        ['search-staging', 'unchanged'],
      ],
    );
    assert.equal(applied.stderr, '3 documents: 3 unchanged.\n');
    assert.deepEqual(writes(from), []);
    // Exported again over the files: refused without --force, nothing written.
    const again = await ece(['deployments', 'export', 'metrics', '-O', out]);
    assert.equal(again.code, 0, again.stderr);
    const clash = await ece(['deployments', 'export', 'metrics', '-O', out, '-o', 'yaml']);
    assert.deepEqual(
      [clash.code, clash.stderr],
      [2, `error: ${join(out, 'metrics.yaml')} exists: nothing was written (--force overwrites)\n`],
    );
    const forced = await ece([
      'deployments',
      'export',
      'metrics',
      '-O',
      out,
      '-o',
      'yaml',
      '--force',
    ]);
    assert.deepEqual([forced.code, forced.stderr], [0, `Wrote ${join(out, 'metrics.yaml')}\n`]);
  });

  it('one topology size changed: diff shows that path only; apply --wait sends one PUT with ?version=; a second diff is empty', async () => {
    const file = join(dir, 'prod-logs.yaml');
    const exported = await ece(['deployments', 'export', 'prod-logs', '-o', 'yaml']);
    assert.equal(exported.code, 0, exported.stderr);
    const doc = YAML.parse(exported.stdout);
    assert.equal(doc.id, idOf('prod-logs'));
    doc.resources.elasticsearch[0].plan.cluster_topology[0].size.value = 8192;
    writeFileSync(file, YAML.stringify(doc));
    const path =
      'resources.elasticsearch[main-elasticsearch].plan.cluster_topology[hot_content].size.value';
    const json = await ece(['deployments', 'diff', '-f', file, '--json']);
    assert.equal(json.code, 10, json.stderr);
    assert.deepEqual(JSON.parse(json.stdout), [
      {
        source: file,
        name: 'prod-logs',
        id: idOf('prod-logs'),
        action: 'update',
        changes: [{ path, old: 4096, new: 8192 }],
        kept: [],
        pruned: [],
        notes: [],
      },
    ]);
    const text = await ece(['deployments', 'diff', '-f', file]);
    assert.deepEqual([text.code, text.stderr], [10, '']);
    assert.equal(
      text.stdout,
      [
        `--- live prod-logs (${idOf('prod-logs')})`,
        `+++ ${file}`,
        '@@ -17,7 +17,7 @@',
        '             instance_configuration_id: data.default',
        '             size:',
        '               resource: memory',
        '-              value: 4096',
        '+              value: 8192',
        '         elasticsearch:',
        '           version: 8.15.1',
        '         deployment_template:',
        '',
      ].join('\n'),
    );
    // On a terminal: the same lines, coloured (the -/+ marks say it without colour too).
    const coloured = await ece(['deployments', 'diff', '-f', file], {
      tty: true,
      env: { ...t.env, FORCE_COLOR: '1' },
    });
    assert.equal(coloured.code, 10);
    assert.ok(
      coloured.stdout.includes('\x1b[31m-              value: 4096\x1b[39m'),
      coloured.stdout,
    );
    assert.ok(
      coloured.stdout.includes('\x1b[32m+              value: 8192\x1b[39m'),
      coloured.stdout,
    );
    const version = String(t.sb.state.get(idOf('prod-logs')).version);
    const from = t.exchanges.length;
    const applied = await ece(['deployments', 'apply', '-f', file, '--wait']);
    assert.equal(applied.code, 0, applied.stderr);
    assert.equal(applied.stdout, `${file}\tprod-logs\t${idOf('prod-logs')}\tupdated\t\n`);
    assert.match(applied.stderr, /prod-logs elasticsearch main-elasticsearch: finished in /);
    assert.match(applied.stderr, /1 document: 1 updated\.\n$/);
    const sent = writes(from);
    assert.deepEqual(
      sent.map((e) => [e.method, e.url, e.status]),
      [['PUT', `/api/v1/deployments/${idOf('prod-logs')}?version=${version}`, 200]],
    );
    const body = sent[0]?.requestBody as { prune_orphans: boolean; resources: object };
    assert.equal(body.prune_orphans, false);
    assert.deepEqual(Object.keys(body.resources), ['elasticsearch']);
    const second = await ece(['deployments', 'diff', '-f', file]);
    assert.deepEqual(
      [second.code, second.stdout, second.stderr],
      [0, '', `prod-logs (${idOf('prod-logs')}): no differences\n`],
    );
  });

  it('with autoscaling on, a size the autoscaler changed is not a difference, and apply does not revert it', async () => {
    const file = join(dir, 'scaled.yaml');
    writeFileSync(
      file,
      `name: scaled
resources:
  elasticsearch:
    - ref_id: main-elasticsearch
      region: ece-region
      plan:
        autoscaling_enabled: true
        elasticsearch: { version: "8.15.1" }
        cluster_topology:
          - id: hot_content
            zone_count: 1
            instance_configuration_id: data.default
            size: { resource: memory, value: 2048 }
            autoscaling_max: { resource: memory, value: 65536 }
`,
    );
    const made = await ece(['deployments', 'apply', '-f', file, '--wait', '--json'], {
      secretOnStdout: true,
    });
    assert.equal(made.code, 0, made.stderr);
    assert.equal(JSON.parse(made.stdout)[0].result, 'created');
    const id = idOf('scaled');
    // ECE's autoscaler grows the hot tier: a plan of its own, as ECE starts one.
    const live = await t.call(
      'GET',
      `/deployments/${id}?show_plans=true&show_settings=true&clear_transient=true&enrich_with_template=false`,
    );
    const es = (
      live.body as {
        resources: {
          elasticsearch: {
            info: {
              plan_info: { current: { plan: { cluster_topology: { size: { value: number } }[] } } };
            };
          }[];
        };
      }
    ).resources.elasticsearch[0];
    const plan = structuredClone(es?.info.plan_info.current.plan);
    assert.ok(plan);
    (plan.cluster_topology[0] as { size: { value: number } }).size.value = 8192;
    const grown = await t.call('PUT', `/deployments/${id}`, {
      body: {
        prune_orphans: false,
        resources: {
          elasticsearch: [{ ref_id: 'main-elasticsearch', region: 'ece-region', plan }],
        },
      },
    });
    assert.equal(grown.status, 200);
    await new Promise((r) => setTimeout(r, 500));
    const diff = await ece(['deployments', 'diff', '-f', file]);
    assert.deepEqual(
      [diff.code, diff.stdout, diff.stderr],
      [
        0,
        '',
        `note: ${file}: elasticsearch main-elasticsearch hot_content: size 2g not applied: autoscaling is on and sets it (8g now)\n` +
          `scaled (${id}): no differences\n`,
      ],
    );
    const from = t.exchanges.length;
    const applied = await ece(['deployments', 'apply', '-f', file]);
    assert.equal(applied.code, 0, applied.stderr);
    assert.deepEqual(writes(from), []);
  });

  it('another writer between the read and the PUT: exit 5 with the "read again" hint, nothing overwritten', async () => {
    const file = join(dir, 'metrics.json');
    const exported = await ece(['deployments', 'export', 'metrics']);
    const doc = JSON.parse(exported.stdout);
    doc.metadata = { tags: [{ key: 'team', value: 'ops' }] };
    writeFileSync(file, JSON.stringify(doc, null, 2));
    const id = idOf('metrics');
    // The other writer changes the deployment as soon as apply has read it.
    hook = (e) => {
      if (e.method === 'GET' && e.url.startsWith(`/api/v1/deployments/${id}?`)) {
        hook = undefined;
        const d = t.sb.state.get(id);
        d.tags = [{ key: 'team', value: 'search' }];
        t.sb.state.touch(d);
      }
    };
    const from = t.exchanges.length;
    const r = await ece(['deployments', 'apply', '-f', file]);
    hook = undefined;
    assert.equal(r.code, 5, r.stderr);
    assert.equal(
      r.stdout,
      `${file}\tmetrics\t${id}\tfailed\tthe deployment changed since it was read: run again\n`,
    );
    assert.equal(
      r.stderr,
      `error: ${file}: the deployment changed since it was read: run again\n` +
        `hint: read it again: \`ece deployments diff -f ${file}\` shows what changed; apply again to send your change on top of it\n` +
        '1 document: 1 failed.\n',
    );
    assert.deepEqual(
      writes(from).map((e) => [e.method, e.status]),
      [['PUT', 409]],
    );
    assert.deepEqual(t.sb.state.get(id).tags, [{ key: 'team', value: 'search' }]);
    // Read again: the change shows, and applying it now goes through.
    const diff = await ece(['deployments', 'diff', '-f', file, '--json']);
    assert.deepEqual(JSON.parse(diff.stdout)[0].changes, [
      {
        path: 'metadata.tags',
        old: [{ key: 'team', value: 'search' }],
        new: [{ key: 'team', value: 'ops' }],
      },
    ]);
    const again = await ece(['deployments', 'apply', '-f', file]);
    assert.equal(again.code, 0, again.stderr);
    assert.deepEqual(t.sb.state.get(id).tags, [{ key: 'team', value: 'ops' }]);
  });

  it('apply of a new document twice, the first interrupted once the create was sent: one deployment', async () => {
    const file = join(dir, 'fresh.yaml');
    writeFileSync(
      file,
      `name: fresh
resources:
  elasticsearch:
    - ref_id: main-elasticsearch
      region: ece-region
      plan:
        elasticsearch: { version: "8.15.1" }
        cluster_topology:
          - id: hot_content
            zone_count: 1
            size: { resource: memory, value: 2048 }
`,
    );
    const stop = new AbortController();
    hook = (e) => {
      if (e.method === 'POST' && e.template === '/deployments') {
        hook = undefined;
        stop.abort();
      }
    };
    const from = t.exchanges.length;
    // Before it exists, diff shows it whole, as added, and exits 10.
    const shown = await ece(['deployments', 'diff', '-f', file]);
    assert.deepEqual([shown.code, shown.stderr], [10, '']);
    assert.ok(
      shown.stdout.startsWith(
        `--- /dev/null (no such deployment: apply creates it)\n+++ ${file}\n@@ -0,0 +1,`,
      ),
      shown.stdout,
    );
    const first = await ece(['deployments', 'apply', '-f', file], { signal: stop.signal });
    hook = undefined;
    assert.equal(first.code, 130, first.stderr);
    const second = await ece(['deployments', 'apply', '-f', file]);
    assert.equal(second.code, 0, second.stderr);
    const named = [...t.sb.state.deployments.values()].filter((d) => d.name === 'fresh');
    assert.equal(named.length, 1);
    const posts = writes(from).filter((e) => e.method === 'POST');
    assert.equal(posts.length, 1);
    assert.match(
      posts[0]?.url ?? '',
      /^\/api\/v1\/deployments\?request_id=ece-apply-[0-9a-f]{64}$/,
    );
    // The same document asks for the same deployment: its request id, sent again, finds it.
    const requestId = new URL(posts[0]?.url ?? '', 'http://x').searchParams.get('request_id');
    const dry = await ece(['deployments', 'apply', '-f', file, '--dry-run']);
    assert.equal(dry.code, 0);
    assert.equal(dry.stdout, '');
    const repeat = await t.call('POST', `/deployments?request_id=${requestId}`, {
      body: YAML.parse(readFileSync(file, 'utf8')),
    });
    assert.deepEqual([repeat.status, (repeat.body as { id: string }).id], [202, named[0]?.id]);
  });

  it('prune_orphans is false unless --prune-orphans; with it, the resource left out is named, asked about and shut down', async () => {
    const file = join(dir, 'search-staging.json');
    const doc = JSON.parse((await ece(['deployments', 'export', 'search-staging'])).stdout);
    delete doc.resources.enterprise_search;
    doc.resources.kibana[0].plan.cluster_topology[0].size.value = 2048;
    writeFileSync(file, JSON.stringify(doc));
    const id = idOf('search-staging');
    const diff = await ece(['deployments', 'diff', '-f', file, '--json']);
    assert.equal(diff.code, 10);
    assert.deepEqual(JSON.parse(diff.stdout)[0].kept, ['enterprise_search/main-enterprise_search']);
    assert.match(
      diff.stderr,
      /note: .*: kept enterprise_search main-enterprise_search \(not in the file; --prune-orphans removes it\)\n/,
    );
    let from = t.exchanges.length;
    const kept = await ece(['deployments', 'apply', '-f', file]);
    assert.equal(kept.code, 0, kept.stderr);
    const put = writes(from);
    assert.deepEqual(
      put.map((e) => e.method),
      ['PUT'],
    );
    assert.deepEqual(
      [bodyOf(put[0]).prune_orphans, Object.keys(bodyOf(put[0]).resources)],
      [false, ['kibana']],
    );
    // Without a terminal and without --yes, pruning stops before any request.
    from = t.exchanges.length;
    const refused = await ece(['deployments', 'apply', '-f', file, '--prune-orphans']);
    assert.equal(refused.code, 2);
    assert.equal(t.exchanges.length, from);
    const asked = await ece(['deployments', 'apply', '-f', file, '--prune-orphans'], {
      stdinTTY: true,
      stderrTTY: true,
      stdin: 'y\n',
    });
    assert.equal(asked.code, 0, asked.stderr);
    assert.match(
      asked.stderr,
      new RegExp(
        `Shut down enterprise_search main-enterprise_search of search-staging \\(${id}\\)\\? The files leave it out \\(--prune-orphans\\)\\.`,
      ),
    );
    const pruned = writes(from);
    assert.equal(bodyOf(pruned[0]).prune_orphans, true);
    assert.deepEqual(Object.keys(bodyOf(pruned[0]).resources).sort(), ['elasticsearch', 'kibana']);
  });

  it('a name several deployments have is an error naming them; an id that is gone is exit 3; the rest still runs', async () => {
    for (const _ of [1, 2])
      await t.call('POST', '/deployments', {
        body: {
          name: 'twin',
          resources: {
            elasticsearch: [
              {
                ref_id: 'main-elasticsearch',
                region: 'ece-region',
                plan: {
                  elasticsearch: { version: '8.15.1' },
                  cluster_topology: [
                    { id: 'hot_content', size: { resource: 'memory', value: 1024 } },
                  ],
                },
              },
            ],
          },
        },
      });
    const twins = [...t.sb.state.deployments.values()]
      .filter((d) => d.name === 'twin')
      .map((d) => d.id);
    const file = join(dir, 'several.yaml');
    writeFileSync(
      file,
      `name: twin\nresources: {}\n---\nid: "${'0'.repeat(32)}"\nname: gone\nresources: {}\n---\n${readFileSync(join(dir, 'all', 'metrics.yaml'), 'utf8')}`,
    );
    const r = await ece(['deployments', 'diff', '-f', file]);
    assert.deepEqual([r.code, r.stdout], [3, '']);
    const lines = r.stderr.split('\n');
    const named = lines.find((l) => l.startsWith(`error: ${file}#1: `)) ?? '';
    assert.ok(
      [twins.join(', '), [...twins].reverse().join(', ')].some(
        (ids) =>
          named ===
          `error: ${file}#1: 2 deployments are named "twin"; give one of their ids: ${ids}`,
      ),
      r.stderr,
    );
    assert.ok(
      lines.includes(
        `error: ${file}#2: deployment ${'0'.repeat(32)} (the document's id) does not exist; remove the id to create the deployment anew`,
      ),
      r.stderr,
    );
  });

  it('a directory: one result line per document, a summary, and the most severe exit code', async () => {
    const out = join(dir, 'mixed');
    mkdirSync(out);
    const exported = await ece(['deployments', 'export', 'metrics', 'prod-logs', '-O', out]);
    assert.equal(exported.code, 0, exported.stderr);
    const file = join(out, 'metrics.json');
    const doc = JSON.parse(readFileSync(file, 'utf8'));
    doc.resources.elasticsearch[0].plan.elasticsearch.version = '9.9.9';
    writeFileSync(file, JSON.stringify(doc));
    const r = await ece(['deployments', 'apply', '-f', out, '--concurrency', '2', '--json']);
    assert.equal(r.code, 5, r.stderr);
    assert.deepEqual(
      JSON.parse(r.stdout).map((x: { name: string; result: string; exit_code: number }) => [
        x.name,
        x.result,
        x.exit_code,
      ]),
      [
        ['metrics', 'failed', 5],
        ['prod-logs', 'unchanged', 0],
      ],
    );
    assert.ok(
      r.stderr.startsWith(`error: ${file}: Stack version [9.9.9] is not available: `),
      r.stderr,
    );
    assert.match(r.stderr, /2 documents: 1 unchanged, 1 failed\.\n$/);
  });

  it('a system deployment is left out unless --include-system, which asks first', async () => {
    const file = join(dir, 'system.yaml');
    const shown = await ece(['deployments', 'export', 'security-cluster', '-o', 'yaml']);
    assert.equal(shown.code, 0, shown.stderr);
    writeFileSync(file, shown.stdout);
    const r = await ece(['deployments', 'diff', '-f', file]);
    assert.deepEqual(
      [r.code, r.stdout, r.stderr],
      [0, '', 'Left out 1 system deployment (security-cluster); --include-system to include it\n'],
    );
    const included = await ece(['deployments', 'diff', '-f', file, '--include-system']);
    assert.deepEqual([included.code, included.stdout], [0, '']);
    const applied = await ece(['deployments', 'apply', '-f', file, '--include-system']);
    assert.equal(applied.code, 2);
  });
});
