// The platform's configuration: the config store, trust relationships,
// extra certificates, deployment domain names, the API base URL, telemetry
// (/phone-home/config) and the templates of every region. Each versioned
// value carries x-cloud-resource-version (a number that grows with every
// change); a ?version= that is not the current one is a 409 with the
// operation's own code, and one that is not a number a 400, as the spec
// lists them. Seeded: this installation's own trust relationship, the
// default domain name (`<host>.ip.es.io`, ECE's default), an API base URL,
// telemetry on. Bodies are checked for what the spec requires.

import { randomUUID, X509Certificate } from 'node:crypto';
import { REGION, STACK_VERSIONS, TEMPLATES } from './catalog.js';
import { invalid, SandboxError } from './errors.js';
import { flag } from './params.js';
import type { Call, Reply, Route } from './world.js';

const HOST = '192.168.44.10';
const STORE = '/platform/configuration/store';
const TRUST = '/platform/configuration/trust-relationships';
const CERTS = '/platform/configuration/security/extra_certs';
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
const CERT = /-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g;

interface Versioned<T> {
  value: T;
  version: number;
}

const versioned = <T>(v: Versioned<T>, body: unknown, status = 200): Reply => ({
  status,
  body,
  headers: { 'x-cloud-resource-version': String(v.version) },
});

/** ?version= against the stored version: a bad format is 400, a stale one 409 (codes per operation). */
function checkVersion(
  c: Call,
  current: number | undefined,
  prefix: string,
  notFound: () => SandboxError,
): void {
  const sent = c.query.get('version');
  if (sent === null) return;
  if (!/^\d+$/.test(sent))
    throw new SandboxError(
      400,
      `${prefix}.bad_version_format`,
      `The version [${sent}] is not a number`,
    );
  if (current === undefined) throw notFound();
  if (Number(sent) !== current)
    throw new SandboxError(
      409,
      `${prefix}.version_conflict`,
      `The version you sent [${sent}] does not match the persisted version [${current}]`,
    );
}

function stringValue(body: Record<string, unknown>): string {
  if (typeof body.value !== 'string') throw invalid('value must be a string', ['value']);
  return body.value;
}

