// The platform's snapshot repositories
// (/platform/configuration/snapshots/repositories): one S3 repository seeded,
// as an installation that takes snapshots of its deployments has.

import { invalid, SandboxError } from './errors.js';
import { flag } from './params.js';
import type { Route } from './world.js';

const TYPES = ['s3', 'azure', 'gcs', 'fs', 'url'];

export function snapshotRepoRoutes(): Route[] {
  const repos = new Map<string, Record<string, unknown>>([
    [
      'ece-snapshots',
      {
        type: 's3',
        settings: { bucket: 'ece-snapshots', region: 'us-east-1', base_path: 'ece' },
      },
    ],
  ]);
  const base = '/platform/configuration/snapshots/repositories';
  const find = (name: string) => {
    const config = repos.get(name);
    if (!config)
      throw new SandboxError(
        404,
        'snapshot_repositories.not_found',
        `Snapshot repository [${name}] cannot be found`,
      );
    return config;
  };
  const one = (name: string) => ({ repository_name: name, config: find(name) });
  return [
    {
      method: 'GET',
      path: base,
      handle: () => ({ body: { configs: [...repos.keys()].map(one) } }),
    },
    {
      method: 'GET',
      path: `${base}/{name}`,
      handle: (c) => ({ body: one(c.params.name ?? '') }),
    },
    {
      method: 'PUT',
      path: `${base}/{name}`,
      handle: (c) => {
        const name = c.params.name ?? '';
        if (!/^[a-z0-9][a-z0-9._-]{0,63}$/.test(name))
          throw invalid(`Repository name [${name}] is not valid`, ['repository_name']);
        const { type, settings } = c.body;
        if (typeof type !== 'string' || !TYPES.includes(type))
          throw invalid(`type must be one of ${TYPES.join(', ')}`, ['type']);
        if (typeof settings !== 'object' || settings === null || Array.isArray(settings))
          throw invalid('settings must be an object', ['settings']);
        repos.set(name, { type, settings });
        return { body: one(name) };
      },
    },
    {
      method: 'DELETE',
      path: `${base}/{name}`,
      handle: (c) => {
        const name = c.params.name ?? '';
        find(name);
        repos.delete(name);
        // With cleanup_deployments ECE removes the repository from the
        // deployments that use it, in the background: 202.
        return flag(c.query, 'cleanup_deployments', false)
          ? { status: 202, body: {} }
          : { body: {} };
      },
    },
  ];
}
