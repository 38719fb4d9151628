// Platform endpoints: /platform, allocators, runners (seed of runners.ts),
// stack versions and users, consistent with the deployments in state.

import { PLATFORM_VERSION, REGION } from './catalog.js';
import { SandboxError } from './errors.js';

const ZONES = ['ece-zone-1', 'ece-zone-2', 'ece-zone-3'];
const HOSTS = ZONES.map((_z, i) => ({
  ip: `192.168.44.${10 + i}`,
  name: `ece-host-${i + 1}.ece.local`,
}));
const ALLOCATOR_MEMORY = 65_536;

export function platformInfo(version = PLATFORM_VERSION): Record<string, unknown> {
  return {
    version,
    eula_accepted: true,
    phone_home_enabled: false,
    services: ['admin-console', 'allocator', 'constructor', 'proxy', 'zookeeper', 'runner'].map(
      (type) => ({
        type,
        image: [
          {
            id: `sha256:${type.padEnd(12, '0').slice(0, 12)}`,
            hash: `sha256:${Buffer.from(type).toString('hex').padEnd(64, '0').slice(0, 64)}`,
            tag: version,
            version,
          },
        ],
      }),
    ),
    regions: [
      {
        region_id: REGION,
        allocators: {
          healthy: true,
          zone_summaries: ZONES.map((zone_id) => ({
            zone_id,
            total_allocators: 1,
            connected_allocators: 1,
            disconnected_allocators: 0,
            healthy_allocators: 1,
            in_maintenance_allocators: 0,
            instances: 0,
            connected_capacity: ALLOCATOR_MEMORY,
            max_available_capacity: ALLOCATOR_MEMORY,
          })),
        },
        constructors: {
          constructors: [
            {
              constructor_id: '192.168.44.10',
              status: { connected: true, maintenance_mode: false },
            },
          ],
        },
        container_sets_status: {
          healthy: true,
          healthy_container_sets_count: 6,
          unhealthy_container_sets: [],
          unhealthy_container_sets_count: 0,
        },
        coordinators: {
          coordinators: HOSTS.map((h) => ({
            name: h.ip,
            public_hostname: h.name,
            attributes: {},
            client_port: 2191,
            election_port: 3888,
            leader_port: 2888,
          })),
        },
        proxies: {
          healthy: true,
          expected_proxies_count: 3,
          proxies_count: 3,
          proxies: HOSTS.map((h) => ({ proxy_id: h.ip, healthy: true })),
        },
        resources: {
          healthy: true,
          account_count: 12,
          available_count: 12,
          minimum_available_count: 5,
          missing_count: 0,
          used_count: 0,
        },
        runners: {
          healthy: true,
          total_runners: 3,
          connected_runners: 3,
          healthy_runners: 3,
          containers_count: 18,
          connected_capacity: 3 * ALLOCATOR_MEMORY,
          max_available_capacity: 3 * ALLOCATOR_MEMORY,
        },
        zookeeper_states: {
          states: HOSTS.map((_h, i) => ({ id: String(i + 1), state: 'connected' })),
        },
      },
    ],
    unreachable_regions: [],
  };
}

export function runners(): Record<string, unknown> {
  const roles = ['allocator', 'coordinator', 'director', 'proxy'];
  return {
    runners: HOSTS.map((h, i) => ({
      runner_id: h.ip,
      runner_name: h.name,
      host_ip: h.ip,
      public_hostname: h.name,
      zone: ZONES[i],
      region: REGION,
      connected: true,
      healthy: true,
      roles: roles.map((role_name) => ({ role_name })),
      containers: ['frc-allocators-allocator', 'frc-proxies-proxy', 'frc-runners-runner'].map(
        (c) => ({
          container_name: c,
          container_set_name: c.split('-')[1] ?? c,
        }),
      ),
    })),
  };
}

/** GET /stack/versions: the installation's versions (`SandboxState.stacks`), newest first. */
export function stackVersions(stacks: readonly string[]): Record<string, unknown> {
  const image = (product: string, v: string) =>
    `docker.elastic.co/cloud-release/${product}-cloud-ess:${v}`;
  return {
    stacks: stacks.map((v, i) => ({
      version: v,
      template: { template_version: v },
      upgradable_to: stacks.slice(0, i),
      accessible: true,
      whitelisted: true,
      deleted: false,
      elasticsearch: {
        docker_image: image('elasticsearch', v),
        plugins: [],
        default_plugins: ['repository-s3'],
        blacklist: [],
      },
      kibana: { docker_image: image('kibana', v), blacklist: [] },
      apm: { docker_image: image('apm', v), blacklist: [] },
    })),
  };
}

export interface SandboxUser {
  name: string;
  roles: string[];
  fullName?: string | undefined;
  email?: string | undefined;
  builtin: boolean;
  /** false once disabled (PATCH security.enabled); absent means enabled. */
  enabled?: boolean;
}

export const ROLES = [
  'ece_platform_admin',
  'ece_platform_viewer',
  'ece_deployment_manager',
  'ece_deployment_viewer',
];

export function user(u: SandboxUser): Record<string, unknown> {
  return {
    user_name: u.name,
    ...(u.fullName ? { full_name: u.fullName } : {}),
    ...(u.email ? { email: u.email } : {}),
    builtin: u.builtin,
    security: {
      roles: u.roles,
      enabled: u.enabled !== false,
      security_realm: { id: 'native', type: 'native' },
    },
  };
}

/** POST /users: a new native user, checked as ECE does. */
export function newUser(body: Record<string, unknown>, existing: SandboxUser[]): SandboxUser {
  const name = body.user_name;
  if (typeof name !== 'string' || !/^[a-z0-9][a-z0-9._-]{0,63}$/.test(name)) {
    throw new SandboxError(400, 'user.user_name.invalid', 'The user name is not valid', [
      'user_name',
    ]);
  }
  if (existing.some((u) => u.name === name)) {
    throw new SandboxError(409, 'user.user_name.conflict', `User [${name}] already exists`, [
      'user_name',
    ]);
  }
  const security = (body.security ?? {}) as { roles?: unknown; password?: unknown };
  const roles = Array.isArray(security.roles) ? security.roles : [];
  if (roles.length === 0 || roles.some((r) => typeof r !== 'string' || !ROLES.includes(r))) {
    throw new SandboxError(400, 'user.roles.invalid', `Roles must be some of ${ROLES.join(', ')}`, [
      'security.roles',
    ]);
  }
  if (typeof security.password !== 'string' || security.password.length < 8) {
    throw new SandboxError(
      400,
      'root.invalid_data',
      'A password of at least 8 characters is required',
      ['security.password'],
    );
  }
  return {
    name,
    roles: roles as string[],
    fullName: typeof body.full_name === 'string' ? body.full_name : undefined,
    email: typeof body.email === 'string' ? body.email : undefined,
    builtin: false,
  };
}
