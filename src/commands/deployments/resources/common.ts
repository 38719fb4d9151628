// What the verbs of `ece deployments resource` share: the deployment, and
// the resource by --kind (required where the call changes something, as in
// ecctl's `deployment resource`) and --ref-id (needed only when the kind has
// several).

import type { ArgSpec, OptionSpec } from '../../run/types.js';
import { KIND_HELP, REF_ID_HELP } from '../resource.js';

export interface OneResourceInput {
  deployment: string;
  kind: string;
  refId?: string;
}

export const DEPLOYMENT_ARG: ArgSpec = {
  name: 'deployment',
  description: 'deployment id or exact name',
};

export const KIND_OPTION: OptionSpec = {
  flags: '--kind <kind>',
  description: KIND_HELP,
  required: true,
};

export const REF_ID_OPTION: OptionSpec = {
  flags: '--ref-id <ref-id>',
  description: `${REF_ID_HELP}; _main for the main one`,
};
