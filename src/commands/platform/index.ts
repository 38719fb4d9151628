// `ece platform`: the installation itself — its version and health (info),
// and its configuration: the config store, trust relationships, extra
// certificates, the deployment domain name, the API base URL, telemetry and
// the templates of every region. Nested groups register on their own command.

import { defineGroup } from '../run/command.js';
import * as apiBaseUrl from './api-base-url/index.js';
import * as certificates from './certificates/index.js';
import * as configStore from './config-store/index.js';
import * as domainName from './domain-name/index.js';
import * as telemetry from './telemetry/index.js';
import * as trust from './trust/index.js';

export const { register } = defineGroup({
  help: `
Examples:
  $ ece platform info
  $ ece platform info --json --query version
  $ ece platform config-store list
  $ ece platform trust list
  $ ece platform telemetry set off`,
  commands: [
    {
      name: 'info',
      summary: 'Show the ECE version and the health of the installation',
      load: () => import('./info.js'),
    },
    configStore.register,
    trust.register,
    certificates.register,
    domainName.register,
    apiBaseUrl.register,
    telemetry.register,
    {
      name: 'global-templates',
      summary: 'List the deployment templates of every region',
      load: () => import('./global-templates.js'),
    },
  ],
});
