// An extra certificate bundle read from a file or stdin and checked before
// anything is sent: PEM certificates that parse, at most one private key
// (unencrypted), belonging to the first certificate when there is one. The
// key is a secret: it never comes from a flag, and is masked everywhere.

import { createPrivateKey, X509Certificate } from 'node:crypto';
import { UsageError } from '../../../errors.js';
import { readInputFile, type StdinIO } from '../../../input.js';
import { CERT, isEncrypted, KEY, oneLine } from '../../tls/pem.js';

export interface Bundle {
  /** The text sent, as read. */
  text: string;
  /** The private key block in it, if any. */
  key: string | undefined;
  /** `CN=…` of the first certificate. */
  subject: string;
  notAfter: string;
}

export async function readBundle(io: StdinIO, file: string): Promise<Bundle> {
  const name = file === '-' ? '<stdin>' : file;
  const text = await readInputFile(io, file);
  const blocks = text.match(CERT) ?? [];
  if (blocks.length === 0) throw new UsageError(`${name}: no PEM certificate in it`);
  const certs = blocks.map((b, i) => {
    try {
      return new X509Certificate(b);
    } catch {
      throw new UsageError(`${name}: certificate ${i + 1} is not a valid X.509 certificate`);
    }
  });
  const keys = text.match(KEY) ?? [];
  if (keys.length > 1) throw new UsageError(`${name}: more than one private key in it`);
  const key = keys[0];
  const leaf = certs[0] as X509Certificate;
  if (key !== undefined) {
    if (isEncrypted(key))
      throw new UsageError(
        `${name}: the private key is encrypted; ECE needs it without a passphrase`,
      );
    let ok = false;
    try {
      ok = leaf.checkPrivateKey(createPrivateKey(key));
    } catch {
      throw new UsageError(`${name}: the private key does not parse`);
    }
    if (!ok)
      throw new UsageError(
        `${name}: the private key does not belong to the first certificate (${oneLine(leaf.subject)})`,
      );
  }
  return {
    text,
    key,
    subject: oneLine(leaf.subject),
    notAfter: new Date(leaf.validTo).toISOString(),
  };
}
