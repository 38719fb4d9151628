// A certificate chain and its private key, read from PEM files and checked
// with node:crypto before anything is sent: every block parses, the key is
// an unencrypted RSA key that belongs to the first (server) certificate, each
// certificate was issued by the next one, and the server certificate has not
// expired. ECE takes the key only in PKCS#1 form (`BEGIN RSA PRIVATE KEY`)
// and refuses any other with cert.invalid_cert_chain (elastic/docs-content
// #2754); OpenSSL 3 writes PKCS#8 by default, so an RSA key in PKCS#8 is
// converted here, and EC or encrypted keys are refused before sending.
// Also what `tls show` reads a certificate with.

import { createPrivateKey, X509Certificate } from 'node:crypto';
import { UsageError } from '../../errors.js';

/** PEM certificate blocks (also what `platform extra-certs set` reads a bundle with). */
export const CERT = /-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g;
/** A PEM private key block: PKCS#1 (RSA, EC), PKCS#8, or encrypted. */
export const KEY =
  /-----BEGIN ((?:RSA |EC |ENCRYPTED )?)PRIVATE KEY-----[\s\S]*?-----END \1PRIVATE KEY-----/g;

export interface CheckedChain {
  /** The private key block in PKCS#1 form, as ECE takes it (no trailing newline). */
  key: string;
  /** The key file was PKCS#8 and `key` is its conversion. */
  converted: boolean;
  /** The certificates, server first, one PEM block a line group, ending in a newline. */
  chain: string;
  leaf: X509Certificate;
  certificates: X509Certificate[];
}

export function checkChain(
  chainText: string,
  chainFile: string,
  keyText: string,
  keyFile: string,
  now = Date.now(),
): CheckedChain {
  if (new RegExp(KEY.source).test(chainText))
    throw new UsageError(
      `${chainFile} holds a private key: give the key with --key and only certificates in --chain`,
    );
  const blocks = chainText.match(CERT) ?? [];
  if (blocks.length === 0) throw new UsageError(`${chainFile}: no PEM certificate in it`);
  const certificates = blocks.map((b, i) => {
    try {
      return new X509Certificate(b);
    } catch {
      throw new UsageError(`${chainFile}: certificate ${i + 1} is not a valid X.509 certificate`);
    }
  });
  const keys = keyText.match(KEY) ?? [];
  if (keys.length === 0) throw new UsageError(`${keyFile}: no PEM private key in it`);
  if (keys.length > 1) throw new UsageError(`${keyFile}: more than one private key in it`);
  const key = keys[0] ?? '';
  if (isEncrypted(key))
    throw new UsageError(`${keyFile}: the key is encrypted; ECE needs it without a passphrase`);
  let keyObject: ReturnType<typeof createPrivateKey>;
  try {
    keyObject = createPrivateKey(key);
  } catch {
    throw new UsageError(`${keyFile}: the private key does not parse`);
  }
  const kind = keyObject.asymmetricKeyType;
  if (kind !== 'rsa')
    throw new UsageError(
      `${keyFile}: ECE takes an RSA private key, and this is ${kind === 'ec' ? 'an EC' : kind === undefined ? 'another kind of' : `an ${kind.toUpperCase()}`} key; make an RSA key (openssl genrsa) and a certificate for it`,
    );
  const converted = !key.startsWith('-----BEGIN RSA PRIVATE KEY-----');
  const pkcs1 = converted
    ? String(keyObject.export({ type: 'pkcs1', format: 'pem' })).trimEnd()
    : key;
  const leaf = certificates[0] as X509Certificate;
  if (!leaf.checkPrivateKey(keyObject))
    throw new UsageError(
      `${keyFile} does not belong to the server certificate in ${chainFile} (${oneLine(leaf.subject)})`,
    );
  for (let i = 0; i + 1 < certificates.length; i++) {
    const cert = certificates[i] as X509Certificate;
    const issuer = certificates[i + 1] as X509Certificate;
    if (!cert.checkIssued(issuer) || !cert.verify(issuer.publicKey))
      throw new UsageError(
        `${chainFile}: certificate ${i + 2} (${oneLine(issuer.subject)}) did not issue certificate ${i + 1} (${oneLine(cert.subject)}): put the server certificate first, then each issuer`,
      );
  }
  if (Date.parse(leaf.validTo) <= now)
    throw new UsageError(
      `${chainFile}: the server certificate expired on ${new Date(leaf.validTo).toISOString()}`,
    );
  return { key: pkcs1, converted, chain: `${blocks.join('\n')}\n`, leaf, certificates };
}

/**
 * A key with a passphrase: PKCS#8 (`ENCRYPTED PRIVATE KEY`) or traditional
 * PEM encryption (a `Proc-Type: 4,ENCRYPTED` header) alike.
 */
export function isEncrypted(key: string): boolean {
  return key.startsWith('-----BEGIN ENCRYPTED') || /^Proc-Type: *4, *ENCRYPTED/m.test(key);
}

/** A distinguished name on one line: `CN=x, O=y`. */
export function oneLine(dn: string): string {
  return dn.split('\n').filter(Boolean).join(', ');
}

/** The certificate in a PEM block, or undefined when it does not parse. */
export function parseCertificate(pem: unknown): X509Certificate | undefined {
  if (typeof pem !== 'string') return undefined;
  try {
    return new X509Certificate(pem);
  } catch {
    return undefined;
  }
}
