// `ece deployments enable-slm <d>`: snapshots of an Elasticsearch resource
// taken by Elasticsearch's SLM instead of ECE's own scheduler.

import { enableSlmRequest } from '../../api/resources.js';
import { defineVerb } from '../run/types.js';
import { ENABLE_OPTIONS, type EnableInput, enablePlan } from './enable.js';

export const verb = defineVerb<EnableInput>({
  effect: 'destructive',
  effectOf: (input) => (input.validateOnly ? 'write' : 'destructive'),
  waits: true,
  args: [{ name: 'deployment', description: 'deployment id or exact name' }],
  options: ENABLE_OPTIONS,
  examples: [
    'ece deployments enable-slm prod-logs --validate-only',
    'ece deployments enable-slm prod-logs --yes --wait',
  ],
  plan: (input, ctx) => enablePlan(input, ctx, 'SLM', enableSlmRequest),
});
