// Commands on one resource of a deployment beyond restart/stop/start: shut
// it down and restore it on its own, the Elasticsearch migrations (ILM, SLM,
// CCR), size overrides of its instances, a diagnostics bundle, its
// eligible remote clusters; the APM secret token, App Search's read-only
// mode; and, on the whole deployment, its certificate authority, the
// upgrade assistant's status and a template migration. Shapes and codes
// from the spec; what is our guess is listed in docs/sandbox.md.

import { deflateRawSync } from 'node:zlib';
import { TEMPLATES } from './catalog.js';
import { invalid, SandboxError } from './errors.js';
import { hexId, iso } from './ids.js';
import { instanceNames } from './instances.js';
import { activePlan, type Deployment, isShutDown, pendingPlan, type Resource } from './model.js';
import { flag } from './params.js';
import { KINDS, type Kind } from './plans.js';
import { DEFAULT_SIZE, search } from './search.js';
import type { SandboxState } from './state.js';
import { lastBody } from './validate.js';
import { deploymentBody, SEARCH_SHOW } from './views.js';
import type { Call, Route } from './world.js';

const isKind = (k: string): k is Kind => (KINDS as readonly string[]).includes(k);

/** The deployments' CA: one fixed self-signed certificate (the sandbox signs nothing with it). */
const CA_PEM = `-----BEGIN CERTIFICATE-----
MIIBijCCATCgAwIBAgIBATAKBggqhkjOPQQDAjAkMSIwIAYDVQQDDBllY2Utc2Fu
ZGJveC1kZXBsb3ltZW50LWNhMB4XDTI2MTIwNzE5MzgzMVoXDTM2MTIwNDE5Mzgz
MVowJDEiMCAGA1UEAwwZZWNlLXNhbmRib3gtZGVwbG95bWVudC1jYTBZMBMGByqG
SM49AgEGCCqGSM49AwEHA0IABKFPC+SOKWNEvVuO7UVN66FZ/kJ+G/l/SecTyGMo
L241djzFZjgvlE2Ck2jlE35dCLCqQSS6KEnKFfBdH9XZvkSjUzBRMB0GA1UdDgQW
BBQjExAGMhRhdPrLn5SpZlC7wZoHHTAfBgNVHSMEGDAWgBQjExAGMhRhdPrLn5Sp
ZlC7wZoHHTAPBgNVHRMBAf8EBTADAQH/MAoGCCqGSM49BAMCA0gAMEUCIArLKVEo
QUqwtYqeWiYuM6D6i3hsZ0ruvqYsk1CE2vwhAiEAlACn7p7cHvM9wXjYb3eFLKVx
u9lg1jHnlt8bje3qA9Q=
-----END CERTIFICATE-----
`;
const CA_META = {
  fingerprint: 'A5:5E:21:B3:7E:6D:AA:9B:5C:68:E4:44:1F:0A:6F:04:41:8A:A7:0A',
  valid_from: '2026-12-07T19:38:31Z',
  valid_to: '2036-12-04T19:38:31Z',
};

