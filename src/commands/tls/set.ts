// `ece tls set <service> --chain chain.pem --key key.pem`: replaces the
// certificate of the Cloud UI or the proxies. The files are checked locally
// first (exit 2 when they do not parse or the key does not match), before
// the model asks or refuses for want of a terminal. The private key is a
// secret: masked in all output and traces, and a dry run's curl line takes
// it from $ECE_TLS_KEY. It restarts the service: asks first.

import { readFileSync } from 'node:fs';
import { shellQuote } from '../../api/curl.js';
import { setTlsCertificateRequest } from '../../api/tls.js';
import { UsageError } from '../../errors.js';
import { decodeText } from '../../input.js';
import { defineVerb } from '../run/types.js';
import { type CheckedChain, checkChain, oneLine } from './pem.js';
import { checkService, SET_SERVICES } from './services.js';

interface Input {
  service: string;
  keyFile: string;
  keyText: string;
  checked: CheckedChain;
}

export const verb = defineVerb<Input>({
  // It replaces the certificate in force and restarts the service.
  effect: 'destructive',
  args: [{ name: 'service', description: SET_SERVICES.join(' or ') }],
  options: [
    {
      flags: '--chain <file>',
      description: 'PEM certificates: the server certificate first, then its issuers',
    },
    {
      flags: '--key <file>',
      description: 'PEM RSA private key of the server certificate (unencrypted)',
    },
  ],
  description: `The files are checked before anything is sent: they must parse, the key must
be an unencrypted RSA key that belongs to the first certificate, and each
certificate must be issued by the next. ECE takes the key only as PKCS#1
(BEGIN RSA PRIVATE KEY): a PKCS#8 key (BEGIN PRIVATE KEY, what OpenSSL 3
writes) is converted before sending; EC and encrypted keys are refused.
ECE restarts the service to use the new certificate. Under --dry-run the curl
line reads the key from $ECE_TLS_KEY, and stderr says how to set it.`,
  examples: [
    'ece tls set ui --chain ui-chain.pem --key ui-key.pem',
    'ece tls set proxy --chain proxy-chain.pem --key proxy-key.pem --yes',
  ],
  // The files are read here, not in plan: a bad file is exit 2 before the
  // question (or the refusal without a terminal) and before any request.
  input(raw) {
    const service = raw.service as string;
    checkService(service, SET_SERVICES);
    const chain = raw.chain as string | undefined;
    const key = raw.key as string | undefined;
    if (!chain || !key)
      throw new UsageError(
        'give the certificate chain with --chain FILE and its key with --key FILE',
      );
    const keyText = readPem(key);
    const checked = checkChain(readPem(chain), chain, keyText, key);
    return { service, keyFile: key, keyText, checked };
  },
  async plan({ service, keyFile, keyText, checked }, ctx) {
    const api = await ctx.api();
    // The key in every form it may take in output: as sent (JSON-escaped), and line by line.
    for (const form of [keyText, checked.key, JSON.stringify(checked.key).slice(1, -1)])
      api.addSecret(form);
    for (const line of checked.key.split('\n'))
      if (line.length >= 16 && !line.startsWith('-----')) api.addSecret(line.trim());
    if (ctx.flags.dryRun) {
      // The variable must hold what would be sent: the PKCS#1 form ECE takes.
      const read = checked.converted
        ? `openssl pkey -traditional -in ${keyPath(keyFile)}`
        : `cat ${keyPath(keyFile)}`;
      ctx.io.stderr.write(
        `dry run: the curl line reads the private key from $ECE_TLS_KEY: export ECE_TLS_KEY="$(${read})"\n`,
      );
    }
    const subject = oneLine(checked.leaf.subject);
    const until = new Date(checked.leaf.validTo).toISOString();
    return {
      writes: [setTlsCertificateRequest(service, checked.key, checked.chain)],
      confirm: `Replace the ${service} certificate with ${subject} (valid until ${until})? ECE restarts the ${service} service.`,
      done: `ECE accepted the new ${service} certificate (${subject}, valid until ${until}); the service restarts to use it.`,
    };
  },
});

function readPem(file: string): string {
  let buf: Buffer;
  try {
    buf = readFileSync(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new UsageError(
      `cannot read ${file}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : (code ?? 'unreadable')}`,
    );
  }
  return decodeText(buf, file);
}

/** The key's path as a word of that shell line: quoted, and never read as an option of cat. */
function keyPath(path: string): string {
  return shellQuote(path.startsWith('-') ? `./${path}` : path);
}
