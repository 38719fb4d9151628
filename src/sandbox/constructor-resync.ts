// Resynchronising constructors (POST /platform/infrastructure/constructors/
// _resync and …/{id}/_resync): ECE rebuilds their search index entries; the
// sandbox's index is always in step, so it only answers as ECE does.

import { SandboxError } from './errors.js';
import { CONSTRUCTOR } from './infrastructure.js';
import type { Route } from './world.js';

export function constructorResyncRoutes(): Route[] {
  const base = '/platform/infrastructure/constructors';
  return [
    {
      method: 'POST',
      path: `${base}/_resync`,
      // Asynchronous in ECE: 202 with the ids it will synchronise, by model version.
      handle: () => ({
        status: 202,
        body: {
          results: {
            constructors: { created: [], updated: [CONSTRUCTOR], deleted: [], errors: [] },
          },
        },
      }),
    },
    {
      method: 'POST',
      path: `${base}/{id}/_resync`,
      handle: (c) => {
        if (c.params.id !== CONSTRUCTOR)
          throw new SandboxError(
            404,
            'constructors.constructor_not_found',
            `Constructor [${c.params.id}] cannot be found`,
          );
        return { body: {} };
      },
    },
  ];
}
