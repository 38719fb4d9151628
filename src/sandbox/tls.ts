// A CA and a server certificate made at start for `ece sandbox --tls`; the CA
// is written to a file so that clients can pass it to --ca-cert.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cjs } from '../interop.js';

export interface SandboxPki {
  key: string;
  cert: string;
  caCert: string;
  caFile: string;
}

export async function makeSandboxPki(host: string): Promise<SandboxPki> {
  const { generate } = cjs(await import('selfsigned'));
  const ca = await generate([{ name: 'commonName', value: 'ECE sandbox CA' }], {
    keyType: 'ec',
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
  const names = new Set(['localhost']);
  const ips = new Set(['127.0.0.1', '::1']);
  if (isIP(host)) ips.add(host);
  else names.add(host);
  const server = await generate([{ name: 'commonName', value: host }], {
    keyType: 'ec',
    algorithm: 'sha256',
    ca: { key: ca.private, cert: ca.cert },
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          ...[...names].map((value) => ({ type: 2 as const, value })),
          ...[...ips].map((ip) => ({ type: 7 as const, ip })),
        ],
      },
    ],
  });
  const dir = mkdtempSync(join(tmpdir(), 'ece-sandbox-'));
  const caFile = join(dir, 'ca.pem');
  writeFileSync(caFile, ca.cert, { mode: 0o644 });
  return { key: server.private, cert: server.cert, caCert: ca.cert, caFile };
}
