// Fixed platform data: stack versions, deployment templates, seed names.

import type { Kind } from './plans.js';

export const REGION = 'ece-region';
export const PLATFORM_VERSION = '3.8.0';
/** The versions a new sandbox has (each keeps its own list: `SandboxState.stacks`). */
export const STACK_VERSIONS: readonly string[] = Object.freeze(['8.15.1', '8.14.3', '7.17.24']);
export const DEFAULT_VERSION = STACK_VERSIONS[0] ?? '8.15.1';

/** Discrete sizes (MB of memory) every instance configuration offers. */
export const SIZES = [1024, 2048, 4096, 8192, 16384, 32768, 65536];

/** The instance configurations of the installation, by the kind they serve. */
export const INSTANCE_CONFIGURATIONS: { id: string; kind: Kind }[] = [
  { id: 'data.default', kind: 'elasticsearch' },
  { id: 'master', kind: 'elasticsearch' },
  { id: 'ml', kind: 'elasticsearch' },
  ...(['kibana', 'apm', 'appsearch', 'enterprise_search', 'integrations_server'] as const).map(
    (kind) => ({ id: kind, kind }),
  ),
];

export interface Template {
  id: string;
  name: string;
  description: string;
  kinds: Kind[];
}

export const TEMPLATES: Template[] = [
  {
    id: 'default',
    name: 'Default',
    description: 'Elasticsearch and Kibana for general purpose workloads.',
    kinds: ['elasticsearch', 'kibana'],
  },
  {
    id: 'observability',
    name: 'Observability',
    description: 'Logs, metrics and traces with Elasticsearch, Kibana and Integrations Server.',
    kinds: ['elasticsearch', 'kibana', 'integrations_server'],
  },
  {
    id: 'security',
    name: 'Security',
    description: 'SIEM and endpoint security.',
    kinds: ['elasticsearch', 'kibana'],
  },
  {
    id: 'enterprise-search',
    name: 'Enterprise Search',
    description: 'Search experiences with Enterprise Search.',
    kinds: ['elasticsearch', 'kibana', 'enterprise_search'],
  },
];

/** Names and kinds for seeded deployments, cycled when more are asked for. */
export const SEEDS: { name: string; template: string; kinds: Kind[] }[] = [
  { name: 'prod-logs', template: 'observability', kinds: ['elasticsearch', 'kibana', 'apm'] },
  {
    name: 'search-staging',
    template: 'enterprise-search',
    kinds: ['elasticsearch', 'kibana', 'enterprise_search'],
  },
  { name: 'metrics', template: 'default', kinds: ['elasticsearch'] },
  { name: 'security-analytics', template: 'security', kinds: ['elasticsearch', 'kibana'] },
  {
    name: 'apm-traces',
    template: 'observability',
    kinds: ['elasticsearch', 'kibana', 'integrations_server'],
  },
  {
    name: 'app-search-prod',
    template: 'enterprise-search',
    kinds: ['elasticsearch', 'kibana', 'appsearch'],
  },
  { name: 'audit-archive', template: 'default', kinds: ['elasticsearch', 'kibana'] },
];

/** The system deployments every ECE installation runs, seeded before the others. */
export const SYSTEM_SEEDS: { name: string; template: string; kinds: Kind[] }[] = [
  { name: 'admin-console-elasticsearch', template: 'default', kinds: ['elasticsearch'] },
  { name: 'logging-and-metrics', template: 'default', kinds: ['elasticsearch', 'kibana'] },
  { name: 'security-cluster', template: 'default', kinds: ['elasticsearch'] },
];

/** A plan body for a resource kind, as a template or a user would write it. */
export function defaultPlan(
  kind: Kind,
  version: string,
  templateId = 'default',
): Record<string, unknown> {
  if (kind === 'elasticsearch') {
    return {
      cluster_topology: [
        {
          id: 'hot_content',
          node_roles: [
            'master',
            'ingest',
            'data_hot',
            'data_content',
            'remote_cluster_client',
            'transform',
          ],
          zone_count: 2,
          instance_configuration_id: 'data.default',
          size: { resource: 'memory', value: 4096 },
        },
      ],
      elasticsearch: { version },
      deployment_template: { id: templateId },
    };
  }
  return {
    cluster_topology: [
      { zone_count: 1, instance_configuration_id: kind, size: { resource: 'memory', value: 1024 } },
    ],
    [kind]: { version },
  };
}

export function templatePayload(
  template: Template,
  version: string,
  region: string,
): Record<string, unknown[]> {
  const resources: Record<string, unknown[]> = {};
  for (const kind of template.kinds) {
    resources[kind] = [
      {
        ref_id: `main-${kind}`,
        region,
        ...(kind === 'elasticsearch' ? {} : { elasticsearch_cluster_ref_id: 'main-elasticsearch' }),
        plan: defaultPlan(kind, version, template.id),
      },
    ];
  }
  return resources;
}
