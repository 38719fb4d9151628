// `ece deployments enable-ilm <d> -f patterns.json`: move an Elasticsearch
// resource's index curation to ILM policies. The file (JSON or YAML) is ECE's
// EnableIlmRequest: {"index_patterns": [{"index_pattern", "policy_name",
// "node_attributes"?}]}.

import { enableIlmRequest } from '../../api/resources.js';
import { UsageError } from '../../errors.js';
import { readDocument } from '../../input.js';
import { defineVerb } from '../run/types.js';
import { ENABLE_OPTIONS, type EnableInput, enablePlan } from './enable.js';

export const verb = defineVerb<EnableInput & { file: string }>({
  effect: 'destructive',
  effectOf: (input) => (input.validateOnly ? 'write' : 'destructive'),
  waits: true,
  args: [{ name: 'deployment', description: 'deployment id or exact name' }],
  options: [
    {
      flags: '-f, --file <file>',
      description: 'the index patterns and their policies (JSON or YAML; - for stdin)',
      required: true,
    },
    ...ENABLE_OPTIONS,
  ],
  description: `The file is ECE's EnableIlmRequest:
  {"index_patterns": [{"index_pattern": "logs-*", "policy_name": "logs-hot-warm"}]}
Each pattern's indices are curated by the named policy from then on.`,
  examples: [
    'ece deployments enable-ilm prod-logs -f ilm.json --validate-only',
    'ece deployments enable-ilm prod-logs -f ilm.json --yes --wait',
  ],
  async plan(input, ctx) {
    const body = await readDocument(ctx.io, input.file);
    const name = input.file === '-' ? '<stdin>' : input.file;
    const patterns = body.index_patterns;
    if (!Array.isArray(patterns) || patterns.length === 0)
      throw new UsageError(
        `${name}: expected {"index_patterns": [{"index_pattern": …, "policy_name": …}]}`,
      );
    patterns.forEach((p: unknown, i) => {
      const o = p as Record<string, unknown> | null;
      for (const key of ['index_pattern', 'policy_name'])
        if (typeof o?.[key] !== 'string' || o[key] === '')
          throw new UsageError(`${name}: index_patterns[${i}].${key} is required`);
    });
    return enablePlan(input, ctx, 'ILM', (id, refId, validateOnly) =>
      enableIlmRequest(id, refId, body, validateOnly),
    );
  },
});
