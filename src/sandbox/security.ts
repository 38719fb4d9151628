// Security realms (/platform/configuration/security/realms): LDAP, SAML and
// Active Directory configurations, checked as the spec defines them
// (LdapSettings, SamlSettings, ActiveDirectorySettings: required fields,
// types, enums), one id space across the types, an order, and a version per
// realm (x-cloud-resource-version; ?version= is checked, 409
// security_realm.version_conflict). One SAML realm is seeded, as an
// installation that signs in through an identity provider has.
//
// Unverified against a real ECE, and said in docs/sandbox.md: the secret
// fields (bind_password, *_password) are write-only here — a GET leaves them
// out, and a PUT without one keeps the one stored.

import { SandboxError } from './errors.js';
import type { Route } from './world.js';

type Doc = Record<string, unknown>;
type Kind = 'ldap' | 'saml' | 'active-directory';

interface Realm {
  kind: Kind;
  settings: Doc;
  version: number;
  created: string;
  modified: string;
}

const SECRETS: Record<Kind, string[]> = {
  ldap: ['bind_password', 'certificate_url_truststore_password'],
  'active-directory': ['bind_password', 'certificate_url_truststore_password'],
  saml: [
    'signing_certificate_url_password',
    'encryption_certificate_url_password',
    'ssl_certificate_url_truststore_password',
  ],
};
const TYPE: Record<Kind, string> = {
  ldap: 'ldap',
  saml: 'saml',
  'active-directory': 'active_directory',
};
const SCOPES = ['sub_tree', 'one_level', 'base'];
const TRUSTSTORES = ['jks', 'PKCS12'];
const BALANCING = ['failover', 'dns_failover', 'round_robin', 'dns_round_robin'];
const RULE_TYPES: Record<Kind, string[]> = {
  ldap: ['user_dn', 'group_dn'],
  'active-directory': ['user_dn', 'group_dn'],
  saml: ['username', 'groups', 'dn'],
};
const SEED_TIME = '2026-01-05T09:00:00.000Z';

const bad = (message: string, field: string, code = 'root.invalid_data') =>
  new SandboxError(400, code, message, [field]);

/** A field's check: its value is of the type and enum the spec gives. */
function check(
  doc: Doc,
  field: string,
  type: string,
  opts: { required?: boolean; oneOf?: string[] } = {},
) {
  const v = doc[field];
  if (v === undefined) {
    if (opts.required) throw bad(`${field} is required`, field);
    return;
  }
  const ok =
    type === 'array'
      ? Array.isArray(v) && v.every((x) => typeof x === 'string')
      : type === 'integer'
        ? Number.isInteger(v)
        : type === 'object'
          ? typeof v === 'object' && v !== null && !Array.isArray(v)
          : typeof v === type;
  if (!ok)
    throw bad(`${field} must be ${type === 'array' ? 'a list of strings' : `a ${type}`}`, field);
  if (opts.oneOf && !opts.oneOf.includes(v as string))
    throw bad(`${field} must be one of ${opts.oneOf.join(', ')}`, field);
}

function checkSearch(doc: Doc, field: string): void {
  check(doc, field, 'object');
  const s = doc[field] as Doc | undefined;
  if (!s) return;
  for (const k of ['base_dn', 'filter', 'user_attribute']) check(s, k, 'string');
  check(s, 'scope', 'string', { oneOf: SCOPES });
}

function checkMappings(doc: Doc, kind: Kind): void {
  check(doc, 'role_mappings', 'object');
  const m = doc.role_mappings as Doc | undefined;
  if (!m) return;
  check(m, 'default_roles', 'array', { required: true });
  if (!Array.isArray(m.rules))
    throw bad('role_mappings.rules must be a list', 'role_mappings.rules');
  for (const rule of m.rules as unknown[]) {
    const r = (rule ?? {}) as Doc;
    check(r, 'type', 'string', { required: true, oneOf: RULE_TYPES[kind] });
    check(r, 'value', 'string', { required: true });
    check(r, 'roles', 'array', { required: true });
  }
}

