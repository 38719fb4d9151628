// A lossless JSON parse and stringify: numbers are kept as the text they were
// written in wherever a JavaScript number would change them (integers past
// 2^53, 1E400, -0.0, …; with `keep: 'text'` any number not written the way
// JavaScript writes it back), so a body re-rendered as YAML or filtered by
// --query says what the server said. Iterative, with a depth bound, so a
// hostile body fails with a clear error instead of a stack overflow.
// Shared by the renderer and the pager's --paginate merge.

/** A JSON number kept as its source text. */
export class LosslessNumber {
  constructor(readonly text: string) {}
  /** The nearest JavaScript number (what a plain JSON.parse would give). */
  valueOf(): number {
    return Number(this.text);
  }
  toString(): string {
    return this.text;
  }
}

export class JsonSyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

export class JsonDepthError extends Error {
  constructor(readonly limit: number) {
    super(`nested more than ${limit} levels deep`);
  }
}

/** Deeper than any ECE answer by far (they stay under 30), shallow enough for YAML's recursion (~700). */
export const MAX_DEPTH = 512;

export interface ParseOptions {
  /** 'value' (default): keep numbers whose value a JS number would change; 'text': whose spelling. */
  keep?: 'value' | 'text';
  maxDepth?: number;
}

const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;

export function parseLossless(text: string, opts: ParseOptions = {}): unknown {
  const keepText = opts.keep === 'text';
  const maxDepth = opts.maxDepth ?? MAX_DEPTH;
  // Most bodies hold no number worth keeping: V8's parser is 2-3 times faster.
  if (plainNumbersOnly(text, maxDepth, keepText)) {
    try {
      return JSON.parse(text);
    } catch {
      // invalid: the parser below says where
    }
  }
  let i = 0;
  const n = text.length;
  const fail = (what?: string): never => {
    throw new JsonSyntaxError(
      what ?? (i >= n ? 'unexpected end of input' : `unexpected ${JSON.stringify(text[i])}`),
      i,
    );
  };
  const ws = () => {
    for (;;) {
      const c = text.charCodeAt(i);
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) i++;
      else return;
    }
  };
  const string = (): string => {
    const start = i;
    i++;
    let escaped = false;
    for (;;) {
      if (i >= n) fail();
      const c = text.charCodeAt(i);
      if (c === 0x22) break;
      if (c === 0x5c) {
        escaped = true;
        i += 2;
        continue;
      }
      if (c < 0x20) fail();
      i++;
    }
    i++;
    if (!escaped) return text.slice(start + 1, i - 1);
    try {
      return JSON.parse(text.slice(start, i)) as string;
    } catch {
      i = start;
      return fail('invalid escape in a string');
    }
  };
  const number = (): number | LosslessNumber => {
    NUMBER.lastIndex = i;
    const m = NUMBER.exec(text);
    if (!m) return fail();
    i += m[0].length;
    const src = m[0];
    const v = Number(src);
    return changes(src, v, keepText) ? new LosslessNumber(src) : v;
  };
  const scalar = (): unknown => {
    const c = text[i];
    if (c === '"') return string();
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) return number();
    if (text.startsWith('true', i)) {
      i += 4;
      return true;
    }
    if (text.startsWith('false', i)) {
      i += 5;
      return false;
    }
    if (text.startsWith('null', i)) {
      i += 4;
      return null;
    }
    return fail();
  };

  // Containers being filled, innermost last; `key` is the pending key of an object.
  type Frame = { value: unknown[] | Record<string, unknown>; key: string | undefined };
  const stack: Frame[] = [];
  let result: unknown;
  let done = false;
  const put = (v: unknown) => {
    const top = stack[stack.length - 1];
    if (!top) {
      result = v;
      done = true;
    } else if (Array.isArray(top.value)) top.value.push(v);
    else setKey(top.value, top.key as string, v);
  };

  ws();
  while (!done) {
    // A value begins here.
    ws();
    const c = text[i];
    if (c === '{' || c === '[') {
      if (stack.length >= maxDepth) throw new JsonDepthError(maxDepth);
      i++;
      ws();
      const frame: Frame = { value: c === '{' ? {} : [], key: undefined };
      const close = c === '{' ? '}' : ']';
      if (text[i] === close) {
        i++;
        put(frame.value);
      } else {
        stack.push(frame);
        if (c === '{') readKey(frame);
        continue;
      }
    } else {
      put(scalar());
    }
    // After a value: a comma or the end of as many containers as close here.
    while (!done) {
      ws();
      const top = stack[stack.length - 1];
      if (!top) break;
      const isArray = Array.isArray(top.value);
      if (text[i] === ',') {
        i++;
        if (!isArray) readKey(top);
        break;
      }
      if (text[i] === (isArray ? ']' : '}')) {
        i++;
        stack.pop();
        put(top.value);
        continue;
      }
      fail();
    }
  }
  ws();
  if (i < n) fail();
  return result;

  function readKey(frame: Frame): void {
    ws();
    if (text[i] !== '"') fail();
    frame.key = string();
    ws();
    if (text[i] !== ':') fail();
    i++;
  }
}

