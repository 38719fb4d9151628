// `ece deployments`: the group's verbs and help.

import { defineGroup } from '../run/command.js';
import * as create from './create.js';
import * as es from './es.js';
import * as instances from './instances/index.js';
import * as keystore from './keystore/index.js';
import * as plan from './plan/index.js';
import * as remoteClusters from './remote-clusters/index.js';
import * as resources from './resources/index.js';
import * as resync from './resync.js';
import * as update from './update.js';

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
    create.register,
    update.register,
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
      name: 'resize',
      summary:
        'Change the size and/or zone count of one resource (a read-modify-write of its plan)',
      load: () => import('./resize.js'),
    },
    {
      name: 'upgrade',
      summary:
        'Upgrade every resource of a deployment to a stack version, in one update (asks first)',
      load: () => import('./upgrade.js'),
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
    es.register,
    instances.register,
    resync.register,
    keystore.register,
    remoteClusters.register,
    resources.register,
  ],
});