/** The checks of the spec's settings definition for the type, and ECE's on id and order. */
function checked(kind: Kind, body: Doc): Doc {
  check(body, 'id', 'string', { required: true });
  check(body, 'name', 'string', { required: true });
  if (!/^[a-z0-9][a-z0-9_-]{0,63}$/.test(String(body.id)))
    throw bad(
      `The selected id [${String(body.id)}] is not valid`,
      'id',
      'security_realm.invalid_id',
    );
  check(body, 'enabled', 'boolean');
  check(body, 'order', 'integer');
  if (body.order !== undefined && (body.order as number) <= 0)
    throw bad('Order must be greater than zero', 'order', 'security_realm.invalid_order');
  check(body, 'override_yaml', 'string');
  for (const s of SECRETS[kind]) check(body, s, 'string');
  if (kind === 'saml') {
    for (const [part, fields] of [
      ['idp', ['entity_id', 'metadata_path']],
      ['sp', ['entity_id', 'acs', 'logout']],
      ['attributes', ['principal', 'groups']],
    ] as const) {
      check(body, part, 'object', { required: true });
      for (const f of fields) check(body[part] as Doc, f, 'string', { required: true });
    }
    check(body, 'ssl_certificate_url_truststore_type', 'string', { oneOf: TRUSTSTORES });
    check(body, 'signing_saml_messages', 'array');
    check(body, 'force_authn', 'boolean');
  } else {
    check(body, 'urls', 'array', { required: true });
    check(body, 'bind_anonymously', 'boolean', { required: true });
    if (kind === 'ldap')
      check(body, 'bind_type', 'string', {
        required: true,
        oneOf: ['user_search', 'user_templates'],
      });
    else check(body, 'domain_name', 'string', { required: true });
    check(body, 'bind_dn', 'string');
    check(body, 'user_dn_templates', 'array');
    check(body, 'certificate_url_truststore_type', 'string', { oneOf: TRUSTSTORES });
    checkSearch(body, 'user_search');
    checkSearch(body, 'group_search');
    check(body, 'load_balance', 'object');
    const lb = body.load_balance as Doc | undefined;
    if (lb) check(lb, 'type', 'string', { oneOf: BALANCING });
  }
  checkMappings(body, kind);
  return body;
}

const notFound = (id: string) =>
  new SandboxError(404, 'security_realm.not_found', `The realm [${id}] cannot be found`);

