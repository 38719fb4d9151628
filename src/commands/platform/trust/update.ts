// `ece platform trust update <id> -f trust.json`: the fields in the file
// change, the others stay (PUT TrustRelationshipUpdateRequest: every field
// optional). The spec gives this PUT no version and no 409: nothing to guard
// with. A file from `show --json` works: the read-only fields are left out.

import { updateTrustRelationshipRequest } from '../../../api/platform-config.js';
import { UsageError } from '../../../errors.js';
import { readDocument } from '../../../input.js';
import { defineVerb } from '../../run/types.js';
import { FILE_OPTION, trustRequest } from './columns.js';

export const verb = defineVerb<{ id: string; file: string }>({
  effect: 'write',
  args: [{ name: 'id', description: 'the trust relationship id' }],
  options: [FILE_OPTION],
  examples: [
    'ece platform trust show 9a4e2f1c --json > trust.json   # edit trust.json',
    'ece platform trust update 9a4e2f1c -f trust.json',
  ],
  input(raw) {
    if (typeof raw.file !== 'string' || raw.file === '')
      throw new UsageError('give the changes with -f FILE (- for stdin)');
    return { id: raw.id as string, file: raw.file };
  },
  async plan({ id, file }, ctx) {
    const name = file === '-' ? '<stdin>' : file;
    const body = trustRequest(await readDocument(ctx.io, file), name, false);
    if (Object.keys(body).length === 0) throw new UsageError(`${name}: nothing to change`);
    return {
      writes: [updateTrustRelationshipRequest(id, body)],
      done: `Updated trust relationship ${id}.`,
    };
  },
});
