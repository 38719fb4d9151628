// `ece proxies settings patch -f patch.json`: changes only the fields the
// file names (a JSON merge patch: null removes one). The version read first
// goes back as ?version=.

import { getProxiesSettings, patchProxiesSettingsRequest } from '../../api/proxies.js';
import { readDocument } from '../../input.js';
import { defineVerb } from '../run/types.js';
import { changedHint as hint, readSettings, withSecrets } from './settings.js';

export const verb = defineVerb<{ file: string }>({
  effect: 'write',
  options: [
    {
      flags: '-f, --file <file>',
      description: 'the fields to change, JSON or YAML (- for stdin)',
      required: true,
    },
  ],
  examples: [
    `echo '{"expected_proxies_count": 4}' | ece proxies settings patch -f -`,
    'ece proxies settings patch -f sso.yaml --dry-run',
  ],
  async plan(input, ctx) {
    const doc = await readDocument(ctx.io, input.file);
    const { version } = readSettings(await getProxiesSettings(await ctx.api()));
    // A masked secret in a patch changes nothing: it is left out.
    const { body, variables } = await withSecrets(ctx, doc, undefined);
    return {
      writes: [{ ...patchProxiesSettingsRequest(body, version), variables }],
      hint,
      done: 'Updated the proxy settings.',
    };
  },
});
