// `ece extensions`: Elasticsearch plugins and bundles that deployments' plans
// refer to (user_plugins / user_bundles by the extension's url).
// `create` and `upload` stay old-style verbs: an upload streams its archive
// with progress, and create --upload sends it to the id the create answers
// with, neither of which a plan's fixed list of writes can say.

import { defineGroup } from '../run/command.js';
import * as create from './create.js';
import * as upload from './upload.js';

export const { register } = defineGroup({
  help: `
An extension is a custom Elasticsearch plugin or bundle (dictionaries,
scripts): its metadata, then its zip archive. Deployments use it through its
url (repo://<id>) in their Elasticsearch plan.

Examples:
  $ ece extensions create --name synonyms --type bundle --version '8.*' --upload synonyms.zip
  $ ece extensions list
  $ ece extensions delete synonyms --yes`,
  commands: [
    {
      name: 'list',
      aliases: ['ls'],
      summary: 'List the extensions (Elasticsearch plugins and bundles)',
      load: () => import('./list.js'),
    },
    {
      name: 'show',
      summary: 'Show an extension and the deployments that use it',
      load: () => import('./show.js'),
    },
    create.register,
    upload.register,
    {
      name: 'update',
      summary: "Change an extension's name, type, version, description or download URL",
      load: () => import('./update.js'),
    },
    {
      name: 'delete',
      aliases: ['rm'],
      summary: 'Delete an extension (asks first)',
      load: () => import('./delete.js'),
    },
  ],
});
