// `ece roles list`: the runner roles and the runners that hold each.

import { listRoles } from '../../api/roles.js';
import { listView } from '../../output/views.js';
import { defineVerb } from '../run/types.js';
import { columns, type RoleAggregate } from './role.js';

export const verb = defineVerb({
  effect: 'read',
  examples: ['ece roles list', "ece roles list --query 'values[].id'"],
  async plan(_input, ctx) {
    const res = await listRoles(await ctx.api());
    return {
      output: {
        body: res,
        view: listView<RoleAggregate>(
          (data) => (data as { values?: RoleAggregate[] }).values,
          columns,
          'No roles.',
        ),
      },
    };
  },
});
