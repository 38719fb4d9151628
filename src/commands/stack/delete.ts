// `ece stack delete <version>`: asks first; --yes skips that. ECE marks the
// version deleted: no new deployments or upgrades on it; running ones stay.

import { deleteStackVersion, getStackVersion } from '../../api/stack.js';
import { defineVerb } from '../run/types.js';

export const verb = defineVerb<{ version: string }>({
  effect: 'destructive',
  args: [{ name: 'version', description: 'the stack version, e.g. 7.17.24' }],
  description: `Deployments running the version keep running; none can be created on it or
upgraded to it afterwards.`,
  examples: ['ece stack delete 7.17.24', 'ece stack delete 7.17.24 --yes'],
  async plan({ version }, ctx) {
    const v = version.trim().replace(/^v/, '');
    await getStackVersion(await ctx.api(), v);
    return {
      writes: [deleteStackVersion(v)],
      confirm: `Delete stack version ${v}?`,
      done: `Deleted stack version ${v}.`,
    };
  },
});
