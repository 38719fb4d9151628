// A user-given value as one path segment: percent-encoded, and `.`/`..`
// encoded too, so that no proxy or server can read it as a step up the path.

export function segment(value: string): string {
  const encoded = encodeURIComponent(value);
  return encoded === '.' || encoded === '..' ? encoded.replace(/\./g, '%2E') : encoded;
}
