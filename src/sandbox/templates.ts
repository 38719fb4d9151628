// Deployment templates (/deployments/templates): the catalog's, system-owned,
// plus whatever a user creates. Every operation needs `region` (ECE: 400
// templates.region_not_found for another). A read carries the template's
// x-cloud-resource-version (ECE's PUT takes it back as ?version=); a delete
// is refused for a system-owned template and for one that deployments still
// use, as ECE's documentation says (the spec names no code for either: the
// codes here are the sandbox's, see docs/sandbox.md).

import { randomBytes } from 'node:crypto';
import { REGION, SIZES, TEMPLATES, templatePayload } from './catalog.js';
import { invalid, SandboxError } from './errors.js';
import { flag } from './params.js';
import type { SandboxState } from './state.js';
import type { Call, Route } from './world.js';

type Doc = Record<string, unknown>;

interface Stored {
  id: string;
  /** The DeploymentTemplateRequestBody as stored (system_owned set by the sandbox). */
  body: Doc;
  version: number;
  /**
   * A seeded system template as the installation ships it: until someone
   * changes it, it builds on the newest stack version there is (a stack pack
   * uploaded later included), as ECE's own templates do.
   */
  seeded?: (typeof TEMPLATES)[number];
}

const notFound = (id: string) =>
  new SandboxError(404, 'templates.template_not_found', `Template [${id}] cannot be found`);

/** ECE's check of the region parameter every template operation has. */
export function checkRegion(region: string | null): void {
  if (!region)
    throw new SandboxError(400, 'root.invalid_data', 'The region parameter is required', [
      'region',
    ]);
  if (region !== REGION)
    throw new SandboxError(400, 'templates.region_not_found', `Region [${region}] cannot be found`);
}

function seed(version: string): Stored[] {
  return TEMPLATES.map((t, order) => ({
    id: t.id,
    version: 1,
    seeded: t,
    body: {
      name: t.name,
      description: t.description,
      system_owned: true,
      order,
      deployment_template: { resources: templatePayload(t, version, REGION) },
      metadata: [{ key: 'parent_solution', value: t.id === 'default' ? 'stack' : t.id }],
    },
  }));
}

/** The instance configurations a template's topologies name, as InstanceConfigurationInfo. */
function instanceConfigurations(body: Doc): Doc[] {
  const resources = ((body.deployment_template as Doc | undefined)?.resources ?? {}) as Record<
    string,
    unknown
  >;
  const seen = new Map<string, Doc>();
  for (const [kind, list] of Object.entries(resources)) {
    for (const r of Array.isArray(list) ? list : []) {
      const topology = ((r as Doc)?.plan as Doc | undefined)?.cluster_topology;
      for (const t of Array.isArray(topology) ? topology : []) {
        const id = (t as Doc)?.instance_configuration_id;
        if (typeof id !== 'string' || seen.has(id)) continue;
        seen.set(id, {
          id,
          name: id,
          instance_type: kind,
          discrete_sizes: {
            sizes: SIZES,
            default_size: kind === 'elasticsearch' ? 4096 : 1024,
            resource: 'memory',
          },
        });
      }
    }
  }
  return [...seen.values()];
}

/** The checks ECE makes on a DeploymentTemplateRequestBody. */
function checked(body: Doc, system: boolean): Doc {
  if (typeof body.name !== 'string' || body.name.trim() === '')
    throw invalid('A deployment template needs a name', ['name']);
  const dt = body.deployment_template as Doc | undefined;
  if (!dt || typeof dt !== 'object' || Array.isArray(dt))
    throw invalid('A deployment template needs a deployment_template', ['deployment_template']);
  const es = (dt.resources as Doc | undefined)?.elasticsearch;
  if (!Array.isArray(es) || es.length === 0)
    throw invalid('A deployment template needs an Elasticsearch resource', [
      'deployment_template.resources.elasticsearch',
    ]);
  const { system_owned: _s, ...rest } = body;
  return { ...rest, system_owned: system };
}

