// `ece platform config-store delete <name>`: destructive — the value is gone
// and ECE cannot give it back; the services that read it fall back to their
// own default. Asks first.

import { deleteConfigStoreOptionRequest } from '../../../api/platform-config.js';
import { defineVerb } from '../../run/types.js';
import { NAME_ARG } from './value.js';

export const verb = defineVerb<{ name: string }>({
  effect: 'destructive',
  args: [NAME_ARG],
  description: 'To keep a copy first: ece platform config-store show NAME --json > option.json',
  examples: [
    'ece platform config-store delete my-option',
    'ece platform config-store delete my-option --yes',
  ],
  async plan({ name }) {
    return {
      writes: [deleteConfigStoreOptionRequest(name)],
      confirm: `Delete config store option ${name}? Its value is lost; the services that read it use their default.`,
      done: `Deleted config store option ${name}.`,
    };
  },
});
