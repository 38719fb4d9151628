// The Query DSL the short syntax sends: the shapes Elastic's own clients use
// against the deployments index (terraform-provider-ec's data source: prefix
// on name.keyword, every resources.* term inside a nested query).

import { describe, it } from 'node:test';
import { parseQuery } from '../../src/commands/deployments/query.js';
import assert from '../helpers/assert.js';

const nested = (kind: string, field: string, value: string) => ({
  nested: {
    path: `resources.${kind}`,
    query: { term: { [`resources.${kind}.${field}`]: { value } } },
  },
});
const KINDS = [
  'elasticsearch',
  'kibana',
  'apm',
  'integrations_server',
  'enterprise_search',
  'appsearch',
];

describe('the short search syntax', () => {
  it('name is exact on name.keyword; a bare word is an analysed match on name', () => {
    assert.deepEqual(parseQuery('name:Prod-Logs'), {
      term: { 'name.keyword': { value: 'Prod-Logs' } },
    });
    assert.deepEqual(parseQuery('name:"prod logs*"'), {
      prefix: { 'name.keyword': { value: 'prod logs' } },
    });
    assert.deepEqual(parseQuery('logs'), { match: { name: { query: 'logs', operator: 'and' } } });
  });

  it('status, region and version cover every kind; a qualified field one kind', () => {
    assert.deepEqual(parseQuery('status:started'), {
      bool: {
        should: KINDS.map((k) => nested(k, 'info.status', 'started')),
        minimum_should_match: 1,
      },
    });
    assert.deepEqual(parseQuery('es.region:us-east'), nested('elasticsearch', 'region', 'us-east'));
    assert.deepEqual(
      parseQuery('kibana.version:8.15.1'),
      nested('kibana', 'info.plan_info.current.plan.kibana.version', '8.15.1'),
    );
  });

  it('dotted fields below a nested root are wrapped; terms are ANDed in a filter', () => {
    assert.deepEqual(parseQuery('metadata.tags.key:team healthy:false'), {
      bool: {
        filter: [
          {
            nested: {
              path: 'metadata.tags',
              query: { term: { 'metadata.tags.key': { value: 'team' } } },
            },
          },
          { term: { healthy: { value: 'false' } } },
        ],
      },
    });
  });
});
