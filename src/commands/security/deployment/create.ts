// `ece security deployment create`: makes the security deployment on an
// installation that has none (ECE answers 409 security_deployment.already_exists
// otherwise, exit 5).

import { createSecurityDeploymentRequest } from '../../../api/security.js';
import { defineVerb } from '../../run/types.js';
import { TOPOLOGY_OPTIONS, type TopologyInput, topologyBody } from './topology.js';

export const verb = defineVerb<TopologyInput & { name?: string }>({
  effect: 'write',
  options: [{ flags: '--name <name>', description: 'the deployment name' }, ...TOPOLOGY_OPTIONS],
  description: 'Without flags ECE picks the name, version and size.',
  examples: [
    'ece security deployment create',
    'ece security deployment create --version 8.15.1 --size 1024 --zones 2',
  ],
  input(raw) {
    const input = raw as TopologyInput & { name?: string };
    topologyBody(input);
    return input;
  },
  async plan(input) {
    const body = {
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...topologyBody(input),
    };
    return {
      writes: [createSecurityDeploymentRequest(body)],
      done: 'Creating the security deployment (ece security deployment show follows it).',
    };
  },
});
