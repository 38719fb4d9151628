// `ece deployments enable-ccr <d>`: migrate an Elasticsearch resource and its
// Kibana so that cross-cluster replication can be used (where the version
// supports it).

import { enableCcrRequest } from '../../api/resources.js';
import { defineVerb } from '../run/types.js';
import { ENABLE_OPTIONS, type EnableInput, enablePlan } from './enable.js';

export const verb = defineVerb<EnableInput>({
  effect: 'destructive',
  effectOf: (input) => (input.validateOnly ? 'write' : 'destructive'),
  waits: true,
  args: [{ name: 'deployment', description: 'deployment id or exact name' }],
  options: ENABLE_OPTIONS,
  description: 'ECE migrates the Elasticsearch resource and its Kibana.',
  examples: [
    'ece deployments enable-ccr prod-logs --validate-only',
    'ece deployments enable-ccr prod-logs --yes --wait',
  ],
  plan: (input, ctx) => enablePlan(input, ctx, 'CCR', enableCcrRequest, true),
});
