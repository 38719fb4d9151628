// `ece deployments es`: a request to a deployment's Elasticsearch through
// ECE's proxy (/deployments/{id}/elasticsearch/{ref_id}/proxy/{path}), with
// ECE's credentials and the X-Management-Request header the proxy requires.
// The body is printed like `ece api` prints one: exact bytes, errors as ECE
// or Elasticsearch report them (the body on stdout, a summary on stderr).

import { type ApiResponse, parseBody } from '../../api/body.js';
import type { RequestOptions } from '../../api/client.js';
import { asDeployment, getDeployment, PROXY_METHODS, proxyRequest } from '../../api/deployments.js';
import type { Context } from '../../context.js';
import { ApiError, CliError, ExitCode, UsageError } from '../../errors.js';
import { readInputFile } from '../../input.js';
import { forTerminal } from '../../output/raw.js';
import { defineVerb, type Plan } from '../run/types.js';
import { resolveDeployment } from './resolve.js';

export interface EsInput {
  deployment: string;
  method: string;
  path: string;
  file?: string;
  input?: string;
  refId?: string;
}

export const verb = defineVerb<EsInput>({
  effect: 'destructive',
  // A GET reads (and is sent under --dry-run); a DELETE removes; PUT and POST write.
  effectOf: (input) =>
    input.method === 'GET' ? 'read' : input.method === 'DELETE' ? 'destructive' : 'write',
  args: [
    { name: 'deployment', description: 'deployment id or exact name' },
    { name: 'method', description: `HTTP method: ${PROXY_METHODS.join(', ')}` },
    { name: 'path', description: 'Elasticsearch path, e.g. /_cluster/health or /_cat/indices?v' },
  ],
  options: [
    { flags: '-f, --file <file>', description: 'the request body from a file (- for stdin)' },
    { flags: '--input <file>', description: 'the same as --file' },
    {
      flags: '--ref-id <ref_id>',
      description: 'the Elasticsearch resource, when there are several',
    },
  ],
  description: `ECE's proxy has GET, POST, PUT and DELETE only. The response body is printed
as Elasticsearch sent it; an error's body too, with exit 3 for 404, 5 for
other 4xx. Under --dry-run a GET is sent (it changes nothing); any other
method is shown as curl. A DELETE asks first (--yes without a terminal).`,
  examples: [
    'ece deployments es prod-logs GET /_cluster/health',
    "ece deployments es prod-logs GET '/_cat/indices?v'",
    'ece deployments es prod-logs PUT /my-index -f mappings.json',
    `echo '{"query":{"match_all":{}}}' | ece deployments es prod-logs POST /my-index/_search -f -`,
  ],
  input(raw) {
    const input = raw as unknown as EsInput;
    const method = input.method.toUpperCase();
    if (!(PROXY_METHODS as readonly string[]).includes(method)) {
      throw new UsageError(
        `ECE's Elasticsearch proxy has no ${input.method} method: use ${PROXY_METHODS.join(', ')}`,
      );
    }
    const path = checkPath(input.path);
    if (input.file !== undefined && input.input !== undefined)
      throw new UsageError('give the body with --file or --input, not both');
    return { ...input, method, path };
  },
  async plan(input, ctx) {
    const file = input.file ?? input.input;
    const body = file === undefined ? undefined : await readInputFile(ctx.io, file);
    await ctx.renderer({ exact: true });
    const api = await ctx.api();
    const { id } = await resolveDeployment(api, input.deployment);
    const refId = input.refId ?? (await elasticsearchRefId(ctx, id));
    const req = proxyRequest(id, refId, input.method as Method, input.path, body);
    if (input.method === 'GET') {
      // A read: sent here, under --dry-run too.
      const res = await api.request(req).catch((err: unknown) => {
        throw esError(ctx, err);
      });
      return { output: { exact: res } };
    }
    return writeOf(ctx, req);
  },
});

function writeOf(ctx: Context, req: RequestOptions): Plan {
  return {
    writes: [req],
    onError: (err: unknown) => esError(ctx, err),
    output: (sent) => ({ exact: sent[0] as ApiResponse }),
  };
}

/** The error's body on stdout as Elasticsearch sent it; Elasticsearch's own reason as the error. */
function esError(ctx: Context, err: unknown): unknown {
  if (!(err instanceof ApiError)) return err;
  if (err.body)
    ctx.io.stdout.write(forTerminal(ctx.io, err.body.endsWith('\n') ? err.body : `${err.body}\n`));
  const reason = err.errors.length === 0 ? esReason(err.body) : undefined;
  // Elasticsearch's own error (not ECE's): its reason, with the status it came with.
  if (reason) return new CliError(`Elasticsearch: ${reason} (HTTP ${err.status})`, err.exitCode);
  return err;
}

type Method = (typeof PROXY_METHODS)[number];

export function checkPath(raw: string): string {
  const p = raw.trim();
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(p))
    throw new UsageError('give an Elasticsearch path, not a URL: the proxy reaches the deployment');
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what we refuse
  if (/[\u0000-\u001f\u007f#]/.test(p))
    throw new UsageError('the path has control characters or a #');
  const [pathname = ''] = p.split('?');
  if (pathname.split('/').some((s) => s === '.' || s === '..' || /^(%2e|\.){1,2}$/i.test(s)))
    throw new UsageError('the path has . or .. segments');
  // Spaces and non-ASCII characters travel percent-encoded; what is already encoded stays.
  return (p.startsWith('/') ? p : `/${p}`).replace(/[^\x21-\x7e]/gu, (c) => encodeURIComponent(c));
}

async function elasticsearchRefId(ctx: Context, id: string): Promise<string> {
  const api = await ctx.api();
  const d = asDeployment(parseBody<unknown>(await getDeployment(api, id, { plans: false })));
  const ids = (d.resources.elasticsearch ?? []).map((r) => r.ref_id);
  const [only, ...more] = ids;
  if (only === undefined)
    throw new CliError('the deployment has no Elasticsearch resource', ExitCode.NOT_FOUND);
  if (more.length > 0) {
    throw new CliError(
      `the deployment has ${ids.length} Elasticsearch resources; choose one with --ref-id: ${ids.join(', ')}`,
      ExitCode.USAGE,
    );
  }
  return only;
}

/** The reason in an Elasticsearch error body ({"error": "…" | {"reason": "…"}, "status": n}). */
function esReason(body: string): string | undefined {
  try {
    const e = (JSON.parse(body) as { error?: unknown }).error;
    if (typeof e === 'string') return e;
    const r = (e as { reason?: unknown; type?: unknown } | null)?.reason;
    if (typeof r === 'string') {
      const type = (e as { type?: unknown }).type;
      return typeof type === 'string' ? `${type}: ${r}` : r;
    }
  } catch {
    // not JSON: ECE's summary stands
  }
  return undefined;
}
