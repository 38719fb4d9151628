// What a command reads as input: stdin (`--password-stdin`, `-f -`) and
// request bodies from files, JSON or YAML, with the file, line and column of
// the first mistake, and clear words for empty, binary or unreadable input.

import { readFileSync } from 'node:fs';
import { UsageError } from './errors.js';
import { cjs } from './interop.js';
import { findJsonFault, lineColumn } from './jsonpos.js';
import { MAX_DEPTH } from './lossless.js';

/** The streams reading stdin uses (output/iostreams.ts's IOStreams is one). */
export interface StdinIO {
  stdin: NodeJS.ReadableStream;
  stdinIsTTY: boolean;
  stderr: { write(text: string): unknown };
}

/**
 * Stands for a password that a dry run did not read (it never prompts): the
 * curl line shows "$ECE_PASSWORD" in its place, so the user's variable fills it.
 */
export const UNREAD_PASSWORD = 'password-not-read-in-a-dry-run';

/** All of stdin, without the final newline (for --password-stdin and friends). */
export async function readStdin(io: StdinIO, what: string): Promise<string> {
  if (io.stdinIsTTY) io.stderr.write(`Reading ${what} from standard input (end with Ctrl-D)…\n`);
  const chunks: Buffer[] = [];
  for await (const chunk of io.stdin)
    chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  const text = Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
  if (text.trim() === '') throw new UsageError(`standard input is empty: expected ${what}`);
  return text;
}

export async function readInputFile(io: StdinIO, file: string): Promise<string> {
  if (file === '-') return readStdin(io, 'the request body');
  let buf: Buffer;
  try {
    buf = readFileSync(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EISDIR'
          ? 'it is a directory'
          : (code ?? 'unreadable');
    throw new UsageError(`cannot read ${file}: ${why}`);
  }
  return decodeText(buf, file);
}

export function decodeText(buf: Buffer, name: string): string {
  if (buf.includes(0)) throw new UsageError(`${name} is not a text file`);
  const text = new TextDecoder('utf-8', { fatal: false }).decode(buf);
  if (text.includes('\uFFFD')) throw new UsageError(`${name} is not UTF-8 text`);
  return text.replace(/^\uFEFF/, '');
}

/** Parses a JSON or YAML document into an object. */
export async function parseDocument(text: string, name: string): Promise<Record<string, unknown>> {
  if (text.trim() === '') throw new UsageError(`${name} is empty`);
  const trimmed = text.trimStart();
  let value: unknown;
  if (trimmed.startsWith('{') || trimmed.startsWith('[') || /\.json$/i.test(name)) {
    try {
      value = JSON.parse(text);
    } catch {
      const fault = faultOf(text);
      const { line, column } = lineColumn(text, fault.offset);
      throw new UsageError(`${name}:${line}:${column}: invalid JSON: ${fault.message}`);
    }
  } else {
    const YAML = cjs(await import('yaml'));
    const doc = YAML.parseDocument(text, { prettyErrors: false, uniqueKeys: true });
    const first = doc.errors[0];
    if (first) {
      const pos = first.linePos?.[0];
      const where = pos ? `${pos.line}:${pos.col}` : '1:1';
      throw new UsageError(`${name}:${where}: invalid YAML: ${first.message.split('\n')[0]}`);
    }
    value = doc.toJS();
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new UsageError(`${name}: expected an object ({…}) at the top level`);
  }
  // What reads the document next (checks, traces, the curl line) recurses:
  // a hostile depth is a usage error here, not a stack overflow there.
  if (deeperThan(value, MAX_DEPTH))
    throw new UsageError(`${name}: nested more than ${MAX_DEPTH} levels deep`);
  return value as Record<string, unknown>;
}

/** Whether a parsed document nests deeper than `max` (without recursing). */
function deeperThan(value: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[value, 1]];
  for (let top = stack.pop(); top; top = stack.pop()) {
    const [v, depth] = top;
    if (depth > max) return true;
    if (v !== null && typeof v === 'object')
      for (const child of Object.values(v))
        if (child !== null && typeof child === 'object') stack.push([child, depth + 1]);
  }
  return false;
}

export async function readDocument(io: StdinIO, file: string): Promise<Record<string, unknown>> {
  const name = file === '-' ? '<stdin>' : file;
  return parseDocument(await readInputFile(io, file), name);
}

/** Where the JSON goes wrong; the scanner recurses, so a hostile depth is said as such. */
function faultOf(text: string): { offset: number; message: string } {
  try {
    return findJsonFault(text) ?? { offset: text.length, message: 'invalid JSON' };
  } catch (err) {
    if (err instanceof RangeError) return { offset: 0, message: 'nested too deeply to read' };
    throw err;
  }
}
