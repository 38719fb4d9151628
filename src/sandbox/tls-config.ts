// The sandbox's service certificates
// (/platform/configuration/security/tls/{service_name}): made with node's
// crypto (through the same generator as `ece sandbox --tls`) on first use,
// replaced by a POSTed chain that is checked as ECE checks it: a private key
// first, then the server certificate it belongs to, then its issuers. ECE
// takes the key only in PKCS#1 form (`BEGIN RSA PRIVATE KEY`) and answers
// any other (PKCS#8, EC, encrypted) with cert.invalid_cert_chain
// (elastic/docs-content#2754).

import { createPrivateKey, X509Certificate } from 'node:crypto';
import { SandboxError } from './errors.js';
import { makePki } from './tls.js';
import type { Route } from './world.js';

const SERVICES = ['adminconsole', 'proxy', 'ui', 'internalca'];
const CERT = /-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g;
const KEY = /-----BEGIN ((?:RSA |EC )?)PRIVATE KEY-----[\s\S]*?-----END \1PRIVATE KEY-----/;

interface Chain {
  chain: string[];
  userSupplied: boolean;
}

const invalid = (message: string) => new SandboxError(400, 'root.invalid_data', message, ['chain']);

export function tlsRoutes(): Route[] {
  let generated: Promise<Map<string, Chain>> | undefined;
  const chains = () => {
    generated ??= makePki({ names: ['ece.sandbox.local', 'localhost'], ips: ['127.0.0.1'] }).then(
      (pki) => {
        // Only the PEMs are served: the CA file is not needed.
        pki.remove();
        return new Map(
          SERVICES.map((s) => [
            s,
            {
              chain: s === 'internalca' ? [pki.caCert] : [pki.cert, pki.caCert],
              userSupplied: false,
            },
          ]),
        );
      },
    );
    return generated;
  };
  const service = (name: string) => {
    if (!SERVICES.includes(name))
      throw new SandboxError(404, 'root.resource_not_found', `Unknown service [${name}]`);
    return name;
  };
  const base = '/platform/configuration/security/tls/{service_name}';
  return [
    {
      method: 'GET',
      path: base,
      handle: async (c) => {
        const name = service(c.params.service_name ?? '');
        const chain = (await chains()).get(name) as Chain;
        return { body: publicChain(name, chain) };
      },
    },
    {
      method: 'POST',
      path: base,
      stringBody: true,
      handle: async (c) => {
        const name = service(c.params.service_name ?? '');
        if (name === 'internalca')
          throw new SandboxError(
            400,
            'root.invalid_data',
            'The internal CA is not managed through the API',
          );
        const text = c.text;
        if (typeof text !== 'string')
          throw invalid('The body must be the PEM chain as a JSON string');
        const key = KEY.exec(text)?.[0];
        if (!key) throw invalid('The chain must start with the PEM private key');
        if (
          !key.startsWith('-----BEGIN RSA PRIVATE KEY-----') ||
          /Proc-Type: *4, *ENCRYPTED/.test(key)
        )
          throw new SandboxError(
            400,
            'cert.invalid_cert_chain',
            'The certificate chain is invalid: the private key must be an unencrypted RSA key in PKCS#1 form',
            ['chain'],
          );
        const blocks = text.match(CERT) ?? [];
        if (blocks.length === 0) throw invalid('The chain has no certificate');
        let certs: X509Certificate[];
        try {
          certs = blocks.map((b) => new X509Certificate(b));
        } catch {
          throw invalid('A certificate of the chain is not valid');
        }
        let matches = false;
        try {
          matches = (certs[0] as X509Certificate).checkPrivateKey(createPrivateKey(key));
        } catch {
          throw invalid('The private key is not valid');
        }
        if (!matches) throw invalid('The private key does not match the server certificate');
        (await chains()).set(name, { chain: blocks, userSupplied: true });
        return { status: 202, body: { service: name } };
      },
    },
  ];
}

function publicChain(name: string, c: Chain): Record<string, unknown> {
  const certs = c.chain.map((p) => new X509Certificate(p));
  const first = certs.reduce((a, b) => (Date.parse(b.validTo) < Date.parse(a.validTo) ? b : a));
  return {
    user_supplied: c.userSupplied,
    chain: c.chain,
    chain_status: {
      expiration_date: new Date(first.validTo).toISOString(),
      first_certificate_to_expire: first.subject.split('\n').join(', '),
    },
    api_managed: name !== 'internalca',
  };
}
