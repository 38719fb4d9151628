// `ece security deployment update`: a new Elasticsearch version or size for
// the security deployment, as a plan ECE runs on it. The spec's PUT takes no
// ?version= (its 409 is ECE's own conflict), so none is sent.

import { updateSecurityDeploymentRequest } from '../../../api/security.js';
import { UsageError } from '../../../errors.js';
import { defineVerb } from '../../run/types.js';
import { TOPOLOGY_OPTIONS, type TopologyInput, topologyBody } from './topology.js';

export const verb = defineVerb<TopologyInput>({
  // An upgrade cannot be undone (Elasticsearch does not go back a version); a resize can.
  effect: 'destructive',
  effectOf: (input) => (input.version !== undefined ? 'destructive' : 'write'),
  options: TOPOLOGY_OPTIONS,
  description: `Only what is given changes. Follow the plan with \`ece security deployment
show\` (or \`ece deployments show security-cluster --plans\`).`,
  examples: [
    'ece security deployment update --version 8.15.1',
    'ece security deployment update --size 2048 --zones 3 --dry-run',
  ],
  input(raw) {
    const input = raw as TopologyInput;
    if (Object.keys(topologyBody(input)).length === 0)
      throw new UsageError('nothing to update: give --version, --size or --zones');
    return input;
  },
  async plan(input) {
    return {
      writes: [updateSecurityDeploymentRequest(topologyBody(input))],
      confirm: `Upgrade the security deployment to ${input.version}? An upgrade cannot be undone.`,
      done: 'Updating the security deployment (ece security deployment show follows it).',
    };
  },
});