export function platformConfigRoutes(now: () => number): Route[] {
  return [
    ...storeRoutes(),
    ...trustRoutes(now),
    ...certRoutes(),
    ...domainRoutes(),
    ...baseUrlRoutes(),
    ...telemetryRoutes(),
    globalTemplates(),
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

interface Trust {
  id: string;
  name: string;
  trust_by_default: boolean;
  local: boolean;
  account_ids?: string[];
  installation_id?: string;
  public_ca_cert?: string;
  last_modified: string;
}

function trustRoutes(now: () => number): Route[] {
  const localId = 'a3c9d2e1-5b7f-4e08-9d61-2f4b8c0e7a15';
  const all = new Map<string, Versioned<Trust>>([
    [
      localId,
      {
        value: {
          id: localId,
          name: 'ECE sandbox (this installation)',
          trust_by_default: true,
          local: true,
          installation_id: localId,
          last_modified: new Date(now()).toISOString(),
        },
        version: 1,
      },
    ],
  ]);
  const find = (id: string) => {
    const t = all.get(id);
    if (!t)
      throw new SandboxError(
        404,
        'trust_relationships.not_found',
        `Trust relationship [${id}] cannot be found`,
      );
    return t;
  };
  const shown = (t: Trust, c: Call) => {
    const { public_ca_cert, ...rest } = t;
    return flag(c.query, 'include_certificate') && public_ca_cert !== undefined ? t : rest;
  };
  const answer = (t: Trust) => {
    const { public_ca_cert: _c, last_modified: _m, ...rest } = t;
    return rest;
  };
  const fields = (b: Record<string, unknown>, create: boolean): Partial<Trust> => {
    const out: Partial<Trust> = {};
    for (const k of ['name', 'public_ca_cert', 'installation_id'] as const) {
      const v = b[k];
      if (v === undefined) {
        if (create && k !== 'installation_id') throw invalid(`${k} is required`, [k]);
        continue;
      }
      if (typeof v !== 'string') throw invalid(`${k} must be a string`, [k]);
      out[k] = v;
    }
    if (out.public_ca_cert !== undefined && !isCertificate(out.public_ca_cert))
      throw invalid('public_ca_cert is not a PEM certificate', ['public_ca_cert']);
    if (b.trust_by_default !== undefined) {
      if (typeof b.trust_by_default !== 'boolean')
        throw invalid('trust_by_default must be a boolean', ['trust_by_default']);
      out.trust_by_default = b.trust_by_default;
    }
    if (b.account_ids !== undefined) {
      if (!Array.isArray(b.account_ids) || !b.account_ids.every((a) => typeof a === 'string'))
        throw invalid('account_ids must be a list of strings', ['account_ids']);
      out.account_ids = b.account_ids as string[];
    }
    return out;
  };
  return [
    {
      method: 'GET',
      path: TRUST,
      handle: (c) => ({
        body: { trust_relationships: [...all.values()].map((t) => shown(t.value, c)) },
      }),
    },
    {
      method: 'POST',
      path: TRUST,
      handle: (c) => {
        const id = randomUUID();
        const t = {
          value: {
            id,
            trust_by_default: false,
            local: false,
            ...fields(c.body, true),
            last_modified: new Date(now()).toISOString(),
          } as Trust,
          version: 1,
        };
        all.set(id, t);
        return versioned(t, answer(t.value), 201);
      },
    },
    {
      method: 'GET',
      path: `${TRUST}/{id}`,
      handle: (c) => {
        const t = find(c.params.id ?? '');
        return versioned(t, shown(t.value, c));
      },
    },
    {
      method: 'PUT',
      path: `${TRUST}/{id}`,
      handle: (c) => {
        const t = find(c.params.id ?? '');
        t.value = {
          ...t.value,
          ...fields(c.body, false),
          last_modified: new Date(now()).toISOString(),
        };
        t.version++;
        return versioned(t, answer(t.value));
      },
    },
    {
      method: 'DELETE',
      path: `${TRUST}/{id}`,
      handle: (c) => {
        const id = c.params.id ?? '';
        find(id);
        all.delete(id);
        return { body: {} };
      },
    },
  ];
}

function isCertificate(pem: string): boolean {
  try {
    new X509Certificate(pem);
    return true;
  } catch {
    return false;
  }
}

function certRoutes(): Route[] {
  const certs = new Map<string, string[]>();
  const find = (id: string) => {
    const chain = certs.get(id);
    if (!chain)
      throw new SandboxError(
        404,
        'cert.not_found',
        `The extra certificate [${id}] cannot be found`,
      );
    return chain;
  };
  return [
    {
      method: 'GET',
      path: CERTS,
      handle: () => ({
        body: { certs: Object.fromEntries([...certs].map(([id, chain]) => [id, { chain }])) },
      }),
    },
    {
      method: 'GET',
      path: `${CERTS}/{id}`,
      handle: (c) => ({ body: { chain: find(c.params.id ?? '') } }),
    },
    {
      method: 'PUT',
      path: `${CERTS}/{id}`,
      stringBody: true,
      handle: (c) => {
        // The bundle is text (application/text); the public chain is kept, never the key.
        const chain = (c.text ?? '').match(CERT) ?? [];
        if (chain.length === 0 || !chain.every(isCertificate))
          throw new SandboxError(
            400,
            'cert.unknown_cert_algorithm',
            'The bundle holds no certificate that can be read',
          );
        certs.set(c.params.id ?? '', chain);
        return { body: {} };
      },
    },
    {
      method: 'DELETE',
      path: `${CERTS}/{id}`,
      handle: (c) => {
        const id = c.params.id ?? '';
        find(id);
        certs.delete(id);
        return { body: {} };
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

function globalTemplates(): Route {
  return {
    method: 'GET',
    path: '/platform/configuration/templates/deployments/global',
    handle: () => ({
      body: TEMPLATES.map((t, i) => ({
        template_category_id: t.id,
        name: t.name,
        description: t.description,
        order: i,
        regions: [
          { region_id: REGION, deployment_template_id: t.id, versions: [...STACK_VERSIONS] },
        ],
      })),
    }),
  };
}
