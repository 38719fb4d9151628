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
 * Whether the text beside an occurrence continues a name: a word character,
 * or a . or - followed by one (a full stop or a dash that ends a sentence
 * does not).
 */
function continues(next: string | undefined, further: string | undefined): boolean {
  if (next === undefined) return false;
  if (WORD.test(next)) return true;
  return JOINER.test(next) && further !== undefined && WORD.test(further);
}

/** The first index from `from` where `value` stands whole in `text`, or -1. */
export function wholeIndex(text: string, value: string, from = 0): number {
  if (value === '') return -1;
  const startsWord = WORD.test(value[0] ?? '');
  const endsWord = WORD.test(value.at(-1) ?? '');
  for (let i = text.indexOf(value, from); i >= 0; i = text.indexOf(value, i + 1)) {
    const end = i + value.length;
    const inside =
      (startsWord && continues(text[i - 1], text[i - 2])) ||
      (endsWord && continues(text[end], text[end + 1]));
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
