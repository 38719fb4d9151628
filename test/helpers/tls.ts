// Real TLS on loopback: a throwaway CA and a server certificate it signed
// (the same generator `ece sandbox --tls` uses).

import { makePki as make, type Pki } from '../../src/sandbox/tls.js';

export type TestPki = Pki;

export function makePki(
  names: string[] = ['localhost'],
  ips: string[] = ['127.0.0.1'],
): Promise<TestPki> {
  return make({ names, ips });
}
