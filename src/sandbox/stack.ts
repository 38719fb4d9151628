// Stack packs: GET /stack/versions/{version}, POST /stack/versions (a stack
// pack zip as multipart/form-data, field `file`), DELETE /stack/versions/{version}.
// A stack pack's versions are the directories at the zip's root named like a
// version (`8.16.0/…`, as ECE's StackVersionArchiveProcessingError describes
// them); other root entries are reported as errors. An uploaded version joins
// the catalog's list, so deployments can be created on it and upgraded to it,
// and templates use the newest. Deleting marks it deleted as ECE does: gone
// from the list and from what deployments may use, still readable by name.
// The list is the installation's (`SandboxState.stacks`), not the process's:
// a test process runs many sandboxes.

import { SandboxError } from './errors.js';
import { stackVersions } from './platform.js';
import type { SandboxState } from './state.js';
import { formFile, zipNames } from './uploads.js';
import type { Route } from './world.js';

const VERSION = /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.]+)?$/;

function newerFirst(a: string, b: string): number {
  const pa = a.split(/[.-]/).map((x) => Number.parseInt(x, 10) || 0);
  const pb = b.split(/[.-]/).map((x) => Number.parseInt(x, 10) || 0);
  for (let i = 0; i < 3; i++) if ((pa[i] ?? 0) !== (pb[i] ?? 0)) return (pb[i] ?? 0) - (pa[i] ?? 0);
  return 0;
}

export function stackRoutes(state: SandboxState): Route[] {
  const { stacks } = state;
  const deleted = new Map<string, Record<string, unknown>>();
  const config = (version: string): Record<string, unknown> | undefined =>
    (stackVersions(stacks).stacks as Record<string, unknown>[]).find((s) => s.version === version);
  const find = (version: string) => {
    const found = config(version) ?? deleted.get(version);
    if (!found)
      throw new SandboxError(
        404,
        'stackpack.version_not_found',
        `The Elastic Stack version [${version}] can't be found`,
      );
    return found;
  };
  return [
    {
      method: 'GET',
      path: '/stack/versions/{version}',
      handle: (c) => ({ body: find(c.params.version ?? '') }),
    },
    {
      method: 'POST',
      path: '/stack/versions',
      handle: (c) => {
        const ct = c.headers['content-type'];
        const zip = formFile(
          c.raw,
          Array.isArray(ct) ? ct[0] : ct,
          'file',
          'stackpack.bad_archive',
        );
        const names = zipNames(zip);
        const roots = [...new Set((names ?? []).map((n) => n.split('/')[0] ?? '').filter(Boolean))];
        const versions = roots.filter((r) => VERSION.test(r));
        if (!names || versions.length === 0)
          return {
            status: 400,
            body: {
              stacks: [],
              errors: [
                {
                  stack_version: '',
                  errors: {
                    errors: [
                      {
                        code: 'stackpack.bad_archive',
                        message: names
                          ? 'The archive has no Elastic Stack version directory at its root'
                          : 'The file is not a zip archive',
                      },
                    ],
                  },
                },
              ],
            },
            headers: { 'x-cloud-error-codes': 'stackpack.bad_archive' },
          };
        for (const v of versions) {
          deleted.delete(v);
          if (!stacks.includes(v)) stacks.push(v);
        }
        stacks.sort(newerFirst);
        return {
          body: {
            stacks: versions.map((v) => find(v)),
            errors: roots
              .filter((r) => !VERSION.test(r))
              .map((r) => ({
                stack_version: r,
                errors: {
                  // ECE's wording, as a pack zipped on macOS (a __MACOSX
                  // folder) shows it; the code is our guess (docs/sandbox.md).
                  errors: [
                    {
                      code: 'stackpack.bad_archive',
                      message: `This version cannot be parsed: [${r}] because: Unknown version string: [${r}]`,
                    },
                  ],
                },
              })),
          },
        };
      },
    },
    {
      method: 'DELETE',
      path: '/stack/versions/{version}',
      handle: (c) => {
        const v = c.params.version ?? '';
        const found = config(v);
        if (!found) {
          find(v);
          return { body: {} };
        }
        deleted.set(v, { ...found, deleted: true });
        stacks.splice(stacks.indexOf(v), 1);
        return { body: {} };
      },
    },
  ];
}
