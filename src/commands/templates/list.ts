// `ece templates list`: the deployment templates of a region.

import { listTemplates } from '../../api/platform.js';
import { listView } from '../../output/views.js';
import { warnIfUnsupported } from '../platform-version.js';
import { defineVerb } from '../run/types.js';
import { type Template, templateColumns } from './columns.js';
import { REGION_OPTION, templateRegion } from './region.js';

export const verb = defineVerb<{ region?: string }>({
  effect: 'read',
  options: [REGION_OPTION],
  examples: ['ece templates list', 'ece templates list --region us-east-1'],
  async plan({ region }, ctx) {
    const api = await ctx.api();
    warnIfUnsupported(ctx, api, 'GET', '/deployments/templates');
    const res = await listTemplates(api, await templateRegion(api, region));
    return {
      output: {
        body: res,
        view: listView<Template>((data) => data as Template[], templateColumns, 'No templates.'),
      },
    };
  },
});
