// Traffic filter rulesets (/deployments/traffic-filter/…) and their
// associations with deployments. One ruleset is seeded, associated with
// prod-logs when the sandbox has it; it is created on first use because the
// routes are built before the deployments are seeded. An association with a
// deployment that was deleted disappears with it. ECE's checks: IP rules
// need an IP address or CIDR block, a ruleset only applies in its region,
// and a ruleset that deployments still use is not deleted unless
// ignore_associations=true.

import { BlockList } from 'node:net';
import { REGION } from './catalog.js';
import { invalid, SandboxError } from './errors.js';
import { hexId } from './ids.js';
import { flag } from './params.js';
import type { Route } from './routes.js';
import type { SandboxState } from './state.js';

const TYPES = ['ip', 'vpce', 'azure_private_endpoint', 'gcp_private_service_connect'];

interface Ruleset {
  id: string;
  name: string;
  description?: string;
  type: string;
  region: string;
  include_by_default: boolean;
  rules: Record<string, unknown>[];
}

const BASE = '/deployments/traffic-filter/rulesets';

const rulesetNotFound = (id: string) =>
  new SandboxError(
    404,
    'traffic_filter.not_found',
    `The traffic filter ruleset [${id}] cannot be found`,
  );

/** The checks ECE makes on a ruleset body before it stores it. */
/**
 * An IP address or a CIDR block, as ECE's "ip" rules take. The sandbox asks
 * Node's BlockList, which parses both families itself, rather than the
 * client's check, so that a bug in the client's check shows here.
 */
function ipSource(source: string): boolean {
  const [addr = '', bits, ...rest] = source.split('/');
  if (rest.length > 0 || (bits !== undefined && !/^\d{1,3}$/.test(bits))) return false;
  return (['ipv4', 'ipv6'] as const).some((family) => {
    try {
      const list = new BlockList();
      if (bits === undefined) list.addAddress(addr, family);
      else list.addSubnet(addr, Number(bits), family);
      return true;
    } catch {
      return false;
    }
  });
}

function checked(body: Record<string, unknown>, id: string): Ruleset {
  const { name, type, region, include_by_default, rules, description } = body;
  if (typeof name !== 'string' || name.trim() === '')
    throw invalid('A traffic filter ruleset needs a name', ['name']);
  if (typeof type !== 'string' || !TYPES.includes(type))
    throw invalid(`type must be one of ${TYPES.join(', ')}`, ['type']);
  if (region !== REGION)
    throw invalid(`Region [${String(region)}] is not a region of this installation`, ['region']);
  if (typeof include_by_default !== 'boolean')
    throw invalid('include_by_default must be true or false', ['include_by_default']);
  if (!Array.isArray(rules) || rules.length === 0)
    throw invalid('A traffic filter ruleset needs at least one rule', ['rules']);
  const kept = rules.map((r, i) => {
    const rule = (typeof r === 'object' && r !== null ? r : {}) as Record<string, unknown>;
    const source = rule.source;
    if (type === 'ip' && (typeof source !== 'string' || !ipSource(source)))
      throw invalid(`Rule [${i}] needs a source that is an IP address or a CIDR block`, [
        `rules[${i}].source`,
      ]);
    return { ...rule, id: typeof rule.id === 'string' ? rule.id : hexId() };
  });
  return {
    id,
    name,
    ...(typeof description === 'string' ? { description } : {}),
    type,
    region,
    include_by_default,
    rules: kept,
  };
}

