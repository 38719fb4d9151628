// `ece extensions`: Elasticsearch plugins and bundles that deployments' plans
// refer to (user_plugins / user_bundles by the extension's url).

import { defineGroup } from '../run/command.js';

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
    {
      name: 'create',
      summary: 'Register an extension; --upload also sends its zip',
      load: () => import('./create.js'),
    },
    {
      name: 'upload',
      summary: "Upload an extension's zip archive",
      load: () => import('./upload.js'),
    },
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
