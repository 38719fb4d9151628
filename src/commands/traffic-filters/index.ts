// `ece traffic-filters`: the group's verbs and help.

import type { Command } from 'commander';
import type { Contexts } from '../action.js';
import * as associate from './associate.js';
import * as create from './create.js';
import * as del from './delete.js';
import * as disassociate from './disassociate.js';
import * as list from './list.js';
import * as show from './show.js';
import * as update from './update.js';

export function register(group: Command, contexts: Contexts): void {
  group.addHelpText(
    'after',
    `
A traffic filter ruleset lists the sources (IP addresses, CIDR blocks) that
may reach the deployments it is associated with; a deployment with no
ruleset accepts traffic from anywhere. Rulesets are named by id or exact name.

Examples:
  $ ece traffic-filters create --name office-network --source 203.0.113.0/24
  $ ece traffic-filters associate office-network prod-logs
  $ ece traffic-filters show office-network`,
  );
  list.register(group, contexts);
  show.register(group, contexts);
  create.register(group, contexts);
  update.register(group, contexts);
  del.register(group, contexts);
  associate.register(group, contexts);
  disassociate.register(group, contexts);
}