export function trafficFilterRoutes(state: SandboxState): Route[] {
  const rulesets: Ruleset[] = [];
  const links = new Map<string, Set<string>>();
  let seeded = false;
  const all = () => {
    if (!seeded) {
      seeded = true;
      const id = hexId();
      rulesets.push({
        id,
        name: 'office-network',
        description: 'The office and the VPN',
        type: 'ip',
        region: REGION,
        include_by_default: false,
        rules: [
          { id: hexId(), source: '203.0.113.0/24', description: 'office' },
          { id: hexId(), source: '198.51.100.7', description: 'VPN gateway' },
        ],
      });
      const prod = state.list().find((d) => d.name === 'prod-logs' && !d.system);
      links.set(id, new Set(prod ? [prod.id] : []));
    }
    return rulesets;
  };
  const find = (id: string) => {
    const r = all().find((x) => x.id === id);
    if (!r) throw rulesetNotFound(id);
    return r;
  };
  /** Associated deployments that still exist, oldest association first. */
  const associated = (id: string) =>
    [...(links.get(id) ?? [])].filter((d) => state.deployments.has(d));
  const view = (r: Ruleset, withAssociations: boolean) => {
    if (!withAssociations) return r;
    const ids = associated(r.id);
    return {
      ...r,
      associations: ids.map((d) => ({ entity_type: 'deployment', id: d })),
      total_associations: ids.length,
    };
  };
  const deploymentType = (type: string | undefined) => {
    if (type !== 'deployment')
      throw new SandboxError(
        400,
        'traffic_filter.invalid_association_type',
        `Invalid association type [${String(type)}]: use deployment`,
      );
  };
  return [
    {
      method: 'GET',
      path: BASE,
      handle: (c) => {
        const region = c.query.get('region');
        const assoc = flag(c.query, 'include_associations', false);
        return {
          body: {
            rulesets: all()
              .filter((r) => region === null || r.region === region)
              .map((r) => view(r, assoc)),
          },
        };
      },
    },
    {
      method: 'POST',
      path: BASE,
      handle: (c) => {
        const r = checked(c.body, hexId());
        all().push(r);
        links.set(r.id, new Set());
        return { status: 201, body: { id: r.id } };
      },
    },
    {
      method: 'GET',
      path: `${BASE}/{id}`,
      handle: (c) => ({
        body: view(find(c.params.id ?? ''), flag(c.query, 'include_associations', false)),
      }),
    },
    {
      method: 'PUT',
      path: `${BASE}/{id}`,
      handle: (c) => {
        const old = find(c.params.id ?? '');
        const next = checked(c.body, old.id);
        if (next.region !== old.region && associated(old.id).length > 0)
          throw invalid('The region of a ruleset with associations cannot change', ['region']);
        rulesets.splice(rulesets.indexOf(old), 1, next);
        return { body: { id: old.id } };
      },
    },
    {
      method: 'DELETE',
      path: `${BASE}/{id}`,
      handle: (c) => {
        const r = find(c.params.id ?? '');
        const n = associated(r.id).length;
        if (n > 0 && !flag(c.query, 'ignore_associations', false))
          throw new SandboxError(
            400,
            'traffic_filter.has_associations',
            `The traffic filter ruleset [${r.id}] has ${n} association${n === 1 ? '' : 's'}: remove them first, or set ignore_associations`,
          );
        rulesets.splice(rulesets.indexOf(r), 1);
        links.delete(r.id);
        return { body: {} };
      },
    },
    {
      method: 'POST',
      path: `${BASE}/{id}/associations`,
      handle: (c) => {
        const r = find(c.params.id ?? '');
        const type = c.body.entity_type;
        deploymentType(typeof type === 'string' ? type : undefined);
        const deploymentId = typeof c.body.id === 'string' ? c.body.id : '';
        const d = state.get(deploymentId);
        if (d.resources.some((res) => res.region !== r.region))
          throw invalid(
            `The ruleset is for region [${r.region}]; deployment [${deploymentId}] is not in it`,
            ['id'],
          );
        const set = links.get(r.id) ?? new Set<string>();
        links.set(r.id, set);
        if (set.has(deploymentId)) return { body: {} };
        set.add(deploymentId);
        return { status: 201, body: {} };
      },
    },
    {
      method: 'DELETE',
      path: `${BASE}/{id}/associations/{type}/{entity}`,
      handle: (c) => {
        const r = find(c.params.id ?? '');
        deploymentType(c.params.type);
        const entity = c.params.entity ?? '';
        const set = links.get(r.id);
        if (!set?.has(entity) || !state.deployments.has(entity))
          throw new SandboxError(
            404,
            'traffic_filter.not_found',
            `The traffic filter ruleset [${r.id}] is not associated with deployment [${entity}]`,
          );
        set.delete(entity);
        return { body: {} };
      },
    },
    {
      method: 'GET',
      path: '/deployments/traffic-filter/associations/{type}/{entity}/rulesets',
      handle: (c) => {
        deploymentType(c.params.type);
        const entity = c.params.entity ?? '';
        return {
          body: {
            rulesets: all().flatMap((r) => (associated(r.id).includes(entity) ? [r.id] : [])),
          },
        };
      },
    },
  ];
}
