// The ECE API specification as a test oracle: does an operation exist for a
// request, and does a body validate against a schema of its definitions.
// The spec is read from $ECE_API_SPEC or ../shared/ece-api/apidocs.json and
// never copied into the repository.

import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

interface Operation {
  parameters?: { in: string; name: string; required?: boolean; schema?: { $ref?: string } }[];
  responses: Record<string, { schema?: object }>;
}

interface Spec {
  basePath: string;
  paths: Record<string, Record<string, Operation>>;
  definitions: Record<string, object>;
}

export function specPath(): string {
  const fromEnv = process.env.ECE_API_SPEC;
  const path = fromEnv || `${ROOT}../shared/ece-api/apidocs.json`;
  if (!existsSync(path)) {
    throw new Error(
      `the ECE API specification was not found at ${path}: set ECE_API_SPEC or put it at ../shared/ece-api/apidocs.json`,
    );
  }
  return path;
}

let cached: { spec: Spec; ajv: Ajv } | undefined;

function load(): { spec: Spec; ajv: Ajv } {
  if (cached) return cached;
  const spec = JSON.parse(readFileSync(specPath(), 'utf8')) as Spec;
  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: true });
  // ajv-formats is CommonJS with a default export.
  type AddFormats = (a: Ajv) => Ajv;
  const mod = addFormatsModule as unknown as AddFormats & { default?: AddFormats };
  const addFormats = mod.default ?? mod;
  addFormats(ajv);
  for (const f of ['int32', 'int64', 'float', 'double', 'byte', 'binary', 'password'])
    ajv.addFormat(f, true);
  ajv.addSchema({ definitions: spec.definitions }, 'ece');
  cached = { spec, ajv };
  return cached;
}

export function validator(definition: string): ValidateFunction {
  const { spec, ajv } = load();
  if (!spec.definitions[definition]) throw new Error(`no definition ${definition} in the spec`);
  const v = ajv.getSchema(`ece#/definitions/${definition}`);
  if (!v) throw new Error(`cannot compile ${definition}`);
  return v;
}

/** Errors of `body` against a definition, as readable lines (empty when valid). */
export function violations(definition: string, body: unknown): string[] {
  const v = validator(definition);
  return v(body) ? [] : (v.errors ?? []).map(describe);
}

function describe(e: ErrorObject): string {
  return `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`;
}

/** The operation a concrete request hits, with its path template. */
export function findOperation(
  method: string,
  url: string,
): { template: string; op: Operation } | undefined {
  const { spec } = load();
  const path = new URL(url, 'http://x').pathname;
  if (!path.startsWith(spec.basePath)) return undefined;
  const rest = path.slice(spec.basePath.length) || '/';
  for (const [template, ops] of Object.entries(spec.paths)) {
    const re = new RegExp(
      `^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{[^}]+\\?\}/g, '[^/]+')}$`,
    );
    const op = ops[method.toLowerCase()];
    if (op && re.test(rest)) return { template, op };
  }
  return undefined;
}

/** The definition name of the response schema for a status, e.g. DeploymentsListResponse. */
export function responseDefinition(
  method: string,
  url: string,
  status: number,
): string | undefined {
  const found = findOperation(method, url);
  const ref = (found?.op.responses[String(status)]?.schema as { $ref?: string } | undefined)?.$ref;
  return ref?.replace('#/definitions/', '');
}
