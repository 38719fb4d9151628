// `ece platform extra-certs set <id> -f bundle.pem`: adds the bundle under
// the id, or replaces the one there. Checked first (bundle.ts). Replacing a
// certificate is destructive (DESIGN.md): the id is read first, and only a
// replacement asks (and needs --yes without a terminal); a new id is a write.
// The private key is read from the file or stdin only, masked in every
// output and trace, and a dry run's curl line takes it from
// $ECE_EXTRA_CERT_KEY.

import { getExtraCertificate, setExtraCertificateRequest } from '../../../api/platform-config.js';
import { ApiError, UsageError } from '../../../errors.js';
import { defineVerb } from '../../run/types.js';
import { readBundle } from './bundle.js';
import { ID_ARG } from './columns.js';

export const verb = defineVerb<{ id: string; file: string }>({
  effect: 'destructive',
  // Known only once the id is read: plan.effect says it.
  effectOf: () => 'write',
  args: [ID_ARG],
  options: [
    {
      flags: '-f, --file <file>',
      description: 'the PEM bundle: certificates, and its key if any (- for stdin)',
    },
  ],
  description: `The bundle is checked before anything is sent: its certificates parse, and a
private key in it is unencrypted and belongs to the first certificate. It
goes as text (Content-Type: application/text). Replacing an existing id asks
first. Under --dry-run the curl line reads the key from $ECE_EXTRA_CERT_KEY.`,
  examples: [
    'ece platform extra-certs set star_example_com -f bundle.pem',
    'cat cert.pem key.pem | ece platform extra-certs set star_example_com -f - --yes',
  ],
  input(raw) {
    if (typeof raw.file !== 'string' || raw.file === '')
      throw new UsageError('give the bundle with -f FILE (- for stdin)');
    return { id: raw.id as string, file: raw.file };
  },
  async plan({ id, file }, ctx) {
    const bundle = await readBundle(ctx.io, file);
    const api = await ctx.api();
    if (bundle.key !== undefined) {
      api.addSecret(bundle.key);
      for (const line of bundle.key.split('\n'))
        if (line.length >= 16 && !line.startsWith('-----')) api.addSecret(line.trim());
      if (ctx.flags.dryRun)
        ctx.io.stderr.write(
          'dry run: the curl line reads the private key from $ECE_EXTRA_CERT_KEY: export ECE_EXTRA_CERT_KEY="$(cat KEY.pem)"\n',
        );
    }
    const exists = await getExtraCertificate(api, id).then(
      () => true,
      (err: unknown) => {
        if (err instanceof ApiError && err.status === 404) return false;
        throw err;
      },
    );
    const what = `${bundle.subject}, valid until ${bundle.notAfter}`;
    return {
      effect: exists ? 'destructive' : 'write',
      writes: [setExtraCertificateRequest(id, bundle.text, bundle.key)],
      confirm: `Replace extra certificate ${id} with ${what}?`,
      done: `${exists ? 'Replaced' : 'Added'} extra certificate ${id} (${what}).`,
    };
  },
});
