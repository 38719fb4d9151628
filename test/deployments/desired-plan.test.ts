// export, diff and apply without a server (planOf): bad input stops before
// any request; apply's effect; the update request built from a comparison
// (the live plan merged with the file, prune_orphans only when pruning) and
// the create request, both checked against the spec.

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { createRequest, updateRequest } from '../../src/api/deployments.js';
import { verb as apply, updateBody } from '../../src/commands/deployments/apply.js';
import type { Comparison } from '../../src/commands/deployments/desired/compare.js';
import {
  comparable,
  differences,
  merge,
  type Obj,
  requestIdOf,
  touched,
} from '../../src/commands/deployments/desired/model.js';
import { verb as diff } from '../../src/commands/deployments/diff.js';
import { verb as exporter } from '../../src/commands/deployments/export.js';
import assert from '../helpers/assert.js';
import { planOf } from '../helpers/plan.js';
import { requestViolations } from '../helpers/spec.js';
import { removeDir, tempDir } from '../helpers/temp.js';

const ID = '3f6c2a9e8b1d4f7a9c0e5b2d8a4f1c67';

const live: Obj = {
  name: 'logs',
  resources: {
    elasticsearch: [
      {
        ref_id: 'main-elasticsearch',
        region: 'ece-region',
        plan: {
          cluster_topology: [
            {
              id: 'hot_content',
              zone_count: 1,
              instance_configuration_id: 'data.default',
              size: { resource: 'memory', value: 4096 },
            },
          ],
          elasticsearch: { version: '8.15.1' },
        },
      },
    ],
    kibana: [
      {
        ref_id: 'main-kibana',
        region: 'ece-region',
        elasticsearch_cluster_ref_id: 'main-elasticsearch',
        plan: {
          cluster_topology: [{ zone_count: 1, size: { resource: 'memory', value: 1024 } }],
          kibana: { version: '8.15.1' },
        },
      },
    ],
  },
};

/** A comparison as compare() makes it, from a live document and a file. */
function comparison(file: Obj, prune: boolean): Comparison {
  const m = merge(live, file, prune);
  const before = comparable(live, m.doc);
  const after = comparable(m.doc, live);
  return {
    desired: { source: 'f.yaml', doc: file },
    name: String(file.name),
    live: { deployment: { id: ID } as never, version: '3', doc: live, read: {} as never },
    merged: m.doc,
    before,
    after,
    changes: differences(before, after),
    orphans: m.orphans,
    prune,
    notes: m.notes,
  };
}

const grown = {
  name: 'logs',
  resources: {
    elasticsearch: [
      {
        ref_id: 'main-elasticsearch',
        plan: { cluster_topology: [{ id: 'hot_content', size: { value: 8192 } }] },
      },
    ],
  },
  metadata: { tags: [{ key: 'team', value: 'ops' }] },
};

describe('export, diff and apply: plans without a server', () => {
  const dir = tempDir('ece-desired-plan-');
  after(() => removeDir(dir));

  it('export: names or --all, not both, not neither; --force only with -O', async () => {
    for (const [raw, message] of [
      [{ deployments: [] }, 'give the deployments to export (ids or names), or --all'],
      [{ deployments: ['a'], all: true }, 'give deployment names or --all, not both'],
      [
        { deployments: ['a'], force: true },
        '--force goes with -O DIR (nothing is overwritten on stdout)',
      ],
    ] as const)
      await assert.rejects(planOf(exporter, raw), { message });
    await assert.rejects(planOf(exporter, { deployments: ['a'], outputDir: join(dir, 'nope') }), {
      message: `-O ${join(dir, 'nope')}: no such directory`,
    });
  });

  it('diff and apply: a bad file stops the plan before any request', async () => {
    const file = join(dir, 'bad.yaml');
    writeFileSync(file, 'name: a\nversion: 8.10\nresources: {}\n');
    for (const verb of [diff, apply]) {
      await assert.rejects(planOf(verb, { file: [file] }), {
        message: `${file}:2:10: version 8.10 is not a string (it reads as 8.1): quote it, "8.10"`,
      });
      await assert.rejects(planOf(verb, { file: [file], concurrency: '33' }), {
        message: 'invalid --concurrency "33": give a whole number from 1 to 32',
      });
    }
  });

  it("apply's effect: a write; destructive with --prune-orphans or --include-system", () => {
    assert.equal(apply.effect, 'destructive');
    assert.equal(apply.effectOf?.({ file: [] }), 'write');
    assert.equal(apply.effectOf?.({ file: [], pruneOrphans: true }), 'destructive');
    assert.equal(apply.effectOf?.({ file: [], includeSystem: true }), 'destructive');
    assert.equal(diff.effect, 'read');
    assert.equal(exporter.effect, 'read');
  });

  it('the update: the live plan with the change, only the resources that change, prune_orphans false', () => {
    const c = comparison(grown, false);
    const body = updateBody(c, touched(c.changes));
    assert.deepEqual(body, {
      name: 'logs',
      prune_orphans: false,
      resources: {
        elasticsearch: [
          {
            ref_id: 'main-elasticsearch',
            region: 'ece-region',
            plan: {
              cluster_topology: [
                {
                  id: 'hot_content',
                  zone_count: 1,
                  instance_configuration_id: 'data.default',
                  size: { resource: 'memory', value: 8192 },
                },
              ],
              elasticsearch: { version: '8.15.1' },
            },
          },
        ],
      },
      metadata: { tags: [{ key: 'team', value: 'ops' }] },
    });
    const req = updateRequest(ID, body, { version: '3' });
    assert.deepEqual(req.query, { version: '3' });
    assert.deepEqual(requestViolations('PUT', `/api/v1/deployments/${ID}?version=3`, body), []);
  });

  it('with --prune-orphans and a resource left out: every kept resource and prune_orphans true', () => {
    const c = comparison(grown, true);
    assert.deepEqual(c.orphans, ['kibana/main-kibana']);
    const body = updateBody(c, touched(c.changes));
    assert.equal(body.prune_orphans, true);
    assert.deepEqual(Object.keys(body.resources as Obj), ['elasticsearch']);
    assert.deepEqual(requestViolations('PUT', `/api/v1/deployments/${ID}?version=3`, body), []);
    // Pruning asked for, but the file names every resource: nothing to prune, false.
    const all = comparison(
      { ...grown, resources: { ...grown.resources, kibana: [{ ref_id: 'main-kibana' }] } },
      true,
    );
    assert.equal(updateBody(all, touched(all.changes)).prune_orphans, false);
  });

  it('the create: the document without its id, with a request_id the spec takes', () => {
    const doc = { name: 'new', resources: live.resources };
    const req = createRequest(doc, { requestId: requestIdOf(doc) });
    assert.equal(req.idempotent, true);
    assert.deepEqual(
      requestViolations('POST', `/api/v1/deployments?request_id=${requestIdOf(doc)}`, req.body),
      [],
    );
  });
});
