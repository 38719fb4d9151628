// --verbose: each request and response, secrets masked (the Authorization
// header, secret fields of bodies, and every secret the run knows).

import { formatDuration } from '../duration.js';
import type { ApiResponse } from './body.js';
import { redactBody, redactHeader, redactLiterals } from './redact.js';

/** Where traces and dry-run lines go: a stream of the layer above (api/ knows no output/). */
export interface TextSink {
  write(text: string): void;
}

export class Tracer {
  private readonly secrets: string[] = [];

  constructor(private readonly sink: TextSink | undefined) {}

  addSecret(secret: string): void {
    if (secret && !this.secrets.includes(secret)) this.secrets.push(secret);
  }

  /** Masks every secret the run knows in a line meant for the user. */
  mask(text: string): string {
    return redactLiterals(text, this.secrets);
  }

  line(line: string): void {
    this.sink?.write(`${this.mask(line)}\n`);
  }

  request(method: string, url: string, headers: Record<string, string>, body?: string): void {
    if (!this.sink) return;
    const lines = [`> ${method} ${url}`];
    for (const [k, v] of Object.entries(headers)) lines.push(`> ${k}: ${redactHeader(k, v)}`);
    if (body !== undefined) lines.push(redactBody(body, this.secrets));
    this.line(lines.join('\n'));
  }

  response(res: ApiResponse, ms: number): void {
    if (!this.sink) return;
    const lines = [`< HTTP ${res.status} (${formatDuration(ms)})`];
    for (const [k, v] of Object.entries(res.headers)) lines.push(`< ${k}: ${redactHeader(k, v)}`);
    if (res.text !== '') lines.push(redactBody(res.text, this.secrets));
    this.line(lines.join('\n'));
  }
}
