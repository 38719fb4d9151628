// Shared by the traffic-filters tests: a ruleset as ECE answers it and the
// search answer that resolves prod-logs.

export const TF = '/api/v1/deployments/traffic-filter/rulesets';
export const RS_ID = '5e1b0c0a4f0d4d3e9a8b7c6d5e4f3a2b';
export const DEP_ID = '3f6c2a9e8b1d4f7a9c0e5b2d8a4f1c67';
export const OFFICE = {
  id: RS_ID,
  name: 'office-network',
  description: 'The office',
  type: 'ip',
  region: 'ece-region',
  include_by_default: false,
  rules: [
    { id: 'r1', source: '203.0.113.0/24', description: 'office' },
    { id: 'r2', source: '198.51.100.7' },
  ],
  associations: [{ entity_type: 'deployment', id: DEP_ID }],
  total_associations: 1,
};
export const BARE = { ...OFFICE, associations: [], total_associations: 0 };
export const ROW = `${RS_ID}\toffice-network\tip\tece-region\tno\t2\t1\n`;
export const search = (deployments: { id: string; name: string }[]) => ({
  'POST /deployments/_search': [
    200,
    { deployments, match_count: deployments.length, return_count: deployments.length },
  ] as [number, unknown],
});
