// `ece api` as a tool: GET only, so it can never change anything, declared
// as a verb so that it runs through the one executor like every other tool.
// Its path is checked by `ece api`'s own rule (apiPath); the query
// parameters that make ECE add secrets to an answer are refused.

import { apiPath } from '../commands/api/index.js';
import { defineVerb } from '../commands/run/types.js';
import { UsageError } from '../errors.js';
import { RAW } from '../output/raw.js';

/** Query parameters whose answers carry secrets (security settings, full cluster metadata). */
const SECRET_PARAMS = /^(show_security|show_metadata)$/i;

export const apiGet = defineVerb<{ path: string; query?: Record<string, string> }>({
  effect: 'read',
  args: [
    {
      name: 'path',
      description:
        'API path, with or without /api/v1 (e.g. /platform or /deployments/ID); GET only',
    },
  ],
  examples: ['ece api /platform', 'ece api /deployments/templates -f region=ece-region'],
  input(raw) {
    const path = apiPath(String(raw.path ?? ''));
    const query = (raw.query ?? {}) as Record<string, string>;
    const inPath = new URLSearchParams(path.split('?')[1] ?? '');
    for (const name of [...Object.keys(query), ...inPath.keys()])
      if (SECRET_PARAMS.test(name))
        throw new UsageError(`the query parameter ${name} is not offered: its answer has secrets`);
    return { path, query };
  },
  async plan(input, ctx) {
    const api = await ctx.api();
    const res = await api.request({
      method: 'GET',
      path: input.path,
      query: Object.assign(Object.create(null), input.query),
    });
    return { output: { body: res, view: RAW } };
  },
});
