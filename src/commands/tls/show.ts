// `ece tls show <service>`: the certificate a service presents — subject,
// issuer, validity, SANs, fingerprint, and whether a user supplied it —
// read from the chain ECE returns (never with a private key). --json is
// the API's body.

import type { X509Certificate } from 'node:crypto';
import { getTlsCertificate } from '../../api/tls.js';
import { type Column, fieldsView } from '../../output/views.js';
import { defineVerb } from '../run/types.js';
import { oneLine, parseCertificate } from './pem.js';
import { checkService, SHOW_SERVICES } from './services.js';

interface Chain {
  chain?: string[];
  user_supplied?: boolean;
  api_managed?: boolean;
  chain_status?: { expiration_date?: string; first_certificate_to_expire?: string };
}

export const verb = defineVerb<{ service: string }>({
  effect: 'read',
  args: [{ name: 'service', description: `${SHOW_SERVICES.join(', ')}` }],
  examples: [
    'ece tls show ui',
    'ece tls show proxy --query "chain_status.expiration_date"',
    "ece tls show proxy --json | jq -r '.chain[0]' | openssl x509 -noout -text",
  ],
  input(raw) {
    const service = raw.service as string;
    checkService(service, SHOW_SERVICES);
    return { service };
  },
  async plan({ service }, ctx) {
    const res = await getTlsCertificate(await ctx.api(), service);
    return { output: { body: res, view: fieldsView(columns(service)) } };
  },
});

const iso = (t: string | undefined) => {
  const ms = t === undefined ? Number.NaN : Date.parse(t);
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
};

function columns(service: string): Column<Chain>[] {
  // The server certificate: the first of the chain.
  const leaf = (c: Chain): X509Certificate | undefined => parseCertificate(c.chain?.[0]);
  return [
    ['SERVICE', () => service],
    ['USER_SUPPLIED', (c) => c.user_supplied === true],
    ['SUBJECT', (c) => oneLine(leaf(c)?.subject ?? '')],
    ['ISSUER', (c) => oneLine(leaf(c)?.issuer ?? '')],
    ['NOT_BEFORE', (c) => iso(leaf(c)?.validFrom)],
    ['NOT_AFTER', (c) => iso(leaf(c)?.validTo)],
    ['SANS', (c) => leaf(c)?.subjectAltName?.split(', ')],
    ['FINGERPRINT_SHA256', (c) => leaf(c)?.fingerprint256],
    ['CHAIN', (c) => `${c.chain?.length ?? 0} certificate${c.chain?.length === 1 ? '' : 's'}`],
    ['CHAIN_EXPIRES', (c) => iso(c.chain_status?.expiration_date)],
    ['API_MANAGED', (c) => c.api_managed],
  ];
}