export function templateRoutes(state: SandboxState): Route[] {
  const templates = seed(state.stacks[0] ?? '');
  const find = (id: string) => {
    const t = templates.find((x) => x.id === id);
    if (!t) throw notFound(id);
    return t;
  };
  const view = (t: Stored, c: Call): Doc => ({
    id: t.id,
    ...t.body,
    ...(t.seeded
      ? {
          deployment_template: {
            ...(t.body.deployment_template as Doc),
            resources: templatePayload(t.seeded, state.stacks[0] ?? '', REGION),
          },
        }
      : {}),
    instance_configurations: flag(c.query, 'show_instance_configurations', true)
      ? instanceConfigurations(t.body)
      : [],
  });
  const versioned = (t: Stored) => ({ 'x-cloud-resource-version': String(t.version) });
  /** Deployments (shut down or not) whose Elasticsearch plan names the template. */
  const usedBy = (id: string) =>
    state
      .list()
      .filter((d) =>
        d.resources.some((r) =>
          r.plans.some((p) => (p.body.deployment_template as Doc | undefined)?.id === id),
        ),
      )
      .map((d) => d.name);
  const base = '/deployments/templates';
  return [
    {
      method: 'GET',
      path: base,
      handle: (c) => {
        checkRegion(c.query.get('region'));
        const hidden = flag(c.query, 'show_hidden', false);
        const list = templates
          .filter((t) => hidden || t.body.hidden !== true)
          .sort((a, b) => Number(a.body.order ?? 1000) - Number(b.body.order ?? 1000));
        return { body: list.map((t) => view(t, c)) };
      },
    },
    {
      method: 'POST',
      path: base,
      handle: (c) => {
        checkRegion(c.query.get('region'));
        const body = checked(c.body, false);
        const id = randomBytes(16).toString('hex');
        if (flag(c.query, 'validate_only', false)) return { body: { id } };
        templates.push({ id, body, version: 1 });
        return { status: 201, body: { id } };
      },
    },
    {
      method: 'GET',
      path: `${base}/{id}`,
      handle: (c) => {
        checkRegion(c.query.get('region'));
        const t = find(c.params.id ?? '');
        return { body: view(t, c), headers: versioned(t) };
      },
    },
    {
      method: 'PUT',
      path: `${base}/{id}`,
      handle: (c) => {
        checkRegion(c.query.get('region'));
        const id = c.params.id ?? '';
        if (!/^[a-zA-Z0-9._-]{1,64}$/.test(id))
          throw invalid('The template id is not valid', ['id']);
        const existing = templates.find((x) => x.id === id);
        if (existing && flag(c.query, 'create_only', false))
          throw new SandboxError(
            409,
            'templates.already_exists',
            `Template [${id}] already exists`,
          );
        const want = c.query.get('version');
        if (existing && want !== null && want !== String(existing.version))
          throw new SandboxError(
            409,
            'templates.version_conflict',
            `Template [${id}] is at version ${existing.version}, not ${want}`,
          );
        const body = checked(c.body, existing?.body.system_owned === true);
        if (flag(c.query, 'validate_only', false)) return { body: { id } };
        if (existing) {
          existing.body = body;
          existing.seeded = undefined;
          existing.version += 1;
          return { body: { id }, headers: versioned(existing) };
        }
        templates.push({ id, body, version: 1 });
        return { status: 201, body: { id } };
      },
    },
    {
      method: 'DELETE',
      path: `${base}/{id}`,
      handle: (c) => {
        checkRegion(c.query.get('region'));
        const t = find(c.params.id ?? '');
        if (t.body.system_owned === true)
          throw new SandboxError(
            400,
            'templates.system_owned',
            `Template [${t.id}] is system owned and cannot be deleted`,
          );
        const users = usedBy(t.id);
        if (users.length)
          throw new SandboxError(
            400,
            'templates.template_in_use',
            `Template [${t.id}] is in use by deployments [${users.join(', ')}]`,
          );
        templates.splice(templates.indexOf(t), 1);
        return { body: {} };
      },
    },
  ];
}
