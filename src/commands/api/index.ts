// `ece api PATH`: any request to the ECE API, with ece's credentials, TLS,
// retries, output and redaction. The escape hatch for the operations that
// have no command of their own.

import type { Command } from 'commander';
import type { ApiResponse } from '../../api/client.js';
import type { PageRequester } from '../../api/pager.js';
import type { Context } from '../../context.js';
import { ApiError, UsageError } from '../../errors.js';
import { readInputFile, readStdin } from '../../input.js';
import { forTerminal, RAW, writeExact } from '../../output/raw.js';
import { act, type Contexts } from '../action.js';
import { showDryRun } from '../write.js';
import { assign, fieldValue, object, parseField } from './fields.js';

export interface ApiFlags {
  method?: string;
  field: string[];
  rawField: string[];
  input?: string;
  header: string[];
  include?: boolean;
  silent?: boolean;
  paginate?: boolean;
}

const collect = (v: string, all: string[]) => [...all, v];

export function register(cmd: Command, contexts: Contexts): void {
  cmd
    .argument('<path>', 'API path, with or without /api/v1 (e.g. /platform or deployments/ID)')
    .option('-X, --method <method>', 'HTTP method (default: GET, or POST with fields or --input)')
    .option(
      '-f, --raw-field <key=value>',
      'a string field (repeatable); with GET, a query parameter',
      collect,
      [],
    )
    .option(
      '-F, --field <key=value>',
      'a typed field: true, false, null, numbers, {}, [], @file, @- (repeatable)',
      collect,
      [],
    )
    .option('--input <file>', 'the request body from a file (- for stdin)')
    .option('-H, --header <name:value>', 'an extra request header (repeatable)', collect, [])
    .option('-i, --include', 'print the status line and response headers before the body')
    .option('--silent', 'do not print the response body')
    .option('--paginate', 'follow the cursor of a _search endpoint and merge the pages')
    .addHelpText(
      'after',
      `
Fields build a JSON body: -F a.b=1 -F 'tags[]=x' -f name=logs gives
{"a":{"b":1},"tags":["x"],"name":"logs"}. With GET they become query
parameters. On an HTTP error the body still goes to stdout, the summary to
stderr, and the exit code is the usual one (3 for 404, 4 for 401/403, …).

Examples:
  $ ece api /platform
  $ ece api -X GET /deployments/templates -f region=ece-region --query '[].id'
  $ ece api /deployments/_search -F size=10 -F 'query.match_all={}'
  $ ece api /deployments/_search --input query.json --paginate
  $ ece api -X DELETE /users/auth/keys/KEY_ID --include`,
    )
    .action(act(contexts, (ctx, path: string, flags: ApiFlags) => run(path, flags, ctx)));
}

