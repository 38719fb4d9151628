// Extensions (/deployments/extensions): plugins and bundles with their
// metadata; an uploaded archive gives them file_metadata. ECE picks numeric
// ids and the plan URL `repo://<id>`. Deleting one that a deployment's
// Elasticsearch plan uses (user_plugins / user_bundles by that URL) is
// refused with 409, as ECE refuses it.

import { invalid, SandboxError } from './errors.js';
import { flag } from './params.js';
import type { SandboxState } from './state.js';
import { formFile } from './uploads.js';
import type { Call, Route } from './world.js';

const NAME = /^[A-Za-z0-9_.-]+$/;
const TYPES = ['plugin', 'bundle'];

export function extensionRoutes(state: SandboxState): Route[] {
  const extensions = new Map<string, Record<string, unknown>>();
  let next = 4_226_448_541;
  const base = '/deployments/extensions';
  const find = (id: string) => {
    const e = extensions.get(id);
    if (!e)
      throw new SandboxError(404, 'extensions.not_found', `The extension [${id}] cannot be found`);
    return e;
  };
  const usedBy = (url: unknown): string[] =>
    state
      .list()
      .filter((d) =>
        d.resources.some((r) => {
          const es = r.plans.at(-1)?.body.elasticsearch as Record<string, unknown> | undefined;
          const uses = [...asList(es?.user_plugins), ...asList(es?.user_bundles)];
          return r.kind === 'elasticsearch' && uses.some((u) => u.url === url);
        }),
      )
      .map((d) => d.id);
  const fields = (c: Call) => {
    const { name, extension_type, version, description, download_url } = c.body;
    if (typeof name !== 'string' || !NAME.test(name))
      throw invalid('The extension name may hold only ASCII letters, digits and [_.-]', ['name']);
    if (typeof extension_type !== 'string' || !TYPES.includes(extension_type))
      throw invalid('extension_type must be plugin or bundle', ['extension_type']);
    if (typeof version !== 'string' || version === '')
      throw invalid('version is required', ['version']);
    return {
      name,
      extension_type,
      version,
      ...(typeof description === 'string' ? { description } : {}),
      ...(typeof download_url === 'string' ? { download_url } : {}),
    };
  };
  const view = (e: Record<string, unknown>, deployments: boolean) =>
    deployments ? { ...e, deployments: usedBy(e.url) } : e;
  return [
    {
      method: 'GET',
      path: base,
      handle: () => ({ body: { extensions: [...extensions.values()] } }),
    },
    {
      method: 'POST',
      path: base,
      handle: (c) => {
        const id = String(next++);
        const e = { id, ...fields(c), url: `repo://${id}` };
        extensions.set(id, e);
        return { status: 201, body: e };
      },
    },
    {
      method: 'GET',
      path: `${base}/{id}`,
      handle: (c) => ({
        body: view(find(c.params.id ?? ''), flag(c.query, 'include_deployments', false)),
      }),
    },
    {
      method: 'POST',
      path: `${base}/{id}`,
      handle: (c) => {
        const old = find(c.params.id ?? '');
        const e = {
          id: old.id,
          ...fields(c),
          url: old.url,
          ...(old.file_metadata ? { file_metadata: old.file_metadata } : {}),
        };
        extensions.set(String(old.id), e);
        return { body: e };
      },
    },
    {
      method: 'PUT',
      path: `${base}/{id}`,
      handle: (c) => {
        const e = find(c.params.id ?? '');
        const ct = c.headers['content-type'];
        const file = formFile(
          c.raw,
          Array.isArray(ct) ? ct[0] : ct,
          'file',
          'extensions.request_execution_failed',
        );
        if (file.length < 4 || file.readUInt32LE(0) !== 0x04034b50)
          throw new SandboxError(
            400,
            'extensions.request_execution_failed',
            'Could not accept the extensions file: it is not a zip archive',
          );
        e.file_metadata = {
          last_modified_date: new Date(state.now()).toISOString(),
          size: file.length,
          url: `http://sandbox-extensions.local/${String(e.id)}.zip`,
        };
        return { body: e };
      },
    },
    {
      method: 'DELETE',
      path: `${base}/{id}`,
      handle: (c) => {
        const e = find(c.params.id ?? '');
        const users = usedBy(e.url);
        if (users.length > 0)
          throw new SandboxError(
            409,
            'extensions.extension_in_use',
            `The extension [${String(e.id)}] is in use by deployments [${users.join(', ')}] and cannot be deleted`,
          );
        extensions.delete(String(e.id));
        return { body: {} };
      },
    },
  ];
}

function asList(v: unknown): { url?: unknown }[] {
  return Array.isArray(v) ? (v as { url?: unknown }[]) : [];
}
