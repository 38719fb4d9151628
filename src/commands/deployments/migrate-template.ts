// `ece deployments migrate-template <d> --template <id>`: the update request
// that would move a deployment to another deployment template, as ECE builds
// it (GET …/migrate_template). Nothing changes: review it, then send it with
// `ece deployments update -f`.

import { getTemplateMigration } from '../../api/resources.js';
import { writeExact } from '../../output/raw.js';
import { defineVerb } from '../run/types.js';
import { target } from './target.js';

export const verb = defineVerb<{ deployment: string; template: string }>({
  effect: 'read',
  args: [{ name: 'deployment', description: 'deployment id or exact name' }],
  options: [
    {
      flags: '--template <id>',
      description: 'the deployment template to move to (ece templates list)',
      required: true,
    },
  ],
  description: `Prints the DeploymentUpdateRequest ECE built (JSON in every format but
-o yaml); ECE refuses a template the deployment cannot move to (exit 5).`,
  examples: [
    'ece deployments migrate-template prod-logs --template io-optimized > move.json',
    'ece deployments update prod-logs -f move.json --wait',
  ],
  async plan(input, ctx) {
    const { api, id } = await target(ctx, input.deployment);
    const res = await getTemplateMigration(api, id, input.template);
    // A document to save and send back: the body as ECE gave it, in a table run too.
    return { output: { body: res, print: (_r, io) => writeExact(io, res.text) } };
  },
});
