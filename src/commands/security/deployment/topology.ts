// The options create and update share: a version and a topology
// (SecurityDeploymentTopology: {size: {resource: memory, value}, zone_count}).

import { UsageError } from '../../../errors.js';
import type { OptionSpec } from '../../run/types.js';

export interface TopologyInput {
  version?: string;
  size?: string;
  zones?: string;
}

export const TOPOLOGY_OPTIONS: OptionSpec[] = [
  { flags: '--version <version>', description: 'Elasticsearch version (e.g. 8.15.1)' },
  { flags: '--size <mb>', description: 'memory per zone, in MB (e.g. 1024)' },
  { flags: '--zones <n>', description: 'number of zones (1, 2 or 3)' },
];

const count = (flag: string, v: string, max = Number.MAX_SAFE_INTEGER) => {
  if (!/^[1-9][0-9]*$/.test(v) || Number(v) > max)
    throw new UsageError(
      `invalid ${flag} "${v}": expected a whole number from 1${max < 10 ? ` to ${max}` : ''}`,
    );
  return Number(v);
};

/** The request body's fields from the flags (only those given). */
export function topologyBody(input: TopologyInput): Record<string, unknown> {
  const topology: Record<string, unknown> = {};
  if (input.size !== undefined)
    topology.size = { resource: 'memory', value: count('--size', input.size) };
  if (input.zones !== undefined) topology.zone_count = count('--zones', input.zones, 3);
  return {
    ...(input.version !== undefined ? { version: input.version } : {}),
    ...(Object.keys(topology).length ? { topology } : {}),
  };
}