export function resourceOpRoutes(state: SandboxState): Route[] {
  const base = '/deployments/{id}/{kind}/{ref}';
  /** App Search resources (by resource id) in read-only mode. */
  const readOnly = new Set<string>();
  const find = (c: Call, kind = c.params.kind ?? '') => {
    const d = state.get(c.params.id ?? '');
    if (!isKind(kind))
      throw new SandboxError(
        404,
        'root.resource_not_found',
        `The requested resource [/api/v1/deployments/${d.id}/${kind}] could not be found`,
      );
    return { d, r: state.resource(d, kind, c.params.ref ?? ''), kind };
  };
  const running = (d: Deployment, r: Resource) => {
    const now = state.now();
    if (isShutDown(r, now) || !activePlan(r, now))
      throw new SandboxError(
        412,
        'clusters.cluster_plan_state_error',
        `The ${r.kind} resource [${r.refId}] of deployment [${d.id}] is stopped or initializing`,
      );
  };
  return [
    {
      method: 'POST',
      path: `${base}/_shutdown`,
      handle: (c) => {
        const { d, r } = find(c);
        const now = state.now();
        // As for the whole deployment: a resource shut down already gets no new plan.
        if (!isShutDown(r, now))
          state.startPlan(r, d.name, 'shutdown', lastBody(r, now), c.principal.user, now);
        if (flag(c.query, 'hide') && d.resources.every((x) => x === r || isShutDown(x, now)))
          d.hidden = true;
        state.touch(d);
        return { body: {} };
      },
    },
    {
      method: 'POST',
      path: `${base}/_restore`,
      handle: (c) => {
        const { d, r, kind } = find(c);
        const now = state.now();
        if (!isShutDown(r, now))
          throw new SandboxError(
            400,
            'deployments.resource_not_shutdown',
            `The ${kind} resource [${r.refId}] of deployment [${d.id}] is not shut down`,
          );
        state.startPlan(r, d.name, 'restore', lastBody(r, now), c.principal.user, now);
        d.hidden = false;
        state.touch(d);
        return { body: { id: d.id, kind, ref_id: r.refId } };
      },
    },
    ...(['ilm', 'slm', 'ccr'] as const).map(
      (what): Route => ({
        method: 'POST',
        path: `/deployments/{id}/elasticsearch/{ref}/_enable-${what}`,
        handle: (c) => {
          const { d, r } = find(c, 'elasticsearch');
          if (what === 'ilm') checkIndexPatterns(c.body);
          running(d, r);
          if (pendingPlan(r, state.now()))
            throw new SandboxError(
              422,
              'deployments.deployment_resource_plan_change_error',
              `The elasticsearch resource [${r.refId}] of deployment [${d.id}] has a pending plan`,
            );
          if (!flag(c.query, 'validate_only')) {
            // ECE applies a migration as a plan on the resource (and its Kibana for CCR).
            const now = state.now();
            const moved = [
              r,
              ...(what === 'ccr'
                ? d.resources.filter((x) => x.kind === 'kibana' && x.esRefId === r.refId)
                : []),
            ];
            for (const x of moved)
              state.startPlan(x, d.name, 'update', lastBody(x, now), c.principal.user, now);
            state.touch(d);
          }
          return { body: { warnings: [] } };
        },
      }),
    ),
    {
      method: 'POST',
      path: '/deployments/{id}/elasticsearch/{ref}/eligible-remote-clusters',
      handle: (c) => {
        const { d, r } = find(c, 'elasticsearch');
        if (!activePlan(r, state.now()))
          throw new SandboxError(
            400,
            'deployments.resource_does_not_have_a_valid_version',
            `The elasticsearch resource [${r.refId}] has no version yet`,
          );
        // Every other deployment with a running Elasticsearch resource.
        const docs = state
          .list()
          .filter(
            (x) =>
              x.id !== d.id &&
              x.resources.some((y) => y.kind === 'elasticsearch' && !isShutDown(y, state.now())),
          )
          .map((x) => deploymentBody(x, state.now(), SEARCH_SHOW));
        const size = c.body.size === undefined ? DEFAULT_SIZE : Number(c.body.size);
        const result = search(docs, {
          size,
          ...(c.body.from !== undefined ? { from: Number(c.body.from) } : {}),
          ...(c.body.query ? { query: c.body.query as Record<string, unknown> } : {}),
        });
        return {
          body: {
            return_count: result.hits.length,
            match_count: result.total,
            deployments: result.hits,
          },
        };
      },
    },
    {
      method: 'POST',
      path: `${base}/diagnostics/_capture`,
      handle: (c) => {
        const { d, r, kind } = find(c);
        if (kind !== 'elasticsearch' && kind !== 'kibana')
          throw invalid(`Diagnostics are captured for elasticsearch and kibana, not ${kind}`, [
            'resource_kind',
          ]);
        const mode = c.query.get('mode') ?? 'full';
        if (mode !== 'full' && mode !== 'light')
          throw invalid(`mode must be full or light, not [${mode}]`, ['mode']);
        running(d, r);
        const at = iso(state.now());
        const zip = zipOf([
          {
            name: 'manifest.json',
            text: JSON.stringify({ deployment: d.id, kind, ref_id: r.refId, mode, collected: at }),
          },
          { name: `${kind}/version.txt`, text: `sandbox ${kind} diagnostics\n` },
        ]);
        // The spec's form: a JSON string of base64 (as the dumps answer).
        return { body: zip.toString('base64') };
      },
    },
    ...['instances/overrides', 'instances/{instances}/overrides'].map(
      (tail): Route => ({
        method: 'PUT',
        path: `${base}/${tail}`,
        handle: (c) => {
          const { r, kind } = find(c);
          if (kind !== 'elasticsearch')
            throw invalid('Only Elasticsearch resources take instance overrides', [
              'resource_kind',
            ]);
          const overrides = checkOverrides(c.body);
          const wanted = c.params.instances?.split(',');
          if (wanted && !flag(c.query, 'ignore_missing')) {
            const have = new Set(instanceNames(r, state.now()));
            const missing = wanted.filter((i) => !have.has(i));
            if (missing.length > 0)
              throw new SandboxError(
                404,
                'deployments.instances_missing_on_update_error',
                `Instances [${missing.join(', ')}] of the elasticsearch resource [${r.refId}] cannot be found`,
              );
          }
          return { body: overrides };
        },
      }),
    ),
    {
      method: 'POST',
      path: '/deployments/{id}/apm/{ref}/_reset-token',
      handle: (c) => {
        const { d, r } = find(c, 'apm');
        const now = state.now();
        // The new token reaches the APM server through a plan, as ECE does.
        state.startPlan(r, d.name, 'update', lastBody(r, now), c.principal.user, now);
        state.touch(d);
        return { status: 202, body: { apm_id: r.id, secret_token: hexId().slice(0, 24) } };
      },
    },
    {
      method: 'GET',
      path: '/deployments/{id}/appsearch/{ref}/read_only_mode',
      handle: (c) => {
        const { r } = find(c, 'appsearch');
        return { body: { enabled: readOnly.has(r.id) } };
      },
    },
    {
      method: 'PUT',
      path: '/deployments/{id}/appsearch/{ref}/read_only_mode',
      handle: (c) => {
        const { r } = find(c, 'appsearch');
        if (typeof c.body.enabled !== 'boolean')
          throw invalid('enabled is required and must be a boolean', ['enabled']);
        if (c.body.enabled) readOnly.add(r.id);
        else readOnly.delete(r.id);
        return { body: { enabled: c.body.enabled } };
      },
    },
    {
      method: 'GET',
      path: '/deployments/{id}/certificate-authority',
      handle: (c) => {
        state.get(c.params.id ?? '');
        return {
          body: {
            recommended_trust_restriction: `*.node.${c.params.id}.ece-region.ece.local`,
            public_certificates: [{ active: true, pem: CA_PEM, metadata: CA_META }],
          },
        };
      },
    },
    {
      method: 'GET',
      path: '/deployments/{id}/upgrade_assistant/status',
      handle: (c) => {
        const d = state.get(c.params.id ?? '');
        const es = d.resources.find((r) => r.kind === 'elasticsearch');
        if (!es || isShutDown(es, state.now()))
          throw new SandboxError(
            412,
            'clusters.cluster_plan_state_error',
            `Deployment [${d.id}] has no running Elasticsearch resource`,
          );
        return {
          body: {
            ready_for_upgrade: true,
            details: 'There are 0 Elasticsearch deprecation issues and 0 Kibana deprecation issues',
          },
        };
      },
    },
    {
      method: 'GET',
      path: '/deployments/{id}/migrate_template',
      handle: (c) => {
        const d = state.get(c.params.id ?? '');
        const templateId = c.query.get('template_id');
        if (!templateId) throw invalid('template_id is required', ['template_id']);
        const template = TEMPLATES.find((t) => t.id === templateId);
        if (!template)
          throw new SandboxError(
            404,
            'templates.template_not_found',
            `Template [${templateId}] cannot be found`,
          );
        return { body: migration(d, template.id, state.now()) };
      },
    },
  ];
}

