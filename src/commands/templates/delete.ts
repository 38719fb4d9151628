// `ece templates delete <id>`: asks first; --yes skips that. ECE refuses to
// delete its own (system-owned) templates and, per its documentation, a
// template deployments still use: its answer is the error shown (exit 5).

import { deleteTemplateRequest } from '../../api/templates.js';
import { warnIfUnsupported } from '../platform-version.js';
import { defineVerb } from '../run/types.js';
import { REGION_OPTION, readTemplate, templateRegion } from './region.js';

export const verb = defineVerb<{ id: string; region?: string }>({
  effect: 'destructive',
  args: [{ name: 'id', description: 'template id or exact name' }],
  options: [REGION_OPTION],
  description: `ECE refuses to delete a system-owned template, and one that deployments still
use; the error says which (exit 5).`,
  examples: ['ece templates delete logs', 'ece templates delete logs --yes'],
  async plan({ id: ref, region: flag }, ctx) {
    const api = await ctx.api();
    const region = await templateRegion(api, flag);
    warnIfUnsupported(ctx, api, 'DELETE', '/deployments/templates/{template_id}');
    // A missing template is exit 3 before anyone is asked anything.
    const { id } = await readTemplate(api, ref, region);
    return {
      writes: [deleteTemplateRequest(id, region)],
      confirm: `Delete deployment template ${id}?`,
      done: `Deleted deployment template ${id}.`,
    };
  },
});
