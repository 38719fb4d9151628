// `ece platform domain-name show [--kind KIND]`: the value; --json is the
// body ({"value": …}). ECE answers 404 when none is configured (exit 3).

import { getDefaultDomainName, getKindDomainName } from '../../../api/platform-config.js';
import { fieldsView } from '../../../output/views.js';
import { defineVerb } from '../../run/types.js';
import { KIND_OPTION } from './kind.js';

export const verb = defineVerb<{ kind?: string }>({
  effect: 'read',
  options: [KIND_OPTION],
  examples: [
    'ece platform domain-name show',
    'ece platform domain-name show --kind kibana --query value',
  ],
  async plan({ kind }, ctx) {
    const api = await ctx.api();
    const res =
      kind === undefined ? await getDefaultDomainName(api) : await getKindDomainName(api, kind);
    return {
      output: {
        body: res,
        view: fieldsView<{ value?: string }>([
          ['KIND', () => kind ?? 'default'],
          ['VALUE', (d) => d.value],
        ]),
      },
    };
  },
});
