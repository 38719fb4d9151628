// `ece deployments`: the group's verbs and help.

import { defineGroup } from '../run/command.js';
import * as create from './create.js';
import * as remove from './delete.js';
import * as es from './es.js';
import * as instances from './instances/index.js';
import * as keystore from './keystore/index.js';
import * as plan from './plan/index.js';
import * as remoteClusters from './remote-clusters/index.js';
import * as resetPassword from './reset-password.js';
import * as resize from './resize.js';
import * as restore from './restore.js';
import * as resync from './resync.js';
import * as update from './update.js';
import * as upgrade from './upgrade.js';

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
    restore.register,
    remove.register,
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
    resize.register,
    upgrade.register,
    resetPassword.register,
    es.register,
    instances.register,
    resync.register,
    keystore.register,
    remoteClusters.register,
  ],
});