export function securityRealmRoutes(): Route[] {
  const realms = new Map<string, Realm>([
    [
      'sso-okta',
      {
        kind: 'saml',
        settings: {
          id: 'sso-okta',
          name: 'Okta single sign-on',
          enabled: true,
          order: 1,
          idp: {
            entity_id: 'http://www.okta.com/exk1',
            metadata_path: 'https://example.okta.com/app/exk1/sso/saml/metadata',
          },
          sp: {
            entity_id: 'https://ece.example.com',
            acs: 'https://ece.example.com/api/v1/users/auth/saml/_callback',
            logout: 'https://ece.example.com/logout',
          },
          attributes: { principal: 'nameid', groups: 'groups' },
          role_mappings: {
            default_roles: ['ece_platform_viewer'],
            rules: [{ type: 'groups', value: 'ece-admins', roles: ['ece_platform_admin'] }],
          },
        },
        version: 1,
        created: SEED_TIME,
        modified: SEED_TIME,
      },
    ],
  ]);
  const find = (kind: Kind, id: string) => {
    const r = realms.get(id);
    if (!r || r.kind !== kind) throw notFound(id);
    return r;
  };
  const headers = (r: Realm) => ({
    'x-cloud-resource-version': String(r.version),
    'x-cloud-resource-created': r.created,
    'x-cloud-resource-last-modified': r.modified,
  });
  const shown = (r: Realm) =>
    Object.fromEntries(Object.entries(r.settings).filter(([k]) => !SECRETS[r.kind].includes(k)));
  const checkVersion = (r: Realm, id: string, want: string | null) => {
    if (want !== null && want !== String(r.version))
      throw new SandboxError(
        409,
        'security_realm.version_conflict',
        `The realm [${id}] is at version ${r.version}, not ${want}`,
      );
  };
  const info = (r: Realm) => {
    const s = r.settings;
    const idp = s.idp as Doc | undefined;
    return {
      id: s.id,
      name: s.name,
      type: TYPE[r.kind],
      enabled: s.enabled !== false,
      order: s.order,
      urls: r.kind === 'saml' ? [idp?.metadata_path] : s.urls,
    };
  };
  const base = '/platform/configuration/security/realms';
  const perKind = (kind: Kind): Route[] => [
    {
      method: 'POST',
      path: `${base}/${kind}`,
      handle: (c) => {
        const body = checked(kind, c.body);
        const id = String(body.id);
        if (realms.has(id))
          throw bad(`The realm id [${id}] is already in use`, 'id', 'security_realm.id_conflict');
        const last = Math.max(0, ...[...realms.values()].map((r) => Number(r.settings.order ?? 0)));
        const now = new Date().toISOString();
        const r: Realm = {
          kind,
          settings: { ...body, order: body.order ?? last + 1 },
          version: 1,
          created: now,
          modified: now,
        };
        realms.set(id, r);
        return { status: 201, body: {}, headers: headers(r) };
      },
    },
    {
      method: 'GET',
      path: `${base}/${kind}/{id}`,
      handle: (c) => {
        const r = find(kind, c.params.id ?? '');
        return { body: shown(r), headers: headers(r) };
      },
    },
    {
      method: 'PUT',
      path: `${base}/${kind}/{id}`,
      handle: (c) => {
        const id = c.params.id ?? '';
        const r = find(kind, id);
        checkVersion(r, id, c.query.get('version'));
        const body = checked(kind, c.body);
        if (body.id !== id)
          throw bad(
            `The body's id [${String(body.id)}] is not the realm [${id}]`,
            'id',
            'security_realm.invalid_id',
          );
        const kept = Object.fromEntries(
          SECRETS[kind].filter((s) => r.settings[s] !== undefined).map((s) => [s, r.settings[s]]),
        );
        r.settings = { ...kept, ...body, order: body.order ?? r.settings.order };
        r.version += 1;
        r.modified = new Date().toISOString();
        return { body: {}, headers: headers(r) };
      },
    },
    {
      method: 'DELETE',
      path: `${base}/${kind}/{id}`,
      handle: (c) => {
        const id = c.params.id ?? '';
        const r = find(kind, id);
        checkVersion(r, id, c.query.get('version'));
        realms.delete(id);
        return { body: {} };
      },
    },
  ];
  return [
    {
      method: 'GET',
      path: base,
      handle: () => ({
        body: {
          realms: [...realms.values()]
            .sort((a, b) => Number(a.settings.order) - Number(b.settings.order))
            .map(info),
        },
      }),
    },
    {
      method: 'POST',
      path: `${base}/_reorder`,
      handle: (c) => {
        const ids = c.body.realms;
        if (!Array.isArray(ids) || !ids.every((x) => typeof x === 'string'))
          throw bad('realms must be a list of realm ids', 'realms');
        const unknown = ids.filter((id) => !realms.has(id));
        if (unknown.length || new Set(ids).size !== ids.length)
          throw bad(
            `Invalid ids [${unknown.join(', ') || 'repeated'}]`,
            'realms',
            'security_realm.invalid_ids',
          );
        const missing = [...realms.keys()].filter((id) => !ids.includes(id));
        if (missing.length)
          throw bad(`Missing ids [${missing.join(', ')}]`, 'realms', 'security_realm.missing_ids');
        ids.forEach((id, i) => {
          const r = realms.get(id) as Realm;
          if (r.settings.order !== i + 1) {
            r.settings.order = i + 1;
            r.version += 1;
            r.modified = new Date().toISOString();
          }
        });
        return { body: {} };
      },
    },
    ...perKind('ldap'),
    ...perKind('saml'),
    ...perKind('active-directory'),
  ];
}
