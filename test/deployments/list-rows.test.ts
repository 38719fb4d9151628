// The rows of `ece deployments list`: fixed columns in TSV, the kinds present
// in a table, several resources of one kind joined with commas.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { DeploymentListing } from '../../src/api/deployments.js';
import { grid } from '../../src/commands/deployments/list.js';

const d = (id: string, resources: [kind: string, ref: string][]) =>
  ({
    id,
    name: `name-${id}`,
    resources: resources.map(([kind, ref_id]) => ({ kind, ref_id, id: `${id}-${ref_id}` })),
  }) as unknown as DeploymentListing;

const list = [
  d('a', [
    ['elasticsearch', 'main-elasticsearch'],
    ['kibana', 'main-kibana'],
    ['elasticsearch', 'second-elasticsearch'],
  ]),
  d('b', [['elasticsearch', 'main-elasticsearch']]),
];

describe('deployments list rows', () => {
  it('a pipe gets every kind, in a fixed order', () => {
    const g = grid(list, 'tsv');
    assert.deepEqual(g.headers, [
      'ID',
      'NAME',
      'ELASTICSEARCH',
      'KIBANA',
      'APM',
      'INTEGRATIONS_SERVER',
      'ENTERPRISE_SEARCH',
      'APPSEARCH',
    ]);
    assert.deepEqual(g.rows, [
      ['a', 'name-a', 'main-elasticsearch,second-elasticsearch', 'main-kibana', '-', '-', '-', '-'],
      ['b', 'name-b', 'main-elasticsearch', '-', '-', '-', '-', '-'],
    ]);
  });

  it('a terminal gets the kinds some deployment has', () => {
    const g = grid(list, 'table');
    assert.deepEqual(g.headers, ['ID', 'NAME', 'ELASTICSEARCH', 'KIBANA']);
    assert.deepEqual(g.rows, [
      ['a', 'name-a', 'main-elasticsearch,second-elasticsearch', 'main-kibana'],
      ['b', 'name-b', 'main-elasticsearch', '-'],
    ]);
    assert.deepEqual(grid([], 'table').headers, ['ID', 'NAME']);
  });
});
