// `ece proxies settings set -f settings.json`: replaces every proxy setting
// (ECE deletes the fields the file leaves out): destructive, asks first. The
// settings are read first: their version goes back as ?version= (a change in
// between is exit 5), and masked secrets in the file keep their values.

import { getProxiesSettings, setProxiesSettingsRequest } from '../../api/proxies.js';
import { readDocument } from '../../input.js';
import { defineVerb } from '../run/types.js';
import { changedHint as hint, readSettings, withSecrets } from './settings.js';

export const verb = defineVerb<{ file: string }>({
  effect: 'destructive',
  options: [
    {
      flags: '-f, --file <file>',
      description: 'all the settings, JSON or YAML (- for stdin)',
      required: true,
    },
  ],
  description: `Fields the file leaves out are deleted: start from \`settings show --json\`,
or change a few with \`settings patch\`.`,
  examples: [
    'ece proxies settings show --json > proxies.json   # edit proxies.json',
    'ece proxies settings set -f proxies.json',
  ],
  async plan(input, ctx) {
    const doc = await readDocument(ctx.io, input.file);
    const { current, version } = readSettings(await getProxiesSettings(await ctx.api()));
    const { body, variables } = await withSecrets(ctx, doc, current);
    return {
      writes: [{ ...setProxiesSettingsRequest(body, version), variables }],
      confirm: 'Replace the settings of all proxies? Fields the file leaves out are deleted.',
      hint,
      done: 'Replaced the proxy settings.',
    };
  },
});
