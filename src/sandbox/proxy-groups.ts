// The proxies' hosts, their settings and filtered groups
// (/platform/infrastructure/proxies/filtered-groups, /health, /settings).
// A filtered group names proxies by metadata (every filter must match) and
// the count expected; its health is Green with at least that many, Yellow
// with fewer, Red with none. With ?expect_status= a health worse than that
// answers 417 (the same body). Groups and the settings have a version
// (x-cloud-resource-version; ?version= checked, 409 on a stale one). The
// settings' secrets are as ECE shows them in the sandbox: placeholders.

import { invalid, SandboxError } from './errors.js';
import type { SandboxState } from './state.js';
import type { Reply, Route } from './world.js';

type Doc = Record<string, unknown>;

/** The sandbox's proxies: one on each of the three hosts, labelled by zone. */
export const PROXY_HOSTS = [1, 2, 3].map((i) => ({
  ip: `192.168.44.${9 + i}`,
  name: `ece-host-${i}.ece.local`,
  zone: `ece-zone-${i}`,
}));

export const proxyMetadata = (h: (typeof PROXY_HOSTS)[number]): Record<string, string> => ({
  zone: h.zone,
});

interface Settings {
  doc: Doc;
  version: number;
}

const settingsByState = new WeakMap<SandboxState, Settings>();

/** The settings of all proxies (ProxiesSettings) of one sandbox. */
export function proxiesSettings(state: SandboxState): Settings {
  let s = settingsByState.get(state);
  if (!s) {
    s = {
      version: 1,
      doc: {
        expected_proxies_count: PROXY_HOSTS.length,
        signature_secret: '<redacted>',
        signature_valid_for_millis: 60_000,
        http_settings: {
          cookie_secret: '<redacted>',
          dashboards_base_url: 'https://ece-host-1.ece.local:12443',
          disconnected_cutoff: 30_000,
          minimum_proxy_services: 1,
          user_cookie_key: 'found-user',
          sso_settings: {
            cookie_name: 'found-sso',
            default_redirect_path: '/',
            dont_log_requests: false,
            maintenance_bypass_cookie_name: 'found-maintenance-bypass',
            max_age: 86_400_000,
            sso_secret: '<redacted>',
          },
        },
      },
    };
    settingsByState.set(state, s);
  }
  return s;
}

const RANK = ['Green', 'Yellow', 'Red'];

function expectFrom(q: URLSearchParams): number | undefined {
  const want = q.get('expect_status');
  if (want === null) return undefined;
  const i = RANK.findIndex((s) => s.toLowerCase() === want.toLowerCase());
  if (i < 0) throw invalid(`expect_status must be one of ${RANK.join(', ')}`, ['expect_status']);
  return i;
}

/** The health body, 417 when it is worse than expected. */
function health(body: Doc & { status: string }, q: URLSearchParams): Reply {
  const want = expectFrom(q);
  return want !== undefined && RANK.indexOf(body.status) > want ? { status: 417, body } : { body };
}

function checkedGroup(body: Doc): Doc {
  if (typeof body.id !== 'string' || body.id === '')
    throw new SandboxError(
      400,
      'proxies.proxies_filtered_group_empty_id',
      'The filtered group of proxies has empty id',
      ['id'],
    );
  const filters = body.filters;
  if (
    !Array.isArray(filters) ||
    !filters.every((f) => typeof f?.key === 'string' && typeof f?.value === 'string')
  )
    throw invalid('filters must be a list of {key, value} strings', ['filters']);
  const n = body.expected_proxies_count;
  if (!Number.isInteger(n) || (n as number) < 0)
    throw invalid('expected_proxies_count must be an integer of 0 or more', [
      'expected_proxies_count',
    ]);
  return { id: body.id, filters, expected_proxies_count: n };
}

function checkedSettings(doc: Doc): void {
  for (const f of ['expected_proxies_count', 'signature_valid_for_millis'])
    if (!Number.isInteger(doc[f])) throw invalid(`${f} must be an integer`, [f]);
  if (typeof doc.signature_secret !== 'string')
    throw invalid('signature_secret must be a string', ['signature_secret']);
  const http = doc.http_settings as Doc | undefined;
  if (typeof http !== 'object' || http === null)
    throw invalid('http_settings must be an object', ['http_settings']);
  if (typeof http.sso_settings !== 'object' || http.sso_settings === null)
    throw invalid('http_settings.sso_settings must be an object', ['http_settings.sso_settings']);
}

/** RFC 7396: null removes, objects merge, anything else replaces. */
function mergePatch(target: unknown, patch: unknown): unknown {
  if (typeof patch !== 'object' || patch === null || Array.isArray(patch)) return patch;
  const out: Doc =
    typeof target === 'object' && target !== null && !Array.isArray(target)
      ? { ...(target as Doc) }
      : {};
  for (const [k, v] of Object.entries(patch as Doc)) {
    if (v === null) delete out[k];
    else out[k] = mergePatch(out[k], v);
  }
  return out;
}

