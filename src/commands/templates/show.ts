// `ece templates show`: one deployment template.

import { fieldsView } from '../../output/views.js';
import { warnIfUnsupported } from '../platform-version.js';
import { defineVerb } from '../run/types.js';
import { type Template, templateColumns } from './columns.js';
import { REGION_OPTION, readTemplate, templateRegion } from './region.js';

const view = fieldsView<Template>([
  ...templateColumns,
  ['INSTANCE_CONFIGURATIONS', (t) => t.instance_configurations.map((c) => c.name)],
]);

export const verb = defineVerb<{ id: string; region?: string }>({
  effect: 'read',
  args: [{ name: 'id', description: 'template id or exact name' }],
  options: [REGION_OPTION],
  examples: ['ece templates show default --json > template.json'],
  async plan({ id, region }, ctx) {
    const api = await ctx.api();
    warnIfUnsupported(ctx, api, 'GET', '/deployments/templates/{template_id}');
    const { res } = await readTemplate(api, id, await templateRegion(api, region));
    return { output: { body: res, view } };
  },
});
