// --kind: one resource kind's domain name instead of the default.

import { KINDS } from '../../../api/kinds.js';
import type { OptionSpec } from '../../run/types.js';

export const KIND_OPTION: OptionSpec = {
  flags: '--kind <kind>',
  description: "a resource kind's own domain name instead of the default",
  choices: KINDS,
};
