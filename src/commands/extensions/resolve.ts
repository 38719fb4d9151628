// An extension named on the command line by its id or its exact name (ids
// are ECE's numbers, names are what people remember).

import { type ApiClient, parseBody } from '../../api/client.js';
import { listExtensions } from '../../api/extensions.js';
import { byIdOrName } from '../run/resolve.js';

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

/** By the one rule (`byIdOrName`): one list, an id or a single exact name. */
export async function resolveExtension(api: ApiClient, ref: string): Promise<Extension> {
  const { item } = await byIdOrName<Extension>(
    {
      noun: 'extension',
      candidates: async () =>
        parseBody<{ extensions?: Extension[] }>(await listExtensions(api)).extensions ?? [],
      id: (e) => e.id,
      names: (e) => [e.name],
    },
    ref,
  );
  // No id pattern: the item always comes from the list.
  if (!item) throw new Error('unreachable: an extension resolved without its list');
  return item;
}
