// `ece extensions`: Elasticsearch plugins and bundles that deployments' plans
// refer to (user_plugins / user_bundles by the extension's url).

import type { Command } from 'commander';
import type { Contexts } from '../action.js';
import * as create from './create.js';
import * as del from './delete.js';
import * as list from './list.js';
import * as show from './show.js';
import * as update from './update.js';
import * as upload from './upload.js';

export function register(group: Command, contexts: Contexts): void {
  group.addHelpText(
    'after',
    `
An extension is a custom Elasticsearch plugin or bundle (dictionaries,
scripts): its metadata, then its zip archive. Deployments use it through its
url (repo://<id>) in their Elasticsearch plan.

Examples:
  $ ece extensions create --name synonyms --type bundle --version '8.*' --upload synonyms.zip
  $ ece extensions list
  $ ece extensions delete synonyms --yes`,
  );
  list.register(group, contexts);
  show.register(group, contexts);
  create.register(group, contexts);
  upload.register(group, contexts);
  update.register(group, contexts);
  del.register(group, contexts);
}
