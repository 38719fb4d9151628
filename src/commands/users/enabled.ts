// `users enable` and `users disable` share this: read the user, send
// {"security":{"enabled":…}} only when the state changes. Disabling yourself
// is refused (it would lock you out).

import { parseBody } from '../../api/body.js';
import { getUser } from '../../api/platform.js';
import { updateUserRequest } from '../../api/users.js';
import type { Context } from '../../context.js';
import type { Plan } from '../run/types.js';
import type { User } from './columns.js';
import { refuseSelf } from './self.js';

export async function enabledPlan(name: string, enabled: boolean, ctx: Context): Promise<Plan> {
  const api = await ctx.api();
  if (!enabled) await refuseSelf(api, name, 'disabling');
  const user = parseBody<User>(await getUser(api, name));
  const word = enabled ? 'enabled' : 'disabled';
  // Already so: said (a dry run says it too), nothing sent.
  if ((user.security?.enabled !== false) === enabled)
    return { done: `User ${name} is already ${word}.` };
  return {
    writes: [updateUserRequest(name, { security: { enabled } })],
    done: enabled
      ? `Enabled user ${name}.`
      : `Disabled user ${name}: it can no longer sign in (ece users enable ${name} undoes this).`,
  };
}
