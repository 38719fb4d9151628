// An extension named on the command line by its id or its exact name (ids
// are ECE's numbers, names are what people remember). A name several
// extensions share is a usage error listing their ids.

import { type ApiClient, parseBody } from '../../api/client.js';
import { listExtensions } from '../../api/extensions.js';
import { CliError, ExitCode, UsageError } from '../../errors.js';

export interface Extension {
  id: string;
  name: string;
  extension_type: 'bundle' | 'plugin';
  version: string;
  description?: string;
  download_url?: string;
  url?: string;
  deployments?: string[];
  file_metadata?: { size?: unknown; last_modified_date?: string; url?: string };
}

export async function resolveExtension(api: ApiClient, ref: string): Promise<Extension> {
  const all = parseBody<{ extensions?: Extension[] }>(await listExtensions(api)).extensions ?? [];
  const byId = all.find((e) => e.id === ref);
  if (byId) return byId;
  const named = all.filter((e) => e.name === ref);
  if (named.length === 1 && named[0]) return named[0];
  if (named.length > 1)
    throw new UsageError(
      `${named.length} extensions are named "${ref}" (${named.map((e) => e.id).join(', ')}): give the id`,
    );
  throw new CliError(`no extension has the id or name "${ref}"`, ExitCode.NOT_FOUND);
}
