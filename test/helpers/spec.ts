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
  // A keystore value is "either a string or a JSON object" (its description); go-swagger
  // typed it `object`. ecctl and terraform-provider-ec send strings: any value is allowed.
  const secret = spec.definitions.KeystoreSecret as { properties?: Record<string, object> };
  if (secret?.properties?.value) secret.properties.value = {};
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

/** Every operation of the spec: method (upper case), path template, operationId. */
export function operations(): { method: string; path: string; operationId: string }[] {
  const { spec } = load();
  return Object.entries(spec.paths).flatMap(([path, ops]) =>
    Object.entries(ops).flatMap(([method, op]) => {
      const id = (op as { operationId?: unknown }).operationId;
      return typeof id === 'string'
        ? [{ method: method.toUpperCase(), path, operationId: id }]
        : [];
    }),
  );
}

/** The operation a concrete request hits, with its path template (literal segments win). */
export function findOperation(
  method: string,
  url: string,
): { template: string; op: Operation } | undefined {
  const { spec } = load();
  const path = new URL(url, 'http://x').pathname;
  if (!path.startsWith(spec.basePath)) return undefined;
  const rest = path.slice(spec.basePath.length) || '/';
  const segments = rest.split('/');
  let best: { template: string; op: Operation; params: number } | undefined;
  for (const [template, ops] of Object.entries(spec.paths)) {
    const op = ops[method.toLowerCase()];
    const parts = template.split('/');
    // The proxy's {proxy_path} is the rest of the path, slashes and all.
    const here =
      parts.at(-1) === '{proxy_path}' && segments.length > parts.length
        ? [...segments.slice(0, parts.length - 1), segments.slice(parts.length - 1).join('/')]
        : segments;
    if (!op || parts.length !== here.length) continue;
    const fits = parts.every((p, i) => p.startsWith('{') || p === here[i]);
    const params = parts.filter((p) => p.startsWith('{')).length;
    if (fits && (!best || params < best.params)) best = { template, op, params };
  }
  return best && { template: best.template, op: best.op };
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

/**
 * Checks a response body against the operation's schema for its status.
 * Error statuses the spec does not list for an operation (405, a 401 on an
 * operation that documents none) are checked as BasicFailedReply.
 */
export function responseViolations(
  method: string,
  url: string,
  status: number,
  body: unknown,
): string[] {
  const found = findOperation(method, url);
  if (!found) return [`${method} ${url} is not an operation of the spec`];
  const schema = found.op.responses[String(status)]?.schema as
    | { $ref?: string; type?: string; items?: { $ref?: string } }
    | undefined;
  if (!schema) {
    if (status >= 400) return violations('BasicFailedReply', body);
    return [`${method} ${found.template} does not document status ${status}`];
  }
  if (schema.$ref) return violations(schema.$ref.replace('#/definitions/', ''), body);
  if (schema.type === 'array' && schema.items?.$ref) {
    if (!Array.isArray(body)) return ['/ must be an array'];
    const def = schema.items.$ref.replace('#/definitions/', '');
    return body.flatMap((item, i) => violations(def, item).map((v) => `[${i}]${v}`));
  }
  return [];
}

/** Checks a request body against the operation's body parameter schema. */
export function requestViolations(method: string, url: string, body: unknown): string[] {
  const found = findOperation(method, url);
  if (!found) return [`${method} ${url} is not an operation of the spec`];
  if (body instanceof MultipartBody) {
    // An upload: the spec's formData parameters are the parts it must hold.
    const fields = (found.op.parameters ?? []).filter((p) => p.in === 'formData');
    if (fields.length === 0) return [`${method} ${found.template} takes no multipart/form-data`];
    return fields
      .filter((p) => p.required !== false && !body.fields.includes(p.name))
      .map((p) => `${method} ${found.template}: the multipart body has no part "${p.name}"`);
  }
  const param = found.op.parameters?.find((p) => p.in === 'body');
  if (!param) return body === undefined ? [] : [`${method} ${found.template} takes no body`];
  if (body === undefined) return param.required ? [`${method} ${found.template} needs a body`] : [];
  const ref = param.schema?.$ref;
  return ref ? violations(ref.replace('#/definitions/', ''), body) : [];
}

/** A multipart/form-data request body, known by the names of its parts. */
export class MultipartBody {
  constructor(readonly fields: string[]) {}
  static parse(text: string): MultipartBody {
    return new MultipartBody(
      [...text.matchAll(/Content-Disposition: form-data; name="([^"]*)"/gi)].map((m) => m[1] ?? ''),
    );
  }
}
