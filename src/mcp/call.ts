// One tool call: the arguments checked against the tool's schema and turned
// into the raw input commander would have parsed; the call's own effect
// (effectOf(input)) held against --allow before anything is sent; then the
// verb run by the one executor in a Context of its own — streams in memory,
// --json, the server's host, profile and credential chain — so the answer is
// the bytes `ece … --json` prints. A destructive call's question goes to the
// approver (server.ts: the person, through the client). The answer is cut
// into pages of 100 KB.

import { execute } from '../commands/run/execute.js';
import type { Effect, Raw } from '../commands/run/types.js';
import { Context, type GlobalOptions } from '../context.js';
import { CliError, ExitCode, UsageError } from '../errors.js';
import { memoryIO } from '../output/memory-io.js';
import { sanitizeText } from '../output/sanitize.js';
import { EFFECTS, OFFSET, rank, type Tool } from './tools.js';

export const PAGE_BYTES = 100 * 1024;

/** A call ece mcp will not make, said so that the agent can tell the person what is needed. */
export class Refusal extends UsageError {}

export interface Settings {
  /** The server's own run: environment, global flags, credential store, Ctrl-C. */
  ctx: Context;
  allow: Effect;
  dryRun: boolean;
}

export interface Outcome {
  outcome: 'ok' | 'error' | 'refused';
  exit: number;
  /** The answer (a page of it), or the error and hint lines. */
  text: string;
  /** What the call said on stderr (notes, warnings), and the paging note. */
  notes: string;
}

/** Checks the arguments against the tool's input schema: an error message, or undefined. */
export type Validate = (tool: Tool, args: Record<string, unknown>) => string | undefined;

export async function call(
  tool: Tool,
  args: Record<string, unknown>,
  s: Settings,
  opts: {
    validate: Validate;
    approve: (question: string) => Promise<boolean>;
    signal?: AbortSignal;
  },
): Promise<Outcome> {
  let out = '';
  let err = '';
  const io = memoryIO({
    out: (t) => {
      out += t;
    },
    err: (t) => {
      err += t;
    },
  });
  const ctx = new Context({
    io,
    env: s.ctx.env,
    flags: callFlags(s),
    store: s.ctx.store,
    ...(opts.signal ? { signal: opts.signal } : {}),
  });
  // Every secret the server's run or this call knows, masked; nothing revealed.
  const mask = (t: string) => s.ctx.secrets.mask(ctx.secrets.mask(t, false), false);
  try {
    const invalid = opts.validate(tool, args);
    if (invalid) throw new UsageError(`invalid arguments for ${tool.name}: ${invalid}`);
    const raw = rawOf(tool, args);
    const { verb } = tool;
    const input = verb.input ? verb.input(raw) : raw;
    const effect = verb.effectOf?.(input) ?? verb.effect;
    if (rank(effect) > rank(s.allow)) throw beyond(tool, effect, s.allow);
    await execute(verb, raw, ctx, {
      approve: async (question) => {
        // A call that turned out destructive from its reads (a system deployment in a selection).
        if (rank(s.allow) < rank('destructive'))
          throw beyond(tool, 'destructive', s.allow, question);
        return opts.approve(question);
      },
    });
    const answer = tool.maskAnswer ? await maskFields(out) : out;
    const { text, note } = page(tool, mask(answer), offsetOf(args));
    return { outcome: 'ok', exit: ExitCode.OK, text, notes: mask(err) + note };
  } catch (e) {
    const lines =
      e instanceof CliError
        ? [...e.lines().map((l) => `error: ${l}`), ...e.hints.map((h) => `hint: ${h}`)]
        : [`error: unexpected internal error: ${e instanceof Error ? e.message : String(e)}`];
    const exit = e instanceof CliError ? e.exitCode : ExitCode.ERROR;
    return {
      outcome: e instanceof Refusal ? 'refused' : 'error',
      exit,
      text: mask(sanitizeText(`${lines.join('\n')}\n`)),
      // ECE's error body, where a verb printed one (as `ece api` does), and the notes.
      notes: mask(out + err),
    };
  } finally {
    await ctx.dispose();
  }
}

