// Typed calls for thread and heap dumps of a deployment's instances, and
// how their bodies become the dump's bytes. Silent: requests are data, the
// command sends them.
//
// The spec declares both dumps as `string` (format `byte`) in an
// application/json response: a JSON string holding base64, which is what
// Elastic's generated Go client decodes. A server that answers the raw
// bytes (any other content type) is taken as it is.

import type { ApiResponse } from './body.js';
import type { ApiClient, RequestOptions } from './client.js';
import { segment } from './path.js';

/** The kinds whose thread dumps the API captures. */
export const THREAD_DUMP_KINDS = ['elasticsearch', 'kibana', 'apm'] as const;

/**
 * The kinds whose heap dumps can be followed: the capture names
 * Elasticsearch, Kibana and APM, but GET /deployments/{id}/heap_dumps
 * (DeploymentHeapDumps) reports only Elasticsearch and Enterprise Search.
 */
export const HEAP_DUMP_KINDS = ['elasticsearch'] as const;

/** One heap dump as GET /deployments/{id}/heap_dumps lists it (HeapDump). */
export interface HeapDump {
  instance_id?: string;
  size?: number;
  type?: string;
  status?: string;
  error?: string;
  captured?: string;
}

/** DeploymentHeapDumps: per kind, the resources and their dumps. */
export type DeploymentHeapDumps = Partial<
  Record<string, { ref_id?: string; id?: string; heap_dumps?: HeapDump[] }[]>
>;

const instancePath = (id: string, kind: string, refId: string, instance: string) =>
  `/deployments/${segment(id)}/${segment(kind)}/${segment(refId)}/instances/${segment(instance)}`;

/** POST …/thread_dump/_capture: the answer is the dump. */
export function threadDumpRequest(
  id: string,
  kind: string,
  refId: string,
  instance: string,
): RequestOptions {
  // Capturing twice does no harm: safe to retry.
  return {
    method: 'POST',
    path: `${instancePath(id, kind, refId, instance)}/thread_dump/_capture`,
    idempotent: true,
  };
}

/** POST …/heap_dump/_capture: 202, the capture runs in the background. */
export function heapDumpCaptureRequest(
  id: string,
  kind: string,
  refId: string,
  instance: string,
): RequestOptions {
  return {
    method: 'POST',
    path: `${instancePath(id, kind, refId, instance)}/heap_dump/_capture`,
  };
}

/** GET /deployments/{id}/heap_dumps: the heap dumps of every instance, and captures in progress. */
export function listHeapDumps(api: ApiClient, id: string, deadline?: number): Promise<ApiResponse> {
  return api.request({
    method: 'GET',
    path: `/deployments/${segment(id)}/heap_dumps`,
    retry: false,
    deadline,
  });
}

/** GET …/heap_dump/_download. */
export function heapDumpDownloadRequest(
  id: string,
  kind: string,
  refId: string,
  instance: string,
): RequestOptions {
  return { method: 'GET', path: `${instancePath(id, kind, refId, instance)}/heap_dump/_download` };
}

/** The dump of one instance in a DeploymentHeapDumps body, if listed. */
export function findHeapDump(
  body: DeploymentHeapDumps,
  kind: string,
  refId: string,
  instance: string,
): HeapDump | undefined {
  const resources = body[kind] ?? [];
  const resource =
    resources.find((r) => r.ref_id === refId) ?? (refId === '_main' ? resources[0] : undefined);
  return resource?.heap_dumps?.find((d) => d.instance_id === instance);
}

/** The dump's bytes: a JSON string is base64 (as the spec has it); anything else is the dump. */
export function dumpBytes(res: ApiResponse): Buffer {
  const raw = res.bytes ?? Buffer.from(res.text, 'utf8');
  if (!(res.headers['content-type'] ?? '').includes('json')) return raw;
  const out: Buffer[] = [];
  const decoder = new Base64JsonDecoder((b) => out.push(Buffer.from(b)));
  try {
    decoder.write(raw);
    decoder.end();
    return Buffer.concat(out);
  } catch (err) {
    if (!(err instanceof NotBase64)) throw err;
  }
  // A JSON string of text (a thread dump as text), or not a JSON string at all.
  try {
    const value: unknown = JSON.parse(res.text);
    if (typeof value === 'string') return Buffer.from(value, 'utf8');
  } catch {
    // not JSON: the body is the dump
  }
  return raw;
}

/** The body is not a JSON string of base64 (thrown by Base64JsonDecoder). */
export class NotBase64 extends Error {}

