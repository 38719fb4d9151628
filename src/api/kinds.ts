// The resource kinds of an ECE deployment, in the order ECE lists them.

export const KINDS = [
  'elasticsearch',
  'kibana',
  'apm',
  'integrations_server',
  'enterprise_search',
  'appsearch',
] as const;

export type Kind = (typeof KINDS)[number];
