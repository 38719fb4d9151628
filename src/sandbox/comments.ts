// Comments (/comments/{resource_type}/{resource_id}): none are seeded. A
// comment belongs to a resource that exists — a deployment's resource by its
// own id (the cluster id), or an allocator, runner, proxy or constructor —
// and to the user who wrote it: only they may change or delete it. Each
// comment has a version (x-cloud-resource-version, `N|M` as ECE writes it);
// a `?version=` that is not the current one is a 409.

import { SandboxError } from './errors.js';
import { hexId, iso } from './ids.js';
import { runners } from './platform.js';
import type { SandboxState } from './state.js';
import type { Reply, Route } from './world.js';

const KINDS = [
  'elasticsearch',
  'kibana',
  'apm',
  'appsearch',
  'enterprise_search',
  'integrations_server',
];
const HOSTS = ['allocator', 'runner', 'proxy'];
/** The installation's one constructor (platform.ts reports the same). */
const CONSTRUCTOR = '192.168.44.10';

interface Stored {
  id: string;
  user_id: string;
  message: string;
  created: number;
  modified: number;
  /** The version is `revision|serial`: the revision grows with every change. */
  revision: number;
  serial: number;
}

const commentNotFound = (id: string) =>
  new SandboxError(
    404,
    'comments.comment_does_not_exist',
    `The Comment [${id}] you want does not exist`,
  );

export function commentRoutes(state: SandboxState): Route[] {
  let sequence = 0;
  const byResource = new Map<string, Stored[]>();
  const current = (c: Stored) => `${c.revision}|${c.serial}`;
  const exists = (type: string, id: string): boolean => {
    if (KINDS.includes(type))
      return state.list().some((d) => d.resources.some((r) => r.kind === type && r.id === id));
    if (HOSTS.includes(type))
      return (runners().runners as { runner_id: string }[]).some((r) => r.runner_id === id);
    if (type === 'constructor') return id === CONSTRUCTOR;
    throw new SandboxError(
      400,
      'root.invalid_data',
      `Resource type [${type}] must be one of ${[...KINDS, ...HOSTS, 'constructor'].join(', ')}`,
      ['resource_type'],
    );
  };
  const list = (type: string, id: string, create = false): Stored[] => {
    if (!exists(type, id))
      throw new SandboxError(
        404,
        'comments.resource_does_not_exist',
        `No ${type} [${id}] exists to comment on`,
      );
    const key = `${type}/${id}`;
    let found = byResource.get(key);
    if (!found) {
      found = [];
      if (create) byResource.set(key, found);
    }
    return found;
  };
  const find = (params: Record<string, string>) => {
    const all = list(params.type ?? '', params.id ?? '');
    const c = all.find((x) => x.id === params.comment);
    if (!c) throw commentNotFound(params.comment ?? '');
    return { all, c };
  };
  const comment = (c: Stored) => ({ id: c.id, user_id: c.user_id, message: c.message });
  const reply = (c: Stored, status = 200, body: unknown = comment(c)): Reply => ({
    status,
    body,
    headers: {
      'x-cloud-resource-version': current(c),
      'x-cloud-resource-created': iso(c.created),
      'x-cloud-resource-last-modified': iso(c.modified),
    },
  });
  const mine = (c: Stored, user: string, version: string | null) => {
    if (c.user_id !== user)
      throw new SandboxError(401, 'comments.unauthorised', 'The Comment does not belong to you');
    if (version !== null && version !== current(c))
      throw new SandboxError(
        409,
        'comments.version_conflict',
        `The version you sent [${version}] does not match the persisted version [${current(c)}]`,
      );
  };
  const message = (body: Record<string, unknown>) => {
    if (typeof body.message !== 'string' || body.message.trim() === '')
      throw new SandboxError(400, 'root.invalid_data', 'A comment needs a message', ['message']);
    return body.message;
  };
  const base = '/comments/{type}/{id}';
  return [
    {
      method: 'GET',
      path: base,
      handle: (c) => ({
        body: {
          values: [...list(c.params.type ?? '', c.params.id ?? '')]
            .sort((a, b) => b.modified - a.modified)
            .map((x) => ({
              comment: comment(x),
              metadata: {
                created_time: iso(x.created),
                modified_time: iso(x.modified),
                version: current(x),
              },
            })),
        },
      }),
    },
    {
      method: 'POST',
      path: base,
      handle: (c) => {
        const all = list(c.params.type ?? '', c.params.id ?? '', true);
        const now = Math.max(state.now(), ...all.map((x) => x.modified + 1));
        sequence++;
        const stored: Stored = {
          id: hexId(),
          serial: sequence,
          user_id: c.principal.user,
          message: message(c.body),
          created: now,
          modified: now,
          revision: 1,
        };
        all.push(stored);
        return reply(stored, 201);
      },
    },
    {
      method: 'GET',
      path: `${base}/{comment}`,
      handle: (c) => reply(find(c.params).c),
    },
    {
      method: 'PUT',
      path: `${base}/{comment}`,
      handle: (c) => {
        const { c: stored } = find(c.params);
        mine(stored, c.principal.user, c.query.get('version'));
        stored.message = message(c.body);
        sequence++;
        stored.serial = sequence;
        stored.modified = Math.max(state.now(), stored.modified + 1);
        stored.revision++;
        return reply(stored);
      },
    },
    {
      method: 'DELETE',
      path: `${base}/{comment}`,
      handle: (c) => {
        const { all, c: stored } = find(c.params);
        mine(stored, c.principal.user, c.query.get('version'));
        all.splice(all.indexOf(stored), 1);
        return reply(stored, 200, {});
      },
    },
  ];
}
