// `ece platform trust create -f trust.json`: trusts another environment
// (POST TrustRelationshipCreateRequest: name and public_ca_cert required).
// Only public material: the environment's CA certificate, never a key.

import { createTrustRelationshipRequest } from '../../../api/platform-config.js';
import { UsageError } from '../../../errors.js';
import { readDocument } from '../../../input.js';
import { defineVerb } from '../../run/types.js';
import { FILE_OPTION, trustRequest } from './columns.js';

export const verb = defineVerb<{ file: string }>({
  effect: 'write',
  options: [FILE_OPTION],
  description: `The file: {"name", "public_ca_cert" (PEM), "trust_by_default", "account_ids",
"installation_id"}. The certificate is checked before anything is sent.`,
  examples: [
    'ece platform trust create -f other-ece.json',
    'ece platform trust create -f - < other-ece.yaml',
  ],
  input(raw) {
    if (typeof raw.file !== 'string' || raw.file === '')
      throw new UsageError('give the trust relationship with -f FILE (- for stdin)');
    return { file: raw.file };
  },
  async plan({ file }, ctx) {
    const name = file === '-' ? '<stdin>' : file;
    const body = trustRequest(await readDocument(ctx.io, file), name, true);
    return {
      writes: [createTrustRelationshipRequest(body)],
      done: (sent) => {
        const id = (JSON.parse(sent[0]?.text || '{}') as { id?: string }).id;
        return `Created trust relationship ${String(body.name)}${id ? ` (${id})` : ''}.`;
      },
    };
  },
});