export async function run(rawPath: string, flags: ApiFlags, ctx: Context): Promise<void> {
  const path = apiPath(rawPath);
  const fields = [
    ...flags.rawField.map((f) => parseField(f, false)),
    ...flags.field.map((f) => parseField(f, true)),
  ];
  const method = (
    flags.method ?? (fields.length > 0 || flags.input ? 'POST' : 'GET')
  ).toUpperCase();
  if (!/^[A-Z]+$/.test(method)) throw new UsageError(`invalid method "${flags.method}"`);
  // Without a prototype: a header or field named __proto__ is a name, not a way in.
  const headers: Record<string, string> = Object.create(null);
  for (const h of flags.header) {
    const colon = h.indexOf(':');
    if (colon <= 0) throw new UsageError(`invalid header "${h}": use 'Name: value'`);
    const name = h.slice(0, colon).trim();
    if (!/^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/.test(name))
      throw new UsageError(`invalid header name "${name}"`);
    if (/^(authorization|proxy-authorization)$/i.test(name)) {
      throw new UsageError(
        'an Authorization header cannot be given with -H; ece sends the credential itself',
      );
    }
    headers[name] = h.slice(colon + 1).trim();
  }
  let stdinUsed = false;
  const readFile = async (name: string) => {
    if (name === '-') {
      if (stdinUsed) throw new UsageError('standard input can be read only once');
      stdinUsed = true;
      return readStdin(ctx.io, 'a field value');
    }
    return readInputFile(ctx.io, name);
  };
  let body: string | undefined;
  const query: Record<string, string> = Object.create(null);
  const bodyFields =
    method === 'GET' || method === 'HEAD' || flags.input !== undefined ? [] : fields;
  if (flags.input !== undefined) {
    if (flags.input === '-') stdinUsed = true;
    body = await readInputFile(ctx.io, flags.input);
  }
  for (const f of fields) {
    if (bodyFields.includes(f)) continue;
    const v = await fieldValue(f, readFile);
    query[f.key] = typeof v === 'string' ? v : JSON.stringify(v);
  }
  if (bodyFields.length > 0) {
    const obj = object();
    for (const f of bodyFields) assign(obj, f.key, await fieldValue(f, readFile));
    body = JSON.stringify(obj);
  }
  if (flags.paginate && !path.split('?')[0]?.endsWith('/_search')) {
    throw new UsageError('--paginate works with _search endpoints (it follows their cursor)');
  }
  const renderer = await ctx.renderer({ exact: true });
  const api = await ctx.api();
  const request = {
    method: flags.paginate ? 'POST' : method,
    path,
    query,
    headers,
    // A dry run shows the body's secrets as shell variables (the client finds them).
    ...(body !== undefined ? { body } : {}),
  };
  // Any method but GET/HEAD may change something: a dry run shows it (a --paginate
  // search is a read and runs).
  if (!flags.paginate && !['GET', 'HEAD'].includes(method) && showDryRun(ctx, api, request)) return;
  let res: ApiResponse;
  try {
    res = flags.paginate
      ? await paginate(api, path, query, headers, body)
      : await api.request(request);
  } catch (err) {
    if (err instanceof ApiError) {
      if (flags.include) writeHead(ctx, err.status, err.headers);
      if (!flags.silent && err.body)
        ctx.io.stdout.write(
          forTerminal(
            ctx.io,
            err.body.endsWith('\n') || !ctx.io.stdoutIsTTY ? err.body : `${err.body}\n`,
          ),
        );
    }
    throw err;
  }
  if (flags.include) writeHead(ctx, res.status, res.headers);
  if (flags.silent || res.text === '') return;
  const isJson = (res.headers['content-type'] ?? '').includes('json') || /^\s*[[{]/.test(res.text);
  if (!isJson) {
    ctx.io.stdout.write(forTerminal(ctx.io, res.bytes ?? res.text));
    return;
  }
  // The body as ECE sent it unless a format or --query was asked for.
  // The bytes as received, unless --paginate merged pages into new text.
  const received = flags.paginate ? res.text : res;
  if (renderer.raw || ctx.flags.output !== undefined) await renderer.body(received, RAW);
  else
    writeExact(
      ctx.io,
      forTerminal(
        ctx.io,
        typeof received === 'string' ? received : (received.bytes ?? received.text),
      ),
    );
}

/** `/api/v1/x`, `/x` and `x` are the same path; full URLs and dot segments are refused. */
export function apiPath(raw: string): string {
  const p = raw.trim();
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(p)) {
    throw new UsageError(
      'give a path, not a URL: the host comes from --host, ECE_HOST or the profile',
    );
  }
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what we refuse
  if (/[\u0000-\u001f\u007f#]/.test(p))
    throw new UsageError('the path has control characters or a #');
  let path = p.startsWith('/') ? p : `/${p}`;
  if (path === '/api/v1' || path.startsWith('/api/v1/') || path.startsWith('/api/v1?'))
    path = path.slice(7) || '/';
  const [pathname = ''] = path.split('?');
  if (
    pathname
      .split('/')
      .some((s) => s === '.' || s === '..' || /^%2e(%2e)?$/i.test(s) || /^\.%2e$|^%2e\.$/i.test(s))
  ) {
    throw new UsageError('the path has . or .. segments');
  }
  // Spaces and non-ASCII characters travel percent-encoded; what is already encoded stays.
  return path.replace(/[^\x21-\x7e]/gu, (c) => encodeURIComponent(c));
}

/** Every page of a `_search` merged into one body (see api/pager.ts for the limits). */
async function paginate(
  api: PageRequester,
  path: string,
  query: Record<string, string>,
  headers: Record<string, string>,
  body: string | undefined,
): Promise<ApiResponse> {
  let search: unknown = {};
  if (body !== undefined && body.trim() !== '') {
    try {
      search = JSON.parse(body);
    } catch {
      search = undefined;
    }
  }
  if (typeof search !== 'object' || search === null || Array.isArray(search))
    throw new UsageError('--paginate needs a JSON object as the search body');
  const { mergePages } = await import('../../api/pager.js');
  const { text, first } = await mergePages(api, {
    path,
    body: search as Record<string, unknown>,
    query,
    headers,
  });
  // New text: the first page's bytes must not stand for the merged body.
  const { bytes: _, ...head } = first;
  return { ...head, text };
}

function writeHead(ctx: Context, status: number, headers: Record<string, string>): void {
  const lines = [`HTTP/1.1 ${status}`, ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`)];
  ctx.io.stdout.write(forTerminal(ctx.io, `${lines.join('\n')}\n\n`));
}
