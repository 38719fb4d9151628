// The rules of desired state (docs/desired-state.md), one by one, on plain
// data: what the file leaves out is ECE's, null removes, topology matched
// by id, the autoscaler's sizes, zero-size elements, tags as a set,
// transient, orphans kept unless pruned; and export merged back onto the
// live deployment is no difference, also for responses of real ECE.

import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { asDeployment } from '../../src/api/deployments.js';
import {
  comparable,
  differences,
  exportDocument,
  liveDocument,
  merge,
  type Obj,
  requestIdOf,
  touched,
} from '../../src/commands/deployments/desired/model.js';
import assert from '../helpers/assert.js';

const es = (topology: Obj[], extra: Obj = {}) => ({
  ref_id: 'main-elasticsearch',
  region: 'ece-region',
  plan: { cluster_topology: topology, elasticsearch: { version: '8.15.1' }, ...extra },
});
const hot = (value: number, extra: Obj = {}) => ({
  id: 'hot_content',
  zone_count: 2,
  instance_configuration_id: 'data.default',
  node_roles: ['data_hot', 'master'],
  size: { resource: 'memory', value },
  ...extra,
});
const warm = (value: number) => ({
  id: 'warm',
  zone_count: 1,
  instance_configuration_id: 'data.warm',
  size: { resource: 'memory', value },
});
const live = (plan: Obj[], extra: Obj = {}): Obj => ({
  name: 'd',
  resources: {
    elasticsearch: [es(plan, extra)],
    kibana: [
      {
        ref_id: 'main-kibana',
        region: 'ece-region',
        elasticsearch_cluster_ref_id: 'main-elasticsearch',
        plan: {
          cluster_topology: [{ instance_configuration_id: 'kibana', size: { value: 1024 } }],
          kibana: { version: '8.15.1' },
        },
      },
    ],
  },
  metadata: {
    tags: [
      { key: 'a', value: '1' },
      { key: 'b', value: '2' },
    ],
  },
});

/** The differences diff shows between a live document and a file. */
function diff(l: Obj, file: Obj, prune = false) {
  const m = merge(l, file, prune);
  return { ...m, changes: differences(comparable(l, m.doc), comparable(m.doc, l)) };
}

const HOT = 'resources.elasticsearch[main-elasticsearch].plan.cluster_topology[hot_content]';

