// `ece tls set <service> --chain chain.pem --key key.pem`: replaces the
// certificate of the Cloud UI or the proxies. The files are checked locally
// first (exit 2 when they do not parse or the key does not match). The
// private key is a secret: masked in all output and traces, and a dry run's
// curl line takes it from $ECE_TLS_KEY. It restarts the service: asks first.

import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { shellQuote } from '../../api/curl.js';
import { setTlsCertificateRequest } from '../../api/tls.js';
import type { Context } from '../../context.js';
import { UsageError } from '../../errors.js';
import { decodeText } from '../../input.js';
import { confirmOrFail, requireConfirmable } from '../../output/prompt.js';
import { RAW } from '../../output/raw.js';
import { act, type Contexts } from '../action.js';
import { showDryRun } from '../write.js';
import { checkChain, oneLine } from './pem.js';
import { checkService, SET_SERVICES } from './services.js';

export interface SetFlags {
  chain?: string;
  key?: string;
  yes?: boolean;
}

export function register(group: Command, contexts: Contexts): void {
  group
    .command('set')
    .description("Replace the Cloud UI's or the proxies' TLS certificate (asks first)")
    .argument('<service>', SET_SERVICES.join(' or '))
    .option('--chain <file>', 'PEM certificates: the server certificate first, then its issuers')
    .option('--key <file>', 'PEM RSA private key of the server certificate (unencrypted)')
    .option('-y, --yes', 'do not ask for confirmation')
    .addHelpText(
      'after',
      `
The files are checked before anything is sent: they must parse, the key must
be an unencrypted RSA key that belongs to the first certificate, and each
certificate must be issued by the next. ECE takes the key only as PKCS#1
(BEGIN RSA PRIVATE KEY): a PKCS#8 key (BEGIN PRIVATE KEY, what OpenSSL 3
writes) is converted before sending; EC and encrypted keys are refused.
ECE restarts the service to use the new certificate. Under --dry-run the curl
line reads the key from $ECE_TLS_KEY, and stderr says how to set it.

Examples:
  $ ece tls set ui --chain ui-chain.pem --key ui-key.pem
  $ ece tls set proxy --chain proxy-chain.pem --key proxy-key.pem --yes`,
    )
    .action(act(contexts, (ctx, service: string, flags: SetFlags) => run(service, flags, ctx)));
}

export async function run(service: string, flags: SetFlags, ctx: Context): Promise<void> {
  checkService(service, SET_SERVICES);
  if (!flags.chain || !flags.key)
    throw new UsageError(
      'give the certificate chain with --chain FILE and its key with --key FILE',
    );
  const keyText = readPem(flags.key);
  const checked = checkChain(readPem(flags.chain), flags.chain, keyText, flags.key);
  if (!ctx.flags.dryRun) requireConfirmable(ctx.io, flags.yes);
  const api = await ctx.api();
  // The key in every form it may take in output: as sent (JSON-escaped), and line by line.
  for (const form of [keyText, checked.key, JSON.stringify(checked.key).slice(1, -1)])
    api.addSecret(form);
  for (const line of checked.key.split('\n'))
    if (line.length >= 16 && !line.startsWith('-----')) api.addSecret(line.trim());
  const write = setTlsCertificateRequest(service, checked.key, checked.chain);
  if (showDryRun(ctx, api, write)) {
    // The variable must hold what would be sent: the PKCS#1 form ECE takes.
    const read = checked.converted
      ? `openssl pkey -traditional -in ${keyPath(flags.key)}`
      : `cat ${keyPath(flags.key)}`;
    ctx.io.stderr.write(
      `dry run: the curl line reads the private key from $ECE_TLS_KEY: export ECE_TLS_KEY="$(${read})"\n`,
    );
    return;
  }
  const subject = oneLine(checked.leaf.subject);
  const until = new Date(checked.leaf.validTo).toISOString();
  await confirmOrFail(
    ctx.io,
    `Replace the ${service} certificate with ${subject} (valid until ${until})? ECE restarts the ${service} service.`,
    flags.yes,
  );
  const renderer = await ctx.renderer();
  const res = await api.request(write);
  if (renderer.raw) await renderer.body(res, RAW);
  ctx.io.stderr.write(
    `ECE accepted the new ${service} certificate (${subject}, valid until ${until}); the service restarts to use it.\n`,
  );
}

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
