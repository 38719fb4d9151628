// The server of the small-things tests (test/deployments/small-things.test.ts
// and its terminal cases, test/e2e/deployments-prompts.test.ts): three
// deployments with none, one and two pending plans.

import { writeFileSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { join } from 'node:path';
import { after, before } from 'node:test';
import { tempDir } from '../helpers/cli.js';
import { registerSecret } from '../helpers/secrets.js';
import { json, type Recorded, startServer, type TestServer } from '../helpers/server.js';

export const API_KEY = 'small-things-api-key-0042';
/** One deployment per number of pending plans: none, one (Elasticsearch), two. */
export const IDS = ['0'.repeat(32), '1'.repeat(32), '2'.repeat(32)] as const;

const resource = (kind: string, pending: boolean) => ({
  ref_id: `main-${kind}`,
  id: `${kind}-id`,
  region: 'ece-region',
  info: {
    healthy: true,
    status: 'started',
    plan_info: {
      healthy: true,
      history: [],
      ...(pending ? { pending: { healthy: true, plan_attempt_log: [] } } : {}),
    },
  },
});

const deployment = (id: string) => {
  const pending = IDS.indexOf(id as (typeof IDS)[number]);
  return {
    id,
    name: `pending-${pending}`,
    healthy: true,
    resources: {
      elasticsearch: [resource('elasticsearch', pending >= 1)],
      kibana: [resource('kibana', pending >= 2)],
      apm: [resource('apm', false)],
    },
  };
};

export function handler(req: Recorded, res: ServerResponse): void {
  json(res, 200, answer(req));
}

function answer(req: Recorded): unknown {
  const [path = '', query = ''] = req.url.split('?');
  const id = /^\/api\/v1\/deployments\/(\w{32})$/.exec(path)?.[1];
  if (req.method === 'GET' && id) return deployment(id);
  if (req.method === 'POST' && path === '/api/v1/deployments' && query.includes('validate_only'))
    return { id: 'f'.repeat(32), name: 'checked', created: false, resources: [] };
  if (req.method === 'PUT' && id) return { id, name: deployment(id).name };
  return {};
}

/** An update that names only Elasticsearch: Kibana and APM are orphans. */
export const ORPHANING_UPDATE = {
  resources: {
    elasticsearch: [
      {
        ref_id: 'main-elasticsearch',
        region: 'ece-region',
        plan: { cluster_topology: [], elasticsearch: { version: '8.15.1' } },
      },
    ],
  },
};

/**
 * The server for a describe block, started before its tests and closed after
 * them, with the env that reaches it, a directory holding u.json (the
 * orphaning update), and the writes it received from a request index on.
 */
export function useSmallThings(): {
  readonly server: TestServer;
  readonly env: Record<string, string>;
  readonly dir: string;
  writes(from: number): string[];
} {
  let server: TestServer | undefined;
  let dir = '';
  const env = { ECE_HOST: '', ECE_API_KEY: API_KEY };
  before(async () => {
    registerSecret(API_KEY);
    server = await startServer(handler);
    env.ECE_HOST = server.url;
    dir = tempDir('ece-small-');
    writeFileSync(join(dir, 'u.json'), JSON.stringify(ORPHANING_UPDATE));
  });
  after(() => server?.close());
  const started = () => {
    if (!server) throw new Error('the small-things server is not started');
    return server;
  };
  return {
    get server() {
      return started();
    },
    env,
    get dir() {
      return dir;
    },
    writes: (from) =>
      started()
        .requests.slice(from)
        .filter((r) => r.method !== 'GET')
        .map((r) => `${r.method} ${r.url}`),
  };
}
