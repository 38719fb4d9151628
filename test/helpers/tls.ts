// Real TLS on loopback: a throwaway CA and a server certificate it signed
// (the same generator `ece sandbox --tls` uses).

import { dirname } from 'node:path';
import { makePki as make, type Pki } from '../../src/sandbox/tls.js';
import { adopt } from './temp.js';

export type TestPki = Pki;

export async function makePki(
  names: string[] = ['localhost'],
  ips: string[] = ['127.0.0.1'],
  options: { notBefore?: Date; notAfter?: Date; keyType?: 'ec' | 'rsa' } = {},
): Promise<TestPki> {
  const pki = await make({ names, ips, ...options });
  adopt(dirname(pki.caFile));
  return pki;
}

/** An RSA key pair as ECE takes it for `tls set`: the key in PKCS#1 form. */
export async function makeRsaPki(names: string[] = ['localhost']): Promise<TestPki> {
  const { createPrivateKey } = await import('node:crypto');
  const pki = await makePki(names, [], { keyType: 'rsa' });
  const key = String(createPrivateKey(pki.key).export({ type: 'pkcs1', format: 'pem' }));
  return { ...pki, key };
}