describe('desired state: the merge and the differences', () => {
  it('what the file leaves out is what ECE has: a file with only a size differs in that size only', () => {
    const file = {
      name: 'd',
      resources: {
        elasticsearch: [
          {
            ref_id: 'main-elasticsearch',
            plan: { cluster_topology: [{ id: 'hot_content', size: { value: 8192 } }] },
          },
        ],
      },
    };
    const d = diff(live([hot(4096), warm(0)]), file);
    assert.deepEqual(d.changes, [{ path: `${HOT}.size.value`, old: 4096, new: 8192 }]);
    assert.deepEqual(d.orphans, ['kibana/main-kibana']);
    assert.deepEqual(touched(d.changes), ['elasticsearch/main-elasticsearch']);
    // The merged plan is the live one with the size changed: warm and the roles kept.
    const plan = (d.doc.resources as Record<string, Obj[]>).elasticsearch?.[0]?.plan as Obj;
    assert.deepEqual(plan.cluster_topology, [
      { ...hot(8192), size: { resource: 'memory', value: 8192 } },
      warm(0),
    ]);
  });

  it('null removes a field; a list other than resources and topology is replaced whole', () => {
    const file = {
      name: 'd',
      resources: {
        elasticsearch: [
          {
            ref_id: 'main-elasticsearch',
            plan: {
              cluster_topology: [{ id: 'hot_content', node_roles: ['data_hot'], zone_count: null }],
            },
          },
        ],
      },
    };
    assert.deepEqual(diff(live([hot(4096)]), file).changes, [
      { path: `${HOT}.zone_count`, old: 2 },
      { path: `${HOT}.node_roles`, old: ['data_hot', 'master'], new: ['data_hot'] },
    ]);
  });

  it('topology elements: by id, else by instance configuration, else by position; a new one is added', () => {
    const l = live([hot(4096)]);
    const file = {
      name: 'd',
      resources: {
        elasticsearch: [{ ref_id: 'main-elasticsearch', plan: { cluster_topology: [warm(2048)] } }],
        kibana: [
          { ref_id: 'main-kibana', plan: { cluster_topology: [{ size: { value: 2048 } }] } },
        ],
      },
    };
    assert.deepEqual(diff(l, file).changes, [
      {
        path: 'resources.elasticsearch[main-elasticsearch].plan.cluster_topology[warm]',
        new: warm(2048),
      },
      {
        path: 'resources.kibana[main-kibana].plan.cluster_topology[kibana].size.value',
        old: 1024,
        new: 2048,
      },
    ]);
  });

  it('a zero-size element only the file has, tags in another order, transient: no difference', () => {
    const l = live([hot(4096)]);
    const file = {
      name: 'd',
      resources: {
        elasticsearch: [
          {
            ref_id: 'main-elasticsearch',
            plan: {
              cluster_topology: [warm(0)],
              transient: { strategy: { rolling: {} } },
            },
          },
        ],
      },
      metadata: {
        tags: [
          { key: 'b', value: '2' },
          { key: 'a', value: '1' },
        ],
      },
    };
    assert.deepEqual(diff(l, file).changes, []);
  });

  it('with autoscaling on, the size of an autoscaled element is the live one; turning it off makes sizes count', () => {
    const scaled = hot(16384, { autoscaling_max: { resource: 'memory', value: 65536 } });
    const l = live([scaled], { autoscaling_enabled: true });
    const file = {
      name: 'd',
      resources: {
        elasticsearch: [
          es([hot(8192, { autoscaling_max: { resource: 'memory', value: 65536 } })], {
            autoscaling_enabled: true,
          }),
        ],
      },
    };
    const on = diff(l, file);
    assert.deepEqual(on.changes, []);
    assert.deepEqual(on.notes, [
      'elasticsearch main-elasticsearch hot_content: size 8g not applied: autoscaling is on and sets it (16g now)',
    ]);
    const plan = (on.doc.resources as Record<string, Obj[]>).elasticsearch?.[0]?.plan as {
      cluster_topology: Obj[];
    };
    assert.deepEqual(plan.cluster_topology[0]?.size, { resource: 'memory', value: 16384 });
    // The bounds are the file's to change.
    const bigger = structuredClone(file);
    (bigger.resources.elasticsearch[0]?.plan.cluster_topology[0] as Obj).autoscaling_max = {
      resource: 'memory',
      value: 131072,
    };
    assert.deepEqual(
      diff(l, bigger).changes.map((c) => c.path),
      [`${HOT}.autoscaling_max.value`],
    );
    // Off in the file: the file's sizes apply.
    const off = structuredClone(file);
    (off.resources.elasticsearch[0]?.plan as Obj).autoscaling_enabled = false;
    assert.deepEqual(diff(l, off).changes, [
      { path: `${HOT}.size.value`, old: 16384, new: 8192 },
      {
        path: 'resources.elasticsearch[main-elasticsearch].plan.autoscaling_enabled',
        old: true,
        new: false,
      },
    ]);
    // An element without autoscaling_max (master, coordinating) keeps the file's size.
    const master = { id: 'master', instance_configuration_id: 'master', size: { value: 1024 } };
    const withMaster = live([scaled, master], { autoscaling_enabled: true });
    const grown = {
      name: 'd',
      resources: {
        elasticsearch: [
          es([{ id: 'master', size: { value: 2048 } }], { autoscaling_enabled: true }),
        ],
      },
    };
    assert.deepEqual(
      diff(withMaster, grown).changes.map((c) => c.path),
      ['resources.elasticsearch[main-elasticsearch].plan.cluster_topology[master].size.value'],
    );
  });

  it('a live resource the file leaves out is kept; with prune it is a difference', () => {
    const file = { name: 'd', resources: { elasticsearch: [es([hot(4096)])] } };
    const kept = diff(live([hot(4096)]), file);
    assert.deepEqual([kept.changes, kept.orphans], [[], ['kibana/main-kibana']]);
    const pruned = diff(live([hot(4096)]), file, true);
    assert.deepEqual(
      pruned.changes.map((c) => [c.path, 'old' in c, 'new' in c]),
      [['resources.kibana', true, false]],
    );
    assert.deepEqual(touched(pruned.changes), ['kibana/main-kibana']);
  });

  it('fields an existing deployment does not take are notes, not differences', () => {
    const file = {
      name: 'd',
      version: '8.15.1',
      resources: { elasticsearch: [es([hot(4096)])] },
      settings: { traffic_filter_settings: { rulesets: ['x'] } },
      metadata: {
        hidden: true,
        tags: [
          { key: 'a', value: '1' },
          { key: 'b', value: '2' },
        ],
      },
    };
    const d = diff(live([hot(4096)]), file);
    assert.deepEqual(d.changes, []);
    assert.deepEqual(d.notes, [
      "version applies when the deployment is created; to change it on this one, change the resources' plans",
      'settings.traffic_filter_settings applies when the deployment is created; it is not compared',
      "metadata.hidden is ECE's to set; it is not compared",
    ]);
  });

  it('the request id: the same for the same document whatever its key order or id, another for another', () => {
    const a = requestIdOf({ name: 'x', resources: { elasticsearch: [] } });
    assert.match(a, /^ece-apply-[0-9a-f]{64}$/);
    assert.equal(a.length, 74);
    assert.equal(
      requestIdOf({ resources: { elasticsearch: [] }, name: 'x', id: 'f'.repeat(32) }),
      a,
    );
    assert.notEqual(requestIdOf({ name: 'y', resources: { elasticsearch: [] } }), a);
  });

  for (const file of [
    'deployment-apm.json',
    'deployment-appsearch.json',
    'deployment-enterprise-search.json',
  ]) {
    it(`real ECE (${file}): export merged back onto the live deployment is no difference`, () => {
      const d = asDeployment(JSON.parse(readFileSync(`../shared/ece-real/${file}`, 'utf8')));
      const exported = exportDocument(d);
      assert.equal(exported.id, d.id);
      const l = liveDocument(d);
      assert.deepEqual(diff(l, exported).changes, []);
      assert.deepEqual(diff(l, JSON.parse(JSON.stringify(exported))).orphans, []);
    });
  }
});
