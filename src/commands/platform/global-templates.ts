// `ece platform global-templates`: the deployment templates of every region
// at once (GET /platform/configuration/templates/deployments/global), one
// row per template: NAME CATEGORY REGIONS; --json is the body (an array).
// `ece templates list` is one region's, with their ids for `deployments create`.

import { getGlobalTemplates } from '../../api/platform-config.js';
import { listView } from '../../output/views.js';
import { defineVerb } from '../run/types.js';

interface Global {
  name: string;
  template_category_id?: string;
  order: number;
  regions: { region_id: string; deployment_template_id: string }[];
}

export const verb = defineVerb({
  effect: 'read',
  examples: [
    'ece platform global-templates',
    "ece platform global-templates --query '[].regions[].deployment_template_id'",
  ],
  async plan(_input, ctx) {
    const res = await getGlobalTemplates(await ctx.api());
    return {
      output: {
        body: res,
        view: listView<Global>(
          (d) => d as Global[],
          [
            ['NAME', (t) => t.name],
            ['CATEGORY', (t) => t.template_category_id],
            ['REGIONS', (t) => t.regions.map((r) => `${r.region_id}:${r.deployment_template_id}`)],
          ],
          'No deployment templates.',
        ),
      },
    };
  },
});
