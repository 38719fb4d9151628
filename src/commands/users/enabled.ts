// `users enable` and `users disable` share this: read the user, send
// {"security":{"enabled":…}} only when the state changes. Disabling yourself
// is refused (it would lock you out).

import { parseBody } from '../../api/body.js';
import { getUser } from '../../api/platform.js';
import { updateUserRequest } from '../../api/users.js';
import type { Context } from '../../context.js';
import { fieldsView } from '../../output/views.js';
import { showDryRun } from '../write.js';
import { type User, userColumns } from './columns.js';
import { refuseSelf } from './self.js';

export async function setEnabled(name: string, enabled: boolean, ctx: Context): Promise<void> {
  const api = await ctx.api();
  if (!enabled) await refuseSelf(api, name, 'disabling');
  const user = parseBody<User>(await getUser(api, name));
  const word = enabled ? 'enabled' : 'disabled';
  if ((user.security?.enabled !== false) === enabled) {
    ctx.io.stderr.write(`User ${name} is already ${word}.\n`);
    return;
  }
  const write = updateUserRequest(name, { security: { enabled } });
  if (showDryRun(ctx, api, write)) return;
  const renderer = await ctx.renderer();
  const res = await api.request(write);
  if (renderer.raw) await renderer.body(res, fieldsView(userColumns));
  ctx.io.stderr.write(
    enabled
      ? `Enabled user ${name}.\n`
      : `Disabled user ${name}: it can no longer sign in (ece users enable ${name} undoes this).\n`,
  );
}
