// Real TLS on loopback: a throwaway CA and a server certificate it signed
// (the same generator `ece sandbox --tls` uses).

import { dirname } from 'node:path';
import { makePki as make, type Pki } from '../../src/sandbox/tls.js';
import { adopt } from './temp.js';

export type TestPki = Pki;

export async function makePki(
  names: string[] = ['localhost'],
  ips: string[] = ['127.0.0.1'],
  validity: { notBefore?: Date; notAfter?: Date } = {},
): Promise<TestPki> {
  const pki = await make({ names, ips, ...validity });
  adopt(dirname(pki.caFile));
  return pki;
}
