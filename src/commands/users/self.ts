// Who is signed in, for the verbs that refuse to act on the caller's own
// user (disable, delete): doing so would lock the caller out.

import { currentUser } from '../../api/auth.js';
import type { ApiClient } from '../../api/client.js';
import { UsageError } from '../../errors.js';

export async function refuseSelf(api: ApiClient, name: string, what: string): Promise<void> {
  const me = await currentUser(api);
  if (me.user_name === name) {
    throw new UsageError(
      `you are signed in as ${name}: ${what} your own user would lock you out; sign in as another platform admin`,
    );
  }
}