/** The global flags of a call: the server's connection settings, --json, its --dry-run. */
function callFlags(s: Settings): GlobalOptions {
  const { host, apiKey, token, profile, caCert, insecure, timeout } = s.ctx.flags;
  return {
    ...Object.fromEntries(
      Object.entries({ host, apiKey, token, profile, caCert, insecure, timeout }).filter(
        ([, v]) => v !== undefined,
      ),
    ),
    json: true,
    ...(s.dryRun ? { dryRun: true } : {}),
  };
}

/** What commander would have parsed from the same flags and arguments. */
export function rawOf(tool: Tool, args: Record<string, unknown>): Raw {
  const raw: Raw = {};
  for (const [prop, field] of tool.fields) {
    const v = args[prop];
    if (field.file && v === '-')
      throw new UsageError(
        `${field.label} - would read standard input, which carries the protocol: give a file path`,
      );
    if (v !== undefined) raw[field.key] = v;
    else if (field.absent !== undefined) raw[field.key] = field.absent;
  }
  // At most one of each exclusive group, as commander's conflicts() says it.
  for (const group of tool.verb.exclusive ?? []) {
    const given = [...tool.fields]
      .filter(([prop, f]) => group.includes(f.key) && args[prop] !== undefined)
      .map(([, f]) => f.label);
    if (given.length > 1)
      throw new UsageError(`option '${given[0]}' cannot be used with option '${given[1]}'`);
  }
  return raw;
}

function beyond(tool: Tool, effect: Effect, allow: Effect, question?: string): Refusal {
  const what = question ? ` ("${question}")` : '';
  const needs = EFFECTS.indexOf(effect) === 1 ? '--allow write' : '--allow destructive';
  const e = new Refusal(
    `refused: ${tool.name} with these arguments is ${effect}${what}, and this ece mcp server allows ${allow === 'read' ? 'reads only' : `up to ${allow}`}; nothing was sent`,
  );
  e.hints.push(
    `a person must start ece mcp with ${needs} for this (ask them; do not work around it)`,
  );
  return e;
}

function offsetOf(args: Record<string, unknown>): number {
  const v = args[OFFSET];
  return typeof v === 'number' && Number.isInteger(v) && v > 0 ? v : 0;
}

/**
 * A page of the answer: at most PAGE_BYTES from `offset`, cut on a character
 * boundary, with a note saying how to ask for the next one.
 */
export function page(tool: Tool, text: string, offset: number): { text: string; note: string } {
  const bytes = Buffer.from(text, 'utf8');
  if (offset === 0 && bytes.length <= PAGE_BYTES) return { text, note: '' };
  if (!tool.pages)
    return {
      text,
      note: `note: the answer is ${bytes.length} bytes, given whole (a ${tool.effect} call is not repeated to page it)\n`,
    };
  if (offset >= bytes.length)
    throw new UsageError(
      `${OFFSET} ${offset} is past the end of the answer (${bytes.length} bytes)`,
    );
  let start = offset;
  while (start < bytes.length && ((bytes[start] ?? 0) & 0xc0) === 0x80) start++;
  let end = Math.min(bytes.length, start + PAGE_BYTES);
  while (end < bytes.length && ((bytes[end] ?? 0) & 0xc0) === 0x80) end--;
  const more =
    end < bytes.length
      ? `call ${tool.name} again with the same arguments and ${OFFSET}: ${end} for the next part`
      : 'this is the last part';
  return {
    text: bytes.subarray(start, end).toString('utf8'),
    note: `note: the answer is ${bytes.length} bytes, cut into pages of ${PAGE_BYTES}: this is bytes ${start} to ${end}; ${more}\n`,
  };
}

/** An answer with secrets in named fields (a new deployment's credentials), masked by name. */
async function maskFields(text: string): Promise<string> {
  const { redactBody } = await import('../api/redact.js');
  return text === '' ? text : `${redactBody(text, [])}\n`;
}
