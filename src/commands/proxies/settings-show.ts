// `ece proxies settings show`: the settings of all proxies, secrets masked.

import { getProxiesSettings } from '../../api/proxies.js';
import { defineVerb } from '../run/types.js';
import { readSettings, settingsView } from './settings.js';

export const verb = defineVerb({
  effect: 'read',
  description: `Secrets (signature_secret, cookie_secret, sso_secret) are masked; given back
masked to \`settings set\` or \`patch\`, they stay as they are.`,
  examples: ['ece proxies settings show', 'ece proxies settings show --json > proxies.json'],
  async plan(_input, ctx) {
    const { body, masked } = readSettings(await getProxiesSettings(await ctx.api()));
    return { output: { body, parsed: masked, view: settingsView } };
  },
});