export function proxyGroupRoutes(state: SandboxState): Route[] {
  const groups = new Map<string, { group: Doc; version: number }>();
  const base = '/platform/infrastructure/proxies';
  const headers = (version: number) => ({ 'x-cloud-resource-version': String(version) });
  const find = (id: string) => {
    const g = groups.get(id);
    if (!g)
      throw new SandboxError(
        404,
        'proxies.proxies_filtered_group_not_found',
        `Unable to find the [${id}] filtered group of proxies`,
      );
    return g;
  };
  const conflict = (have: number, want: string | null, code: string) => {
    if (want !== null && want !== String(have))
      throw new SandboxError(409, code, `There is a version conflict: at ${have}, not ${want}`);
  };
  const groupHealth = (group: Doc) => {
    const filters = group.filters as { key: string; value: string }[];
    const observed = PROXY_HOSTS.filter((h) =>
      filters.every((f) => proxyMetadata(h)[f.key] === f.value),
    ).length;
    const expected = group.expected_proxies_count as number;
    const status = observed >= expected ? 'Green' : observed > 0 ? 'Yellow' : 'Red';
    return { group, observed_proxies_count: observed, status };
  };
  const settings = proxiesSettings(state);
  const setVersion = 'proxies.version_conflict';
  return [
    {
      method: 'GET',
      path: `${base}/health`,
      handle: (c) => {
        const filtered = [...groups.values()].map((g) => groupHealth(g.group));
        const observed = PROXY_HOSTS.length;
        const expected = settings.doc.expected_proxies_count as number;
        const worst = Math.max(
          observed >= expected ? 0 : 1,
          ...filtered.map((f) => RANK.indexOf(f.status)),
        );
        return health(
          {
            observed_proxies_count: observed,
            expected_proxies_count: expected,
            allocations: [
              {
                allocations_type: 'elasticsearch',
                max_allocations: 0,
                proxies_at_max_allocations: 0,
              },
            ],
            filtered_groups: filtered,
            status: RANK[worst] ?? 'Red',
          },
          c.query,
        );
      },
    },
    {
      method: 'POST',
      path: `${base}/filtered-groups`,
      handle: (c) => {
        const group = checkedGroup(c.body);
        const id = String(group.id);
        if (groups.has(id))
          throw new SandboxError(
            400,
            'proxies.proxies_filtered_group_already_exists',
            `A filtered group of proxies [${id}] already exists`,
          );
        groups.set(id, { group, version: 1 });
        return { body: group, headers: headers(1) };
      },
    },
    {
      method: 'GET',
      path: `${base}/filtered-groups/{id}`,
      handle: (c) => {
        const g = find(c.params.id ?? '');
        return { body: g.group, headers: headers(g.version) };
      },
    },
    {
      method: 'PUT',
      path: `${base}/filtered-groups/{id}`,
      handle: (c) => {
        const id = c.params.id ?? '';
        const group = checkedGroup(c.body);
        if (group.id !== id)
          throw new SandboxError(
            400,
            'proxies.proxies_filtered_group_id_conflict',
            `The body's id [${String(group.id)}] is not the group [${id}]`,
          );
        const g = groups.get(id);
        conflict(
          g?.version ?? 0,
          c.query.get('version'),
          'proxies.proxies_filtered_group_version_conflict',
        );
        const next = { group, version: (g?.version ?? 0) + 1 };
        groups.set(id, next);
        return { body: group, headers: headers(next.version) };
      },
    },
    {
      method: 'DELETE',
      path: `${base}/filtered-groups/{id}`,
      handle: (c) => {
        const id = c.params.id ?? '';
        const g = find(id);
        conflict(
          g.version,
          c.query.get('version'),
          'proxies.proxies_filtered_group_version_conflict',
        );
        groups.delete(id);
        return { body: {} };
      },
    },
    {
      method: 'GET',
      path: `${base}/filtered-groups/{id}/health`,
      handle: (c) => health(groupHealth(find(c.params.id ?? '').group), c.query),
    },
    {
      method: 'GET',
      path: `${base}/settings`,
      handle: () => ({ body: settings.doc, headers: headers(settings.version) }),
    },
    {
      method: 'PUT',
      path: `${base}/settings`,
      handle: (c) => {
        conflict(settings.version, c.query.get('version'), setVersion);
        checkedSettings(c.body);
        settings.doc = c.body;
        settings.version += 1;
        return { body: settings.doc, headers: headers(settings.version) };
      },
    },
    {
      method: 'PATCH',
      path: `${base}/settings`,
      handle: (c) => {
        conflict(settings.version, c.query.get('version'), setVersion);
        const next = mergePatch(settings.doc, c.body) as Doc;
        checkedSettings(next);
        settings.doc = next;
        settings.version += 1;
        return { body: settings.doc, headers: headers(settings.version) };
      },
    },
  ];
}
