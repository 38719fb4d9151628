// Reading a response body as JSON: apart from client.ts so that commands can
// use it without loading the HTTP layer at registration.

import { ResponseError } from '../errors.js';

export interface ApiResponse {
  status: number;
  headers: Record<string, string>;
  text: string;
  /** The body as received (text is its UTF-8 decoding): --json writes these. */
  bytes?: Buffer;
  url: string;
}

/** The body of a successful response, parsed; anything but JSON is an unexpected response. */
export function parseBody<T>(res: ApiResponse): T {
  if (res.text.trim() === '') {
    throw new ResponseError(`unexpected empty response from ECE (HTTP ${res.status})`);
  }
  try {
    return JSON.parse(res.text) as T;
  } catch {
    throw new ResponseError(
      `unexpected response from ECE (HTTP ${res.status}): ${describeNonJson(res)}`,
    );
  }
}

export function describeNonJson(res: ApiResponse): string {
  const type = res.headers['content-type'] ?? '';
  const text = res.text.trim();
  if (type.includes('html') || /^<(!doctype|html)/i.test(text)) {
    return 'an HTML page instead of the ECE API (a proxy or load balancer in between?)';
  }
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what we strip
  const snippet = text.replace(/[\u0000-\u001f\u007f]+/g, ' ').slice(0, 120);
  return `not JSON ("${snippet}${text.length > 120 ? '…' : ''}")`;
}
