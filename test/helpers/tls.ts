// A throwaway CA and a server certificate it signed, for real TLS on loopback.

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import selfsigned from 'selfsigned';
import { tempDir } from './cli.js';

export interface TestPki {
  caCert: string;
  caFile: string;
  key: string;
  cert: string;
}

export async function makePki(
  hostnames: string[] = ['localhost'],
  ips: string[] = ['127.0.0.1'],
): Promise<TestPki> {
  const ca = await selfsigned.generate([{ name: 'commonName', value: 'ece-test CA' }], {
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
  const server = await selfsigned.generate(
    [{ name: 'commonName', value: hostnames[0] ?? 'localhost' }],
    {
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
            ...hostnames.map((value) => ({ type: 2 as const, value })),
            ...ips.map((ip) => ({ type: 7 as const, ip })),
          ],
        },
      ],
    },
  );
  const dir = tempDir('ece-pki-');
  const caFile = join(dir, 'ca.pem');
  writeFileSync(caFile, ca.cert);
  return { caCert: ca.cert, caFile, key: server.private, cert: server.cert };
}
