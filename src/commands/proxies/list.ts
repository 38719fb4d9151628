// `ece proxies list`: the proxies that route traffic to deployments.

import { listProxies } from '../../api/infrastructure.js';
import { listView } from '../../output/views.js';
import { defineVerb } from '../run/types.js';
import { columns, type ProxyInfo } from './columns.js';

export const verb = defineVerb({
  effect: 'read',
  examples: ['ece proxies list', 'ece proxies list --query "proxies[?!healthy].proxy_id"'],
  async plan(_input, ctx) {
    const res = await listProxies(await ctx.api());
    return {
      output: {
        body: res,
        view: listView<ProxyInfo>(
          (d) => (d as { proxies?: ProxyInfo[] }).proxies,
          columns,
          'No proxies.',
        ),
      },
    };
  },
});
