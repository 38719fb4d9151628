// `ece api PATH`: any request to the ECE API, with ece's credentials, TLS,
// retries, output and redaction. The escape hatch for the operations that
// have no command of their own.

import type { ApiResponse } from '../../api/client.js';
import type { PageRequester } from '../../api/pager.js';
import { ApiError, UsageError } from '../../errors.js';
import { readInputFile, readStdin } from '../../input.js';
import { forTerminal } from '../../output/raw.js';
import { verbCommand } from '../run/command.js';
import { writeHead } from '../run/exact.js';
import { defineVerb } from '../run/types.js';
import { assign, fieldValue, object, parseField } from './fields.js';

export interface ApiInput {
  path: string;
  method?: string;
  field: string[];
  rawField: string[];
  input?: string;
  header: string[];
  include?: boolean;
  silent?: boolean;
  paginate?: boolean;
}

type Checked = ApiInput & {
  headers: Record<string, string>;
  fields: ReturnType<typeof parseField>[];
};

export const verb = defineVerb<Checked>({
  effect: 'destructive',
  // GET and HEAD read (a --paginate search too) and are sent under --dry-run;
  // DELETE removes (asks); any other method writes.
  effectOf: (input) =>
    input.paginate || input.method === 'GET' || input.method === 'HEAD'
      ? 'read'
      : input.method === 'DELETE'
        ? 'destructive'
        : 'write',
  args: [
    {
      name: 'path',
      description: 'API path, with or without /api/v1 (e.g. /platform or deployments/ID)',
    },
  ],
  options: [
    {
      flags: '-X, --method <method>',
      description: 'HTTP method (default: GET, or POST with fields or --input)',
    },
    {
      flags: '-f, --raw-field <key=value>',
      description: 'a string field (repeatable); with GET, a query parameter',
      repeatable: true,
    },
    {
      flags: '-F, --field <key=value>',
      description: 'a typed field: true, false, null, numbers, {}, [], @file, @- (repeatable)',
      repeatable: true,
    },
    { flags: '--input <file>', description: 'the request body from a file (- for stdin)' },
    {
      flags: '-H, --header <name:value>',
      description: 'an extra request header (repeatable)',
      repeatable: true,
    },
    {
      flags: '-i, --include',
      description: 'print the status line and response headers before the body',
    },
    { flags: '--silent', description: 'do not print the response body' },
    {
      flags: '--paginate',
      description: 'follow the cursor of a _search endpoint and merge the pages',
    },
  ],
  description: `Fields build a JSON body: -F a.b=1 -F 'tags[]=x' -f name=logs gives
{"a":{"b":1},"tags":["x"],"name":"logs"}. With GET they become query
parameters. On an HTTP error the body still goes to stdout, the summary to
stderr, and the exit code is the usual one (3 for 404, 4 for 401/403, …).
A DELETE asks first (--yes without a terminal).`,
  examples: [
    'ece api /platform',
    "ece api -X GET /deployments/templates -f region=ece-region --query '[].id'",
    "ece api /deployments/_search -F size=10 -F 'query.match_all={}'",
    'ece api /deployments/_search --input query.json --paginate',
    'ece api -X DELETE /users/auth/keys/KEY_ID --include',
  ],
  input(raw) {
    const flags = raw as unknown as ApiInput;
    const path = apiPath(flags.path);
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
    return { ...flags, path, method, headers, fields };
  },
  async plan(flags, ctx) {
    const { path, method, headers, fields } = flags;
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
    await ctx.renderer({ exact: true });
    const api = await ctx.api();
    const request = {
      method: flags.paginate ? 'POST' : (method as string),
      path,
      query,
      headers,
      // A dry run shows the body's secrets as shell variables (the client finds them).
      ...(body !== undefined ? { body } : {}),
    };
    const shown = { head: flags.include === true, silent: flags.silent === true };
    const failed = (err: unknown) => {
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
      return err;
    };
    // Any method but GET/HEAD may change something: a write, shown by a dry run
    // (a --paginate search is a read and runs).
    if (flags.paginate || method === 'GET' || method === 'HEAD') {
      const res = await (flags.paginate
        ? paginate(api, path, query, headers, body)
        : api.request(request)
      ).catch((err: unknown) => {
        throw failed(err);
      });
      return { output: { exact: res, merged: flags.paginate === true, ...shown } };
    }
    return {
      writes: [request],
      onError: failed,
      output: (sent) => ({ exact: sent[0] as ApiResponse, ...shown }),
    };
  },
});

export const { register } = verbCommand(verb);

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