/**
 * A scan of the text outside strings: false when a number might be one to
 * keep (16 or more digits, an exponent, a leading -0; with keepText any
 * fraction too), true when JSON.parse gives the same value. Throws
 * JsonDepthError past maxDepth. Conservative: false sends it to the slow path.
 */
function plainNumbersOnly(text: string, maxDepth: number, keepText: boolean): boolean {
  const n = text.length;
  let depth = 0;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      i++;
      while (i < n) {
        const d = text.charCodeAt(i);
        if (d === 0x5c) i += 2;
        else if (d === 0x22) break;
        else i++;
      }
      i++;
    } else if (c === 0x7b || c === 0x5b) {
      if (++depth > maxDepth) throw new JsonDepthError(maxDepth);
      i++;
    } else if (c === 0x7d || c === 0x5d) {
      depth--;
      i++;
    } else if (c === 0x2d || (c >= 0x30 && c <= 0x39)) {
      if (c === 0x2d && text.charCodeAt(i + 1) === 0x30) return false;
      let digits = 0;
      for (i++; i < n; i++) {
        const d = text.charCodeAt(i);
        if (d >= 0x30 && d <= 0x39) digits++;
        else if (d === 0x65 || d === 0x45) return false;
        else if (d === 0x2e) {
          if (keepText) return false;
        } else break;
      }
      if (digits >= 15) return false;
    } else i++;
  }
  return true;
}

/** As JSON.parse does: "__proto__" is an own key, not the prototype. */
function setKey(o: Record<string, unknown>, k: string, v: unknown): void {
  if (k === '__proto__')
    Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
  else o[k] = v;
}

/** Whether turning `src` into `v` loses something worth keeping. */
function changes(src: string, v: number, keepText: boolean): boolean {
  if (keepText) return String(v) !== src;
  if (!Number.isFinite(v) || Object.is(v, -0)) return true;
  // Same digits as the shortest text that reads back as v: the same value.
  return digits(src) !== digits(String(v));
}

/** Significant digits and exponent, e.g. "1.50e2" → "15e1". */
function digits(s: string): string {
  const m = /^-?(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(s);
  if (!m) return s;
  const int = m[1] ?? '';
  const frac = m[2] ?? '';
  let all = int + frac;
  let exp = Number(m[3] ?? 0) + int.length;
  const lead = all.length - all.replace(/^0+/, '').length;
  all = all.slice(lead);
  exp -= lead;
  all = all.replace(/0+$/, '');
  if (all === '') return '0';
  return `${s.startsWith('-') ? '-' : ''}${all}e${exp}`;
}

/** Whether a parsed value holds a number a JavaScript number cannot stand for. */
export function hasLosslessNumbers(v: unknown): boolean {
  const todo: unknown[] = [v];
  while (todo.length) {
    const x = todo.pop();
    if (x instanceof LosslessNumber) return true;
    if (Array.isArray(x)) for (const y of x) todo.push(y);
    else if (typeof x === 'object' && x !== null)
      for (const k in x) todo.push((x as Record<string, unknown>)[k]);
  }
  return false;
}

/** JSON.stringify's output, with kept numbers written as they came. */
export function stringifyLossless(value: unknown, indent = 0): string {
  const pad = ' '.repeat(indent);
  const out = (v: unknown, at: string): string | undefined => {
    if (v instanceof LosslessNumber) return v.text;
    if (v === null) return 'null';
    switch (typeof v) {
      case 'string':
      case 'boolean':
        return JSON.stringify(v);
      case 'number':
        return Number.isFinite(v) ? JSON.stringify(v) : 'null';
      case 'object':
        break;
      default:
        return undefined;
    }
    const inner = at + pad;
    const sep = indent ? `,\n${inner}` : ',';
    if (Array.isArray(v)) {
      if (v.length === 0) return '[]';
      const items = v.map((x) => out(x, inner) ?? 'null');
      return indent ? `[\n${inner}${items.join(sep)}\n${at}]` : `[${items.join(',')}]`;
    }
    const parts: string[] = [];
    for (const k of Object.keys(v as object)) {
      const s = out((v as Record<string, unknown>)[k], inner);
      if (s !== undefined) parts.push(`${JSON.stringify(k)}:${indent ? ' ' : ''}${s}`);
    }
    if (parts.length === 0) return '{}';
    return indent ? `{\n${inner}${parts.join(sep)}\n${at}}` : `{${parts.join(',')}}`;
  };
  return out(value, '') ?? 'null';
}
