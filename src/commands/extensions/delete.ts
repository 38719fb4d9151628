// `ece extensions delete <extension>`: asks first; --yes skips that. ECE
// refuses while a deployment's plan uses it (exit 5, ECE's message).

import { deleteExtension } from '../../api/extensions.js';
import { defineVerb } from '../run/types.js';
import { resolveExtension } from './resolve.js';

export const verb = defineVerb<{ extension: string }>({
  effect: 'destructive',
  args: [{ name: 'extension', description: 'extension id or exact name' }],
  description: `ECE refuses to delete an extension that a deployment uses (exit 5): remove it
from those deployments' plans first (ece extensions show lists them).`,
  examples: ['ece extensions delete synonyms', 'ece extensions delete 4226448541 --yes'],
  async plan({ extension }, ctx) {
    const ext = await resolveExtension(await ctx.api(), extension);
    return {
      writes: [deleteExtension(ext.id)],
      confirm: `Delete ${ext.extension_type} ${ext.name} (${ext.id})?`,
      done: `Deleted extension ${ext.name} (${ext.id}).`,
    };
  },
});
