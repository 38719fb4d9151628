// The one sanitiser for text that came from the network (names, messages,
// step ids, bodies in traces) on its way to a human: C0 and C1 controls, DEL
// and the bidi overrides, isolates and marks are shown as visible escapes, so
// that no server can retitle, clear or rewrite the user's terminal, write its
// clipboard (OSC 52) or reverse the text around it. JSON and YAML output are
// never passed through here: they escape these characters themselves.

/** Everything that must not reach a terminal raw. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it finds
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
const UNSAFE_ALL = new RegExp(UNSAFE.source, 'g');
/** The same without newline (multi-line text keeps its lines). */
const UNSAFE_BUT_NL =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it finds
  /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
/** For TSV: the backslash too, so an escape in a field is never ambiguous. */
const UNSAFE_TSV = new RegExp(`\\r\\n|${UNSAFE.source}|\\\\`, 'g');

const NAMED: Record<string, string> = {
  '\u0000': '\\0',
  '\u0007': '\\a',
  '\b': '\\b',
  '\t': '\\t',
  '\n': '\\n',
  '\u000b': '\\v',
  '\f': '\\f',
  '\r': '\\r',
  '\u001b': '\\e',
  '\\': '\\\\',
  '\r\n': '\\n',
};

function visible(ch: string): string {
  const named = NAMED[ch];
  if (named !== undefined) return named;
  const cp = ch.codePointAt(0) ?? 0;
  return cp < 0x80
    ? `\\x${cp.toString(16).padStart(2, '0')}`
    : `\\u${cp.toString(16).padStart(4, '0')}`;
}

/** One line of display text: every control (newline and tab included) escaped. */
export function sanitize(s: string): string {
  return UNSAFE.test(s) ? s.replace(UNSAFE_ALL, visible) : s;
}

/** Text of several lines (a trace): controls escaped, line breaks kept. */
export function sanitizeLines(s: string): string {
  return UNSAFE.test(s) ? s.replace(UNSAFE_BUT_NL, visible) : s;
}

/** A TSV field: controls and backslashes escaped; CR LF reads as one `\n`. */
export function tsvField(s: string): string {
  return UNSAFE.test(s) || s.includes('\\') ? s.replace(UNSAFE_TSV, visible) : s;
}

/** Whether a string holds anything the sanitiser would escape. */
export function isUnsafe(s: string): boolean {
  return UNSAFE.test(s);
}

/** A stream whose every write is made safe for a terminal, line breaks kept (--verbose traces). */
export function sanitizingStream(stream: { write(chunk: string): unknown }): {
  write(chunk: string): unknown;
} {
  return { write: (chunk: string) => stream.write(sanitizeLines(chunk)) };
}

const UNSAFE_BUT_NL_TAB =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it finds
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** Lines of a table or TSV run written by a command itself: lines and tabs kept. */
export function sanitizeText(s: string): string {
  return UNSAFE.test(s) ? s.replace(UNSAFE_BUT_NL_TAB, visible) : s;
}
