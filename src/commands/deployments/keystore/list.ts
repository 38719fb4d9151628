// `ece deployments keystore list`: the names of the settings in the
// Elasticsearch keystore and whether each is a file or a string. Values are
// never shown: ECE does not return them.

import { getKeystore } from '../../../api/keystore.js';
import type { View } from '../../../output/views.js';
import { defineVerb } from '../../run/types.js';
import { entries, esTarget, REF_ID_HELP } from './common.js';

export const verb = defineVerb<{ deployment: string; refId?: string }>({
  effect: 'read',
  args: [{ name: 'deployment', description: 'deployment id or exact name' }],
  options: [{ flags: '--ref-id <ref_id>', description: REF_ID_HELP }],
  description: `On a terminal: a table of SETTING and TYPE (string or file). Piped: one
tab-separated row per setting. --json prints ECE's answer, whose values are
always redacted.`,
  examples: [
    'ece deployments keystore list prod-logs',
    "ece deployments keystore list prod-logs --json | jq -r '.secrets | keys[]'",
  ],
  async plan(input, ctx) {
    const t = await esTarget(ctx, input.deployment, input.refId);
    const res = await getKeystore(t.api, t.id, t.refId);
    return { output: { body: res, view: keystoreView(`The keystore of ${t.label} is empty.`) } };
  },
});

function keystoreView(emptyNote: string): View {
  return {
    emptyNote,
    isEmpty: (data) => entries(data).length === 0,
    grid: (data) => ({
      headers: ['SETTING', 'TYPE'],
      rows: entries(data).map((e) => [e.setting, e.asFile ? 'file' : 'string']),
    }),
  };
}