/** The update request that moves a deployment to a template: its plans, the template named. */
function migration(d: Deployment, templateId: string, now: number): Record<string, unknown> {
  const resources: Record<string, unknown[]> = {};
  for (const r of d.resources) {
    if (isShutDown(r, now)) continue;
    const plan = structuredClone(lastBody(r, now));
    if (r.kind === 'elasticsearch') plan.deployment_template = { id: templateId };
    const list = resources[r.kind] ?? [];
    list.push({
      ref_id: r.refId,
      region: r.region,
      ...(r.esRefId ? { elasticsearch_cluster_ref_id: r.esRefId } : {}),
      plan,
    });
    resources[r.kind] = list;
  }
  return { name: d.name, prune_orphans: false, resources };
}

/** EnableIlmRequest: index_patterns, each with index_pattern and policy_name. */
function checkIndexPatterns(body: Record<string, unknown>): void {
  const patterns = body.index_patterns;
  if (!Array.isArray(patterns))
    throw invalid('index_patterns is required and must be a list', ['index_patterns']);
  patterns.forEach((p: unknown, i) => {
    const field = `index_patterns[${i}]`;
    const o = p as Record<string, unknown> | null;
    if (typeof o !== 'object' || o === null || Array.isArray(o))
      throw invalid(`${field} must be an object`, [field]);
    for (const key of ['index_pattern', 'policy_name'])
      if (typeof o[key] !== 'string' || o[key] === '')
        throw invalid(`${field}.${key} is required`, [`${field}.${key}`]);
  });
}

/** InstanceOverrides: capacity (MB, an integer), storage_multiplier (a number); at least one. */
function checkOverrides(body: Record<string, unknown>): Record<string, number> {
  const out: Record<string, number> = {};
  const { capacity, storage_multiplier: multiplier } = body;
  if (capacity !== undefined) {
    if (typeof capacity !== 'number' || !Number.isInteger(capacity) || capacity <= 0)
      throw invalid('capacity must be a positive integer (MB)', ['capacity']);
    out.capacity = capacity;
  }
  if (multiplier !== undefined) {
    if (typeof multiplier !== 'number' || !(multiplier > 0))
      throw invalid('storage_multiplier must be a positive number', ['storage_multiplier']);
    out.storage_multiplier = multiplier;
  }
  if (Object.keys(out).length === 0)
    throw invalid('give capacity, storage_multiplier or both', ['capacity']);
  return out;
}

/** A small zip archive (deflated entries), as a diagnostics bundle is. */
function zipOf(files: { name: string; text: string }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const f of files) {
    const data = Buffer.from(f.text, 'utf8');
    const packed = deflateRawSync(data);
    const name = Buffer.from(f.name, 'utf8');
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, packed);
    centrals.push(central, name);
    offset += local.length + name.length + packed.length;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}

function crc32(data: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of data) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}
