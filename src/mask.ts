// Where a secret stands as a value in a text: the one rule that masking
// (output, --verbose traces) and the dry run's variables follow. A value is a
// whole field, header value or token; the same letters inside a longer name
// are not it — masking `client` in `s3.client.default.password` would show
// the secret to anyone who knows the setting's name.

/** What a masked secret shows as, everywhere. */
export const MASK = '********';

const WORD = /[A-Za-z0-9_]/;
/** Characters that join words into one name (`s3.client.default`, `main-es`). */
const JOINER = /[.-]/;

/**
 * Whether the text before index `i` continues a name into it: a word
 * character, or a . or - after one. The letter of an escape (`\n` in JSON,
 * `%2F` in a URL) is not a name: a PEM line after an escaped line break, or
 * a token after an encoded `=`, is a whole value.
 */
function joinedBefore(text: string, i: number): boolean {
  const c = text[i - 1];
  if (c === undefined) return false;
  if (WORD.test(c)) return !ESCAPE_END.test(text.slice(Math.max(0, i - 6), i));
  return JOINER.test(c) && WORD.test(text[i - 2] ?? '');
}

/** The end of an escape sequence: \n \r \t \b \f \/ (JSON), \u00e9, %2F. */
const ESCAPE_END = /(\\[nrtbf]|\\u[0-9A-Fa-f]{4}|%[0-9A-Fa-f]{2})$/;

/** Whether the text from index `i` continues a name (a full stop that ends a sentence does not). */
function joinedAfter(text: string, i: number): boolean {
  const c = text[i];
  if (c === undefined) return false;
  if (WORD.test(c)) return true;
  return JOINER.test(c) && WORD.test(text[i + 1] ?? '');
}

/** The first index from `from` where `value` stands whole in `text`, or -1. */
export function wholeIndex(text: string, value: string, from = 0): number {
  if (value === '') return -1;
  const startsWord = WORD.test(value[0] ?? '');
  const endsWord = WORD.test(value.at(-1) ?? '');
  for (let i = text.indexOf(value, from); i >= 0; i = text.indexOf(value, i + 1)) {
    const end = i + value.length;
    const inside = (startsWord && joinedBefore(text, i)) || (endsWord && joinedAfter(text, end));
    if (!inside) return i;
  }
  return -1;
}

/** `text` with every whole occurrence of `value` replaced by `by`. */
export function replaceWhole(text: string, value: string, by: string = MASK): string {
  let at = wholeIndex(text, value);
  if (at < 0) return text;
  let out = '';
  let last = 0;
  while (at >= 0) {
    out += text.slice(last, at) + by;
    last = at + value.length;
    at = wholeIndex(text, value, last);
  }
  return out + text.slice(last);
}
