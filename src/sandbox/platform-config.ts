// The platform's configuration: the config store, trust relationships,
// extra certificates, deployment domain names, the API base URL, telemetry
// (/phone-home/config) and the templates of every region. Each versioned
// value carries x-cloud-resource-version (a number that grows with every
// change); a ?version= that is not the current one is a 409 with the
// operation's own code, and one that is not a number a 400, as the spec
// lists them. Seeded: this installation's own trust relationship, the
// default domain name (`<host>.ip.es.io`, ECE's default), an API base URL,
// telemetry on. Bodies are checked for what the spec requires.

import { REGION, TEMPLATES } from './catalog.js';
import { checkVersion, stringValue, type Versioned, versioned } from './config-version.js';
import { invalid, SandboxError } from './errors.js';
import type { SandboxState } from './state.js';
import { certRoutes, trustRoutes } from './trust-certs.js';
import type { Call, Reply, Route } from './world.js';

const HOST = '192.168.44.10';
const STORE = '/platform/configuration/store';
const DOMAIN = '/platform/configuration/networking/deployment_domain_name';
const BASE_URL = '/platform/configuration/api_base_url';
const KINDS = [
  'elasticsearch',
  'kibana',
  'apm',
  'integrations_server',
  'enterprise_search',
  'appsearch',
];

export function platformConfigRoutes(state: SandboxState): Route[] {
  return [
    ...storeRoutes(),
    ...trustRoutes(state.now),
    ...certRoutes(),
    ...domainRoutes(),
    ...baseUrlRoutes(),
    ...telemetryRoutes(),
    globalTemplates(state.stacks),
  ];
}

function storeRoutes(): Route[] {
  const options = new Map<string, Versioned<{ value: string; changed: boolean }>>();
  const notFound = (name: string) =>
    new SandboxError(
      404,
      'platform.config.store.not_found',
      `Config Store Option [${name}] does not exist`,
    );
  const find = (name: string) => {
    const o = options.get(name);
    if (!o) throw notFound(name);
    return o;
  };
  const view = (name: string, o: Versioned<{ value: string; changed: boolean }>) => ({
    name,
    ...o.value,
  });
  return [
    {
      method: 'GET',
      path: STORE,
      handle: () => ({ body: { values: [...options].map(([n, o]) => view(n, o)) } }),
    },
    {
      method: 'GET',
      path: `${STORE}/{name}`,
      handle: (c) => {
        const name = c.params.name ?? '';
        const o = find(name);
        return versioned(o, view(name, o));
      },
    },
    {
      method: 'POST',
      path: `${STORE}/{name}`,
      handle: (c) => {
        const name = c.params.name ?? '';
        const value = stringValue(c.body);
        if (options.has(name))
          throw new SandboxError(
            400,
            'platform.config.store.already_exists',
            `Config Store Option [${name}] already exists`,
          );
        const o = { value: { value, changed: false }, version: 1 };
        options.set(name, o);
        return versioned(o, view(name, o), 201);
      },
    },
    {
      method: 'PUT',
      path: `${STORE}/{name}`,
      handle: (c) => {
        const name = c.params.name ?? '';
        const value = stringValue(c.body);
        const o = find(name);
        checkVersion(c, o.version, 'platform.config.store', () => notFound(name));
        o.value = { value, changed: true };
        o.version++;
        return versioned(o, view(name, o));
      },
    },
    {
      method: 'DELETE',
      path: `${STORE}/{name}`,
      handle: (c) => {
        const name = c.params.name ?? '';
        const o = find(name);
        options.delete(name);
        return versioned(o, {});
      },
    },
  ];
}

/** A value with a version: GET (404 when none), PUT with ?version= (skip_cascading_operations has nothing to skip here). */
class Setting {
  private current: Versioned<string> | undefined;
  constructor(
    private readonly prefix: string,
    seed: string | undefined,
    private readonly check: (v: string) => void,
  ) {
    this.current = seed === undefined ? undefined : { value: seed, version: 1 };
  }
  private notFound = () =>
    new SandboxError(404, `${this.prefix}.not_found`, 'There is no configured value');
  get(): Reply {
    if (!this.current) throw this.notFound();
    return versioned(this.current, { value: this.current.value });
  }
  put(c: Call): Reply {
    const value = stringValue(c.body);
    this.check(value);
    checkVersion(c, this.current?.version, this.prefix, this.notFound);
    this.current = { value, version: (this.current?.version ?? 0) + 1 };
    return versioned(this.current, { value });
  }
}

function domainRoutes(): Route[] {
  const check = (v: string) => {
    if (!/^[a-z0-9]([a-z0-9.-]*[a-z0-9])?$/i.test(v))
      throw invalid(`[${v}] is not a domain name`, ['value']);
  };
  const byDefault = new Setting('networking.cname', `${HOST}.ip.es.io`, check);
  const kinds = new Map(KINDS.map((k) => [k, new Setting('networking.cname', undefined, check)]));
  const kind = (c: Call) => {
    const k = kinds.get(c.params.kind ?? '');
    if (!k)
      throw new SandboxError(
        404,
        'networking.cname.not_found',
        `Unknown resource kind [${c.params.kind}]`,
      );
    return k;
  };
  return [
    { method: 'GET', path: DOMAIN, handle: () => byDefault.get() },
    { method: 'PUT', path: DOMAIN, handle: (c) => byDefault.put(c) },
    { method: 'GET', path: `${DOMAIN}/{kind}`, handle: (c) => kind(c).get() },
    { method: 'PUT', path: `${DOMAIN}/{kind}`, handle: (c) => kind(c).put(c) },
  ];
}

function baseUrlRoutes(): Route[] {
  const url = new Setting('adminconsole.base_url', `https://${HOST}:12443`, (v) => {
    if (!/^https?:\/\/[^/\s]+/.test(v)) throw invalid(`[${v}] is not a URL`, ['value']);
  });
  return [
    { method: 'GET', path: BASE_URL, handle: () => url.get() },
    { method: 'PUT', path: BASE_URL, handle: (c) => url.put(c) },
  ];
}

function telemetryRoutes(): Route[] {
  let enabled = true;
  return [
    { method: 'GET', path: '/phone-home/config', handle: () => ({ body: { enabled } }) },
    {
      method: 'PUT',
      path: '/phone-home/config',
      handle: (c) => {
        if (typeof c.body.enabled !== 'boolean')
          throw invalid('enabled must be a boolean', ['enabled']);
        enabled = c.body.enabled;
        return { body: { enabled } };
      },
    },
  ];
}

function globalTemplates(stacks: readonly string[]): Route {
  return {
    method: 'GET',
    path: '/platform/configuration/templates/deployments/global',
    handle: () => ({
      body: TEMPLATES.map((t, i) => ({
        template_category_id: t.id,
        name: t.name,
        description: t.description,
        order: i,
        regions: [{ region_id: REGION, deployment_template_id: t.id, versions: [...stacks] }],
      })),
    }),
  };
}
