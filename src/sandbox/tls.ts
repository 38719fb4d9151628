// A CA and a server certificate made at start for `ece sandbox --tls`; the CA
// is written to a file so that clients can pass it to --ca-cert.

import { mkdtempSync, rmSync } from 'node:fs';
import { isIP } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cjs } from '../interop.js';
import { writeFileAtomic } from '../localfile.js';

export interface Pki {
  /** The server's private key and certificate (PEM). */
  key: string;
  cert: string;
  /** The CA that signed it (PEM), also written to caFile. */
  caCert: string;
  caFile: string;
  /** Removes caFile and its directory (the sandbox does when it stops). */
  remove(): void;
}

export interface PkiOptions {
  names: string[];
  ips: string[];
  /** Validity of the server certificate; defaults to a year from now. */
  notBefore?: Date;
  notAfter?: Date;
  /** The keys' algorithm (default EC; ECE's service certificates take RSA keys). */
  keyType?: 'ec' | 'rsa';
}

/** A fresh CA and a server certificate it signed for the given names and addresses. */
export async function makePki(opts: PkiOptions): Promise<Pki> {
  const { generate } = cjs(await import('selfsigned'));
  // One algorithm for both: selfsigned signs with the CA's key as the server key's type.
  const ca = await generate([{ name: 'commonName', value: 'ECE sandbox CA' }], {
    keyType: opts.keyType ?? 'ec',
    algorithm: 'sha256',
    extensions: [
      { name: 'basicConstraints', cA: true, critical: true },
      {
        name: 'keyUsage',
        keyCertSign: true,
        cRLSign: true,
        digitalSignature: true,
        critical: true,
      },
    ],
  });
  const server = await generate(
    [{ name: 'commonName', value: opts.names[0] ?? opts.ips[0] ?? 'localhost' }],
    {
      keyType: opts.keyType ?? 'ec',
      algorithm: 'sha256',
      ca: { key: ca.private, cert: ca.cert },
      ...(opts.notBefore ? { notBeforeDate: opts.notBefore } : {}),
      ...(opts.notAfter ? { notAfterDate: opts.notAfter } : {}),
      extensions: [
        { name: 'basicConstraints', cA: false },
        { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
        { name: 'extKeyUsage', serverAuth: true },
        {
          name: 'subjectAltName',
          altNames: [
            ...opts.names.map((value) => ({ type: 2 as const, value })),
            ...opts.ips.map((ip) => ({ type: 7 as const, ip })),
          ],
        },
      ],
    },
  );
  const dir = mkdtempSync(join(tmpdir(), 'ece-pki-'));
  const caFile = join(dir, 'ca.pem');
  // A certificate is no secret, but every file ece writes goes through the one writer (0600).
  writeFileAtomic(caFile, ca.cert);
  return {
    key: server.private,
    cert: server.cert,
    caCert: ca.cert,
    caFile,
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** Certificates for `ece sandbox --tls` listening on `host`. */
export function makeSandboxPki(host: string): Promise<Pki> {
  const names = new Set(['localhost']);
  const ips = new Set(['127.0.0.1', '::1']);
  if (isIP(host)) ips.add(host);
  else names.add(host);
  return makePki({ names: [...names], ips: [...ips] });
}
