// `ece stack show <version>`: one stack version — its template, the upgrade
// paths (min_upgradable_from, upgradable_to) and its flags — readable on a
// terminal; --json the API's body.

import { getStackVersion } from '../../api/stack.js';
import { fieldsView } from '../../output/views.js';
import { defineVerb } from '../run/types.js';

interface StackVersion {
  version?: string;
  template?: { template_version?: string; hashes?: unknown[] };
  min_upgradable_from?: string;
  upgradable_to?: string[];
  accessible?: boolean;
  deleted?: boolean;
  whitelisted?: boolean;
  elasticsearch?: { docker_image?: string; default_plugins?: string[]; plugins?: string[] };
  kibana?: { docker_image?: string };
}

export const verb = defineVerb<{ version: string }>({
  effect: 'read',
  args: [{ name: 'version', description: 'the stack version, e.g. 8.15.1' }],
  examples: ['ece stack show 8.15.1', 'ece stack show 8.15.1 --json | jq .upgradable_to'],
  async plan({ version }, ctx) {
    const res = await getStackVersion(await ctx.api(), version.trim().replace(/^v/, ''));
    return { output: { body: res, view } };
  },
});

const view = fieldsView<StackVersion>([
  ['VERSION', (s) => s.version],
  ['TEMPLATE_VERSION', (s) => s.template?.template_version],
  ['MIN_UPGRADABLE_FROM', (s) => s.min_upgradable_from],
  ['UPGRADABLE_TO', (s) => s.upgradable_to],
  // ECE sends accessible and whitelisted only in Elastic Cloud: absent means usable.
  ['ACCEPTED', (s) => s.accessible !== false],
  ['WHITELISTED', (s) => s.whitelisted !== false],
  ['DELETED', (s) => s.deleted === true],
  ['ELASTICSEARCH_IMAGE', (s) => s.elasticsearch?.docker_image],
  ['DEFAULT_PLUGINS', (s) => s.elasticsearch?.default_plugins],
  ['KIBANA_IMAGE', (s) => s.kibana?.docker_image],
]);