const SPACE = /[ \t\r\n]/;
const EMPTY = Buffer.alloc(0);
const ALPHABET = new Uint8Array(256);
for (const c of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/')
  ALPHABET[c.charCodeAt(0)] = 1;

/** `chars` without whitespace; anything else that is not base64 calls `fail`. */
function clean(chars: string, fail: () => never): string {
  let out = '';
  for (let i = 0; i < chars.length; i++) {
    const code = chars.charCodeAt(i);
    if (ALPHABET[code] === 1) out += chars[i];
    else if (code !== 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) fail();
  }
  return out;
}

/** Where the next `"`, `\\` or `=` of a chunk is, each found once with indexOf (memchr). */
class NextSpecial {
  private readonly at = [-1, -1, -1];
  private static readonly BYTES = [0x22, 0x5c, 0x3d];
  constructor(private readonly bytes: Buffer) {}
  from(i: number): number {
    let min = this.bytes.length;
    for (let k = 0; k < 3; k++) {
      let p = this.at[k] as number;
      if (p !== this.bytes.length && p < i) {
        p = this.bytes.indexOf(NextSpecial.BYTES[k] as number, i);
        if (p < 0) p = this.bytes.length;
        this.at[k] = p;
      }
      if (p < min) min = p;
    }
    return min;
  }
}
const ESCAPES: Record<string, string> = { '/': '/', n: '\n', r: '\r', t: '\t' };

/**
 * Decodes a JSON string of base64 as it streams: memory stays a few bytes
 * whatever the body's size (a heap dump is gigabytes). Whitespace around the
 * string and inside it (escaped or not, as in wrapped base64) is skipped,
 * as is `\/`; anything else that is not base64 throws NotBase64, which is
 * also what a body that is no JSON string at all throws at its first byte.
 */
export class Base64JsonDecoder {
  private state: 'before' | 'string' | 'padding' | 'after' = 'before';
  /** Base64 characters not yet decoded (fewer than 4 between chunks). */
  private carry = '';
  /** An escape cut by a chunk boundary, `\` included. */
  private escape = '';
  private padding = 0;
  /** Decoded bytes so far. */
  size = 0;

  constructor(private readonly emit: (bytes: Buffer) => void) {}

  write(chunk: Uint8Array): void {
    const bytes = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    const text = bytes.toString('latin1');
    const next = new NextSpecial(bytes);
    let i = 0;
    while (i < text.length) {
      if (this.escape) {
        i = this.unescape(text, i);
        continue;
      }
      const c = text[i] as string;
      if (this.state === 'string') {
        // The run of plain characters up to the next `"`, `\` or `=`, found natively.
        const end = next.from(i);
        if (end > i) this.take(text.slice(i, end));
        i = end;
        if (end === text.length) break;
        this.special(text[end] as string);
        i++;
        continue;
      }
      if (this.state === 'padding' && c === '=' && this.padding < 2) this.padding++;
      else if (this.state === 'padding' && c === '"') this.close();
      else if (this.state === 'padding' && c === '\\') this.escape = '\\';
      else if (this.state === 'before' && c === '"') this.state = 'string';
      else if (!SPACE.test(c)) this.fail();
      i++;
    }
  }

  /** After the last chunk: the string must have ended, with a whole number of groups. */
  end(): void {
    if (this.state !== 'after' || this.escape) this.fail();
  }

  private special(c: string): void {
    if (c === '"') this.close();
    else if (c === '\\') this.escape = '\\';
    else if (c === '=') {
      this.state = 'padding';
      this.padding = 1;
    } else if (!SPACE.test(c)) this.fail();
  }

  /** Reads an escape (maybe across chunks); the index after what it used. */
  private unescape(text: string, i: number): number {
    let j = i;
    while (j < text.length && !this.escapeDone()) this.escape += text[j++];
    if (!this.escapeDone()) return j;
    const e = this.escape;
    this.escape = '';
    const ch =
      e[1] === 'u' ? String.fromCharCode(Number.parseInt(e.slice(2), 16)) : ESCAPES[e[1] ?? ''];
    if (ch === undefined || (e[1] === 'u' && !/^[0-9a-fA-F]{4}$/.test(e.slice(2)))) this.fail();
    if (SPACE.test(ch as string)) return j;
    if (this.state === 'string' && /^[A-Za-z0-9+/]$/.test(ch as string)) this.take(ch as string);
    else if (this.state === 'string' && ch === '=') this.special('=');
    else if (this.state === 'padding' && ch === '=' && this.padding < 2) this.padding++;
    else this.fail();
    return j;
  }

  private escapeDone(): boolean {
    return this.escape.length >= 2 && (this.escape[1] !== 'u' || this.escape.length === 6);
  }

  /**
   * Decodes whole groups of `chars` (no `"`, `\\` or `=` in it). Fast path:
   * Node's decoder skips what is not base64, so a decoded length short of
   * 3/4 of the characters means something to look at (whitespace, or an
   * error); `-` and `_` it would take (base64url), so they are looked for.
   */
  private take(chars: string): void {
    const all = this.carry + chars;
    const whole = all.length - (all.length % 4);
    const decoded = whole > 0 ? Buffer.from(all.slice(0, whole), 'base64') : EMPTY;
    const tail = all.slice(whole);
    if (
      decoded.length * 4 !== whole * 3 ||
      chars.includes('-') ||
      chars.includes('_') ||
      clean(tail, () => this.fail()) !== tail
    ) {
      // Cleaned, the characters are all base64: the fast path takes them.
      this.carry = '';
      this.take(clean(all, () => this.fail()));
      return;
    }
    this.carry = tail;
    if (whole > 0) this.out(decoded);
  }

  private close(): void {
    // The last group is whole: 4 characters, padding included (as the old, buffered rule had it).
    const n = this.carry.length;
    if (this.padding > 0 ? n + this.padding !== 4 : n !== 0) this.fail();
    if (n > 0) this.out(Buffer.from(this.carry, 'base64'));
    this.carry = '';
    this.state = 'after';
  }

  private out(bytes: Buffer): void {
    this.size += bytes.length;
    this.emit(bytes);
  }

  private fail(): never {
    throw new NotBase64('the body is not a JSON string of base64');
  }
}
