// The columns `templates list` and `templates show` share.

export interface Template {
  id: string;
  name: string;
  description?: string;
  system_owned?: boolean;
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
  ['SYSTEM', (t) => t.system_owned === true],
  ['DESCRIPTION', (t) => t.description],
];
