// `ece tls`: the TLS certificates of the Cloud UI and the proxies.

import { defineGroup } from '../run/command.js';

export const { register } = defineGroup({
  help: `
Examples:
  $ ece tls show ui
  $ ece tls set proxy --chain proxy-chain.pem --key proxy-key.pem`,
  commands: [
    {
      name: 'show',
      summary: "Show a service's TLS certificate: subject, issuer, validity, SANs",
      load: () => import('./show.js'),
    },
    {
      name: 'set',
      summary: "Replace the Cloud UI's or the proxies' TLS certificate (asks first)",
      load: () => import('./set.js'),
    },
  ],
});
