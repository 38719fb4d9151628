// The sandbox's reading of uploads: the file part of a multipart/form-data
// body (the form field ECE names, `file`), and the file names inside a zip
// (its central directory), which is all the stack pack handling needs.

import { SandboxError } from './errors.js';

/** The bytes of the form field `field`, or a 400 like ECE's when the body has none. */
export function formFile(
  raw: Buffer | undefined,
  contentType: string | undefined,
  field: string,
  code: string,
): Buffer {
  const m = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType ?? '');
  const boundary = m?.[1] ?? m?.[2];
  if (!raw || !/^multipart\/form-data/i.test(contentType ?? '') || !boundary)
    throw new SandboxError(400, code, 'The request must be multipart/form-data with a file');
  const delimiter = Buffer.from(`--${boundary}`);
  let at = raw.indexOf(delimiter);
  while (at >= 0) {
    const start = at + delimiter.length + 2;
    const next = raw.indexOf(delimiter, start);
    if (next < 0) break;
    const headerEnd = raw.indexOf('\r\n\r\n', start);
    if (headerEnd > 0 && headerEnd < next) {
      const headers = raw.subarray(start, headerEnd).toString('utf8');
      if (new RegExp(`name="${field}"`, 'i').test(headers))
        return raw.subarray(headerEnd + 4, next - 2);
    }
    at = next;
  }
  throw new SandboxError(400, code, `The request has no form field [${field}]`);
}

/** The names of the files in a zip archive, from its central directory; undefined if not a zip. */
export function zipNames(zip: Buffer): string[] | undefined {
  // The end of central directory record: signature 0x06054b50, within the last 64 KiB + 22 bytes.
  const from = Math.max(0, zip.length - 65_557);
  let eocd = -1;
  for (let i = zip.length - 22; i >= from; i--) {
    if (zip.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return undefined;
  const count = zip.readUInt16LE(eocd + 10);
  let p = zip.readUInt32LE(eocd + 16);
  const names: string[] = [];
  for (let n = 0; n < count; n++) {
    if (p + 46 > zip.length || zip.readUInt32LE(p) !== 0x02014b50) return undefined;
    const nameLen = zip.readUInt16LE(p + 28);
    const extraLen = zip.readUInt16LE(p + 30);
    const commentLen = zip.readUInt16LE(p + 32);
    names.push(zip.subarray(p + 46, p + 46 + nameLen).toString('utf8'));
    p += 46 + nameLen + extraLen + commentLen;
  }
  return names;
}
