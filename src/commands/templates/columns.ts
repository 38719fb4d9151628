// The columns `templates list` and `templates show` share, and --region.

import type { Command } from 'commander';

export interface Template {
  id: string;
  name: string;
  description?: string;
  instance_configurations: { name: string; instance_type?: string }[];
  deployment_template: { resources?: Record<string, unknown[]> };
}

export const templateColumns: [string, (t: Template) => unknown][] = [
  ['ID', (t) => t.id],
  ['NAME', (t) => t.name],
  [
    'KINDS',
    (t) =>
      Object.keys(t.deployment_template.resources ?? {}).filter(
        (k) => (t.deployment_template.resources?.[k] ?? []).length,
      ),
  ],
  ['DESCRIPTION', (t) => t.description],
];

export const withRegion = (cmd: Command) =>
  cmd.option('--region <region>', 'ECE region', 'ece-region');
