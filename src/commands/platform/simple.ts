// `ece runners list`, `ece stack versions`, `ece templates list|show`.

import type { Command } from 'commander';
import { getTemplate, listRunners, listStackVersions, listTemplates } from '../../api/platform.js';
import { fieldsView, listView } from '../../output/views.js';
import { act, type Contexts } from '../action.js';
import { warnIfUnsupported } from '../platform-version.js';

interface Runner {
  runner_id: string;
  public_hostname: string;
  zone?: string;
  roles: { role_name: string }[];
  connected: boolean;
  healthy: boolean;
}

interface Stack {
  version?: string;
  accessible?: boolean;
  deleted?: boolean;
  upgradable_to: string[];
}

interface Template {
  id: string;
  name: string;
  description?: string;
  instance_configurations: { name: string; instance_type?: string }[];
  deployment_template: { resources?: Record<string, unknown[]> };
}

const templateColumns: [string, (t: Template) => unknown][] = [
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

export function registerRunners(group: Command, contexts: Contexts): void {
  group
    .command('list')
    .alias('ls')
    .description('List runners (the hosts of the platform) with their roles')
    .addHelpText('after', '\nExamples:\n  $ ece runners list')
    .action(
      act(contexts, async (ctx) => {
        const renderer = await ctx.renderer();
        const res = await listRunners(await ctx.api());
        const view = listView<Runner>(
          (data) => (data as { runners?: Runner[] }).runners,
          [
            ['ID', (r) => r.runner_id],
            ['HOST', (r) => r.public_hostname],
            ['ZONE', (r) => r.zone],
            ['ROLES', (r) => r.roles.map((x) => x.role_name)],
            ['CONNECTED', (r) => r.connected],
            ['HEALTHY', (r) => r.healthy],
          ],
          'No runners.',
        );
        await renderer.body(res, view);
      }),
    );
}

export function registerStack(group: Command, contexts: Contexts): void {
  group
    .command('versions')
    .description('List the Elastic Stack versions available to deployments')
    .addHelpText(
      'after',
      '\nExamples:\n  $ ece stack versions\n  $ ece stack versions --query "stacks[].version"',
    )
    .action(
      act(contexts, async (ctx) => {
        const renderer = await ctx.renderer();
        const res = await listStackVersions(await ctx.api());
        const view = listView<Stack>(
          (data) => (data as { stacks?: Stack[] }).stacks,
          [
            ['VERSION', (s) => s.version],
            ['USABLE', (s) => s.accessible !== false && s.deleted !== true],
            ['UPGRADES_TO', (s) => s.upgradable_to],
          ],
          'No stack versions.',
        );
        await renderer.body(res, view);
      }),
    );
}

export function registerTemplates(group: Command, contexts: Contexts): void {
  const region = (cmd: Command) => cmd.option('--region <region>', 'ECE region', 'ece-region');
  region(
    group
      .command('list')
      .alias('ls')
      .description('List deployment templates')
      .addHelpText(
        'after',
        '\nExamples:\n  $ ece templates list\n  $ ece templates list --region us-east-1',
      ),
  ).action(
    act(contexts, async (ctx, flags: { region: string }) => {
      const renderer = await ctx.renderer();
      const api = await ctx.api();
      warnIfUnsupported(ctx, api, 'GET', '/deployments/templates');
      const res = await listTemplates(api, flags.region);
      await renderer.body(
        res.text,
        listView<Template>((data) => data as Template[], templateColumns, 'No templates.'),
      );
    }),
  );
  region(
    group
      .command('show')
      .description('Show a deployment template')
      .argument('<id>', 'template id')
      .addHelpText('after', '\nExamples:\n  $ ece templates show default --json > template.json'),
  ).action(
    act(contexts, async (ctx, id: string, flags: { region: string }) => {
      const renderer = await ctx.renderer();
      const api = await ctx.api();
      warnIfUnsupported(ctx, api, 'GET', '/deployments/templates/{template_id}');
      const res = await getTemplate(api, id, flags.region);
      const view = fieldsView<Template>([
        ...templateColumns,
        ['INSTANCE_CONFIGURATIONS', (t) => t.instance_configurations.map((c) => c.name)],
      ]);
      await renderer.body(res, view);
    }),
  );
}
