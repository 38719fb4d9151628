// The scripted ECE of the instance tests: a deployment whose Elasticsearch
// has three instances (one in maintenance, one stopped) and Kibana one, the
// allocators by id, and 202 {} (or the test's reply) for every write.

import { eceError, json, type Recorded, startServer } from '../helpers/server.js';

export const ID = 'abcdefabcdefabcdefabcdefabcdef08';
export const env = (url: string) => ({ ECE_HOST: url, ECE_API_KEY: 'instances-key-1' });
export const GET = `/api/v1/deployments/${ID}?show_plans=false`;
export const ES = `/api/v1/deployments/${ID}/elasticsearch/main-elasticsearch`;

const instance = (name: string, more: Record<string, unknown> = {}) => ({
  instance_name: name,
  zone: 'zone-a',
  allocator_id: 'alloc-1',
  healthy: true,
  container_started: true,
  service_running: true,
  maintenance_mode: false,
  service_version: '8.15.1',
  memory: { instance_capacity: 4096 },
  instance_configuration: { id: 'data.default', name: 'data.default' },
  ...more,
});

const resource = (refId: string, instances: unknown[]) => ({
  ref_id: refId,
  id: `${refId.slice(0, 4)}${'0'.repeat(28)}`,
  region: 'ece-region',
  info: { healthy: true, status: 'started', topology: { healthy: true, instances } },
});

export const DEPLOYMENT = {
  id: ID,
  name: 'fleet',
  healthy: true,
  resources: {
    elasticsearch: [
      resource('main-elasticsearch', [
        instance('instance-0000000000'),
        instance('instance-0000000001', {
          zone: 'zone-b',
          allocator_id: 'alloc-2',
          maintenance_mode: true,
        }),
        instance('tiebreaker-0000000002', {
          memory: { instance_capacity: 512 },
          container_started: false,
          service_running: false,
          healthy: false,
        }),
      ]),
    ],
    kibana: [
      resource('main-kibana', [
        instance('instance-0000000000', { memory: { instance_capacity: 1024 }, healthy: false }),
      ]),
    ],
  },
};

/** Answers the deployment, `reply` for writes (202 {} by default), and allocators by id. */
export async function server(reply?: (req: Recorded) => [number, unknown] | undefined) {
  return startServer((req, res) => {
    if (req.method === 'GET' && req.url === GET) return json(res, 200, DEPLOYMENT);
    if (req.url.startsWith('/api/v1/platform/infrastructure/allocators/')) {
      const id = req.url.split('/').at(-1);
      if (id === 'alloc-3') return json(res, 200, { allocator_id: 'alloc-3' });
      return eceError(res, 404, 'allocators.allocator_not_found', `Allocator [${id}] not found`);
    }
    const [status, body] = reply?.(req) ?? [202, {}];
    return json(res, status, body);
  });
}

export const sent = (requests: Recorded[]) =>
  requests.filter((r) => r.method !== 'GET').map((r) => `${r.method} ${r.url} ${r.body}`.trim());
