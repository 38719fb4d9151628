// One pager for every endpoint that pages (issue 13, item 4; this module owns
// paging limits). An async iterator of pages:
//
//   for await (const page of pages(api, { path: '/deployments/_search', body })) …
//
// Modes:
// - 'cursor' (default for `_search`): the next request's body is
//   `{"cursor": <the previous page's cursor>}`; it stops at a page without a
//   cursor or without items. On an installation without cursors (ECE before
//   3.8: no `cursor` while `match_count` says there are more), it goes on with
//   `from`/`size` rather than truncating silently.
// - 'from': `from`/`size` in the body (POST) or the query (GET, e.g.
//   `GET /platform/infrastructure/allocators`, which defaults to 100 and gives
//   no total); it stops at a page shorter than `size`.
// Limits: a repeated cursor, more than `maxPages` pages, and a page that is
// not a JSON object are each a ResponseError (exit 1) that says what happened.
// Pages are requested one after the other over the client's one connection.

import { ResponseError } from '../errors.js';
import { parseLossless, stringifyLossless } from '../lossless.js';
import { type ApiResponse, describeNonJson } from './body.js';
import type { RequestOptions } from './client.js';

export interface PageRequester {
  request(req: RequestOptions): Promise<ApiResponse>;
}

export interface PagerRequest {
  /** Path below /api/v1, e.g. `/deployments/_search`. */
  path: string;
  /** POST for `_search` endpoints (the default), GET for lists paged by query. */
  method?: 'POST' | 'GET';
  /** The search body of the first page (POST). */
  body?: Record<string, unknown>;
  query?: Record<string, string | number | boolean | undefined>;
  headers?: Record<string, string>;
}

export interface PagerOptions {
  mode?: 'cursor' | 'from';
  /** Page size in 'from' mode (default: the body's or query's `size`, else 100). */
  size?: number;
  /** At most this many pages (default 1000); one more is an error, never a silent truncation. */
  maxPages?: number;
  /** The items on a page (default: the length of its longest top-level array). */
  items?: (data: Record<string, unknown>) => number;
  /**
   * In 'from' mode, how deep `from + size` may reach (Elasticsearch's
   * index.max_result_window); past it the pager stops and calls onTruncated
   * with what it saw and the page's match_count.
   */
  maxWindow?: number;
  onTruncated?: (seen: number, total: number | undefined) => void;
}

export interface Page {
  /** 1 for the first page. */
  number: number;
  /** The page's body, parsed. */
  data: Record<string, unknown>;
  response: ApiResponse;
  /** Items on this page: the length of its arrays (`deployments`, `allocators`, …). */
  items: number;
}

export const DEFAULT_MAX_PAGES = 1000;
export const DEFAULT_PAGE_SIZE = 100;

export async function* pages(
  api: PageRequester,
  req: PagerRequest,
  opts: PagerOptions = {},
): AsyncGenerator<Page, void, undefined> {
  const method = req.method ?? 'POST';
  const maxPages = opts.maxPages ?? DEFAULT_MAX_PAGES;
  let mode = opts.mode ?? 'cursor';
  const firstSize = Number(req.body?.size ?? req.query?.size);
  const size =
    opts.size ?? (Number.isInteger(firstSize) && firstSize > 0 ? firstSize : DEFAULT_PAGE_SIZE);
  const send = (body: Record<string, unknown> | undefined, query: PagerRequest['query']) =>
    api.request({
      method,
      path: req.path,
      // A search is a read: its pages may be sent again, and in a dry run too.
      idempotent: true,
      read: true,
      ...(query ? { query } : {}),
      ...(req.headers ? { headers: req.headers } : {}),
      ...(method === 'POST' ? { body: body ?? {} } : {}),
    });
  const fromPage = (from: number) =>
    method === 'POST'
      ? send({ ...req.body, from, size }, req.query)
      : send(undefined, { ...req.query, from, size });

  const count = opts.items ?? countItems;
  const seen = new Set<string>();
  let seenItems = 0;
  let previous: string | undefined;
  let response = mode === 'from' ? await fromPage(0) : await send(req.body ?? {}, req.query);
  for (let number = 1; ; number++) {
    const data = pageData(response, number);
    const items = count(data);
    if (mode === 'from' && items > 0 && response.text === previous)
      throw new ResponseError(
        `ECE sent the same page again at from=${seenItems} of ${req.path} (it ignores from?); stopped rather than loop`,
      );
    previous = response.text;
    seenItems += items;
    yield { number, data, response, items };
    let next: () => Promise<ApiResponse>;
    const cursor = data.cursor;
    if (mode === 'cursor' && typeof cursor === 'string' && cursor !== '') {
      if (items === 0) return;
      if (seen.has(cursor))
        throw new ResponseError(
          `ECE sent the same paging cursor twice (page ${number} of ${req.path}); stopped rather than loop`,
        );
      seen.add(cursor);
      next = () => send({ cursor }, req.query);
    } else if (mode === 'cursor') {
      // No cursor: the last page, unless ECE (before 3.8) counts more matches than it sent.
      const total = data.match_count;
      if (typeof total !== 'number' || seenItems >= total || items === 0) return;
      mode = 'from';
      next = () => fromPage(seenItems);
    } else {
      if (items < size) return;
      next = () => fromPage(seenItems);
    }
    if (mode === 'from' && opts.maxWindow !== undefined && seenItems + size > opts.maxWindow) {
      const total = data.match_count;
      opts.onTruncated?.(seenItems, typeof total === 'number' ? total : undefined);
      return;
    }
    if (number >= maxPages)
      throw new ResponseError(
        `${req.path} has more than ${maxPages} pages; stopped (narrow the search, or page with a larger size)`,
      );
    response = await next();
  }
}

/** Every page merged: arrays concatenated, `return_count` the number of items, no `cursor`. */
export async function mergePages(
  api: PageRequester,
  req: PagerRequest,
  opts: PagerOptions = {},
): Promise<{
  merged: Record<string, unknown>;
  /** The merged body as JSON, numbers exactly as ECE sent them. */
  text: string;
  first: ApiResponse;
  pages: number;
}> {
  let merged: Record<string, unknown> | undefined;
  let first: ApiResponse | undefined;
  let count = 0;
  for await (const page of pages(api, req, opts)) {
    count = page.number;
    if (!merged || !first) {
      merged = { ...page.data };
      first = page.response;
      continue;
    }
    for (const [k, v] of Object.entries(page.data)) {
      const have = merged[k];
      if (Array.isArray(v) && Array.isArray(have)) merged[k] = [...have, ...v];
    }
  }
  if (!merged || !first) throw new ResponseError(`no page from ${req.path}`);
  delete merged.cursor;
  if (merged.return_count !== undefined) merged.return_count = countItems(merged);
  return { merged, text: stringifyLossless(merged), first, pages: count };
}

function pageData(res: ApiResponse, number: number): Record<string, unknown> {
  let data: unknown;
  try {
    // Lossless: merged pages keep numbers exactly as ECE wrote them.
    data = parseLossless(res.text);
  } catch {
    data = undefined;
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data))
    throw new ResponseError(
      `page ${number} from ECE is not a JSON object (HTTP ${res.status}): ${res.text.trim() === '' ? 'an empty body' : describeNonJson(res)}`,
    );
  return data as Record<string, unknown>;
}

function countItems(data: Record<string, unknown>): number {
  const arrays = Object.values(data).filter(Array.isArray) as unknown[][];
  return arrays.reduce((n, a) => Math.max(n, a.length), 0);
}
