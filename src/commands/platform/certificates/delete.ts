// `ece platform extra-certs delete <id>`: destructive — what uses the
// certificate loses it, and the key cannot be read back from ECE. Asks first.

import { deleteExtraCertificateRequest } from '../../../api/platform-config.js';
import { defineVerb } from '../../run/types.js';
import { ID_ARG } from './columns.js';

export const verb = defineVerb<{ id: string }>({
  effect: 'destructive',
  args: [ID_ARG],
  examples: [
    'ece platform extra-certs delete star_example_com',
    'ece platform extra-certs delete star_example_com --yes',
  ],
  async plan({ id }) {
    return {
      writes: [deleteExtraCertificateRequest(id)],
      confirm: `Delete extra certificate ${id}? ECE keeps no copy of its private key.`,
      done: `Deleted extra certificate ${id}.`,
    };
  },
});
