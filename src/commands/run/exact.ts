// A response printed as received, for the verbs that pass a body through
// (`ece api`, `deployments es`): one rule for both, used by the executor.

import type { ApiResponse } from '../../api/body.js';
import type { Context } from '../../context.js';
import { forTerminal, RAW, writeExact } from '../../output/raw.js';

export interface Exact {
  exact: ApiResponse;
  merged?: boolean;
  head?: boolean;
  silent?: boolean;
}

/** A verb's own text printed as it is, whatever the format (a token, a completion script). */
export function textOutput(text: string): Exact {
  return { exact: { url: '', status: 200, headers: { 'content-type': 'text/plain' }, text } };
}

export async function printExact(out: Exact, ctx: Context): Promise<void> {
  const res = out.exact;
  if (out.head) writeHead(ctx, res.status, res.headers);
  if (out.silent || res.text === '') return;
  const isJson = (res.headers['content-type'] ?? '').includes('json') || /^\s*[[{]/.test(res.text);
  if (!isJson) {
    ctx.io.stdout.write(forTerminal(ctx.io, res.bytes ?? res.text));
    return;
  }
  // The body as ECE sent it unless a format or --query was asked for; merged
  // pages are new text: the first page's bytes must not stand for them.
  const renderer = await ctx.renderer({ exact: true });
  if (renderer.raw || ctx.flags.output !== undefined)
    await renderer.body(out.merged ? res.text : res, RAW);
  else writeExact(ctx.io, forTerminal(ctx.io, out.merged ? res.text : (res.bytes ?? res.text)));
}

/** `-i`: the status line and the headers, then a blank line. */
export function writeHead(ctx: Context, status: number, headers: Record<string, string>): void {
  const lines = [`HTTP/1.1 ${status}`, ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`)];
  ctx.io.stdout.write(forTerminal(ctx.io, `${lines.join('\n')}\n\n`));
}
