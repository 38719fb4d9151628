// `ece extensions show <extension>`: one extension and the deployments using it.

import { getExtension } from '../../api/extensions.js';
import { fieldsView } from '../../output/views.js';
import { defineVerb } from '../run/types.js';
import { detailColumns } from './columns.js';
import { type Extension, resolveExtension } from './resolve.js';

export const verb = defineVerb<{ extension: string }>({
  effect: 'read',
  args: [{ name: 'extension', description: 'extension id or exact name' }],
  examples: ['ece extensions show synonyms', 'ece extensions show 4226448541 --json'],
  async plan({ extension }, ctx) {
    const api = await ctx.api();
    const { id } = await resolveExtension(api, extension);
    const res = await getExtension(api, id, { deployments: true });
    return { output: { body: res, view: fieldsView<Extension>(detailColumns) } };
  },
});
