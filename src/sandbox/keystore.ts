// The Elasticsearch keystore of a deployment, as ECE keeps it: setting names
// with their type; the values are never answered (the sandbox does not even
// keep them). A PATCH is partial: an entry with a value sets it, an entry
// without one (`{}`, or null as ecctl documents) removes it. Each change
// bumps the deployment's x-cloud-resource-version.

import { invalid, SandboxError } from './errors.js';
import type { SandboxState } from './state.js';
import type { Route } from './world.js';

const SETTING = /^[A-Za-z0-9_.-]+$/;

export function keystoreRoutes(state: SandboxState): Route[] {
  /** `deployment id/resource id` → setting → as_file. */
  const stores = new Map<string, Map<string, boolean>>();
  const storeOf = (id: string, ref: string) => {
    const d = state.get(id);
    const r = state.resource(d, 'elasticsearch', ref);
    const key = `${d.id}/${r.id}`;
    let store = stores.get(key);
    if (!store) {
      store = new Map();
      stores.set(key, store);
    }
    return { d, store };
  };
  const contents = (store: Map<string, boolean>) => ({
    secrets: Object.fromEntries(
      [...store.entries()].sort().map(([name, asFile]) => [name, { as_file: asFile }]),
    ),
  });
  return [
    {
      method: 'GET',
      path: '/deployments/{id}/elasticsearch/{ref}/keystore',
      handle: (c) => ({ body: contents(storeOf(c.params.id ?? '', c.params.ref ?? '').store) }),
    },
    {
      method: 'PATCH',
      path: '/deployments/{id}/elasticsearch/{ref}/keystore',
      handle: (c) => {
        const { d, store } = storeOf(c.params.id ?? '', c.params.ref ?? '');
        const changes = parseChanges(c.body);
        for (const [name, asFile] of changes) {
          if (asFile === undefined) store.delete(name);
          else store.set(name, asFile);
        }
        state.touch(d);
        return { body: contents(store) };
      },
    },
  ];
}

/** setting → as_file to set, or undefined to remove; a 400 for a malformed body. */
function parseChanges(body: Record<string, unknown>): Map<string, boolean | undefined> {
  const secrets = body.secrets;
  if (typeof secrets !== 'object' || secrets === null || Array.isArray(secrets))
    throw invalid('secrets is required and must be an object', ['secrets']);
  const out = new Map<string, boolean | undefined>();
  for (const [name, entry] of Object.entries(secrets as Record<string, unknown>)) {
    const field = `secrets.${name}`;
    if (!SETTING.test(name))
      throw invalid(`The keystore setting name [${name}] is invalid`, [field]);
    if (entry === null) {
      out.set(name, undefined);
      continue;
    }
    if (typeof entry !== 'object' || Array.isArray(entry))
      throw invalid(`${field} must be an object`, [field]);
    const { value, as_file: asFile } = entry as { value?: unknown; as_file?: unknown };
    if (asFile !== undefined && typeof asFile !== 'boolean')
      throw invalid(`${field}.as_file must be a boolean`, [`${field}.as_file`]);
    if (value === undefined || value === null) {
      out.set(name, undefined);
      continue;
    }
    if (typeof value !== 'string' && (typeof value !== 'object' || Array.isArray(value)))
      throw invalid(`${field}.value must be a string or an object`, [`${field}.value`]);
    if (value === '')
      throw new SandboxError(400, 'root.invalid_data', `${field}.value is empty`, [
        `${field}.value`,
      ]);
    // ECE's default: a string is stored as a string, an object as a file.
    out.set(name, asFile ?? typeof value === 'object');
  }
  return out;
}
