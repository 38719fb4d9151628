// `ece deployments`: the group's verbs and help.

import { defineGroup } from '../run/command.js';
import * as instances from './instances/index.js';
import * as keystore from './keystore/index.js';
import * as plan from './plan/index.js';
import * as remoteClusters from './remote-clusters/index.js';
import * as resources from './resources/index.js';

export const { register } = defineGroup({
  help: `
A deployment is named by its 32-character id or its exact name.

Examples:
  $ ece deployments list
  $ ece deployments create -f deployment.json --wait
  $ ece deployments show prod-logs
  $ ece deployments shutdown old-logs --yes --wait && ece deployments delete old-logs --yes`,
  commands: [
    {
      name: 'list',
      aliases: ['ls'],
      summary: 'List deployments: what runs and whether it is healthy',
      load: () => import('./list.js'),
    },
    {
      name: 'show',
      aliases: ['get'],
      summary: 'Show a deployment: health, resources, versions, endpoints, pending plans',
      load: () => import('./show.js'),
    },
    {
      name: 'search',
      summary: 'Find deployments by name, id, region, status or any field',
      load: () => import('./search.js'),
    },
    {
      name: 'create',
      summary: 'Create a deployment from a definition file or a template',
      load: () => import('./create.js'),
    },
    {
      name: 'update',
      summary: 'Apply a changed definition to a deployment (resize, upgrade, reconfigure)',
      load: () => import('./update.js'),
    },
    {
      name: 'shutdown',
      summary: 'Shut a deployment down: stop all its resources (asks first)',
      load: () => import('./shutdown.js'),
    },
    {
      name: 'restore',
      summary: 'Bring a shut-down deployment back',
      load: () => import('./restore.js'),
    },
    {
      name: 'delete',
      aliases: ['rm'],
      summary: 'Delete a shut-down deployment for good (asks first)',
      load: () => import('./delete.js'),
    },
    {
      name: 'restart',
      summary: 'Restart the instances of a resource',
      load: () => import('./restart.js'),
    },
    {
      name: 'stop',
      summary: 'Stop the instances of a resource (asks first for Elasticsearch)',
      load: () => import('./stop.js'),
    },
    {
      name: 'start',
      summary: 'Start the stopped instances of a resource',
      load: () => import('./start.js'),
    },
    plan.register,
    {
      name: 'export',
      summary: 'Write the desired-state document of deployments (what diff and apply read)',
      load: () => import('./export.js'),
    },
    {
      name: 'diff',
      summary: 'Compare desired-state files with ECE: exit 0 same, 10 different',
      load: () => import('./diff.js'),
    },
    {
      name: 'apply',
      summary: 'Make ECE match desired-state files: create, update or leave each deployment',
      load: () => import('./apply.js'),
    },
    {
      name: 'resize',
      summary:
        'Change the size and/or zone count of one resource (a read-modify-write of its plan)',
      load: () => import('./resize.js'),
    },
    {
      name: 'upgrade',
      summary: 'Upgrade a deployment, or a fleet in safe waves, to a stack version (asks first)',
      load: () => import('./upgrade.js'),
    },
    {
      name: 'versions',
      summary:
        'The stack versions of every deployment, per kind; --below VERSION is a gate for CI (exit 10)',
      load: () => import('./versions.js'),
    },
    {
      name: 'reset-password',
      summary: 'Reset the password of the elastic user (asks first: the old one stops working)',
      load: () => import('./reset-password.js'),
    },
    {
      name: 'reset-apm-token',
      summary: 'Reset the secret token of an APM resource (asks first: the old one stops working)',
      load: () => import('./reset-apm-token.js'),
    },
    {
      name: 'enable-ilm',
      summary: 'Move an Elasticsearch resource to ILM policies (asks first: one way)',
      load: () => import('./enable-ilm.js'),
    },
    {
      name: 'enable-slm',
      summary: 'Take snapshots with SLM instead of ECE (asks first: one way)',
      load: () => import('./enable-slm.js'),
    },
    {
      name: 'enable-ccr',
      summary: 'Make an Elasticsearch resource and its Kibana ready for CCR (asks first: one way)',
      load: () => import('./enable-ccr.js'),
    },
    {
      name: 'certificate-authority',
      aliases: ['ca'],
      summary: "Show the CA that signs a deployment's certificates, and its trust restriction",
      load: () => import('./certificate-authority.js'),
    },
    {
      name: 'upgrade-assistant',
      summary: 'Show whether a deployment is ready for its next major version',
      load: () => import('./upgrade-assistant.js'),
    },
    {
      name: 'migrate-template',
      summary: 'Print the update request that would move a deployment to another template',
      load: () => import('./migrate-template.js'),
    },
    {
      name: 'appsearch-read-only',
      summary: "Show or set App Search's read-only mode (on|off)",
      load: () => import('./appsearch-read-only.js'),
    },
    {
      name: 'es',
      summary: "Send a request to a deployment's Elasticsearch through ECE's proxy",
      load: () => import('./es.js'),
    },
    instances.register,
    {
      name: 'resync',
      summary: "Rebuild a deployment's search-index document (or every one with --all)",
      load: () => import('./resync.js'),
    },
    keystore.register,
    remoteClusters.register,
    resources.register,
  ],
});
