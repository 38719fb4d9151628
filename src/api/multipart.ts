// A file sent as multipart/form-data (extension archives, stack packs), as
// ECE's upload operations consume it: one part, the file, under the form
// field the specification names. The body is streamed from disk — never
// held in memory — and opened afresh for each attempt. Progress is reported
// through a callback; this layer never prints.

import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';

export type ProgressListener = (sent: number, total: number) => void;

export class FileBody {
  readonly boundary = `ece-${randomBytes(12).toString('hex')}`;
  private readonly head: Buffer;
  private readonly tail: Buffer;
  /** Set by the command before sending; called as file bytes leave. */
  onProgress: ProgressListener | undefined;

  constructor(
    /** The form field, e.g. `file`. */
    readonly field: string,
    /** The file on disk. */
    readonly path: string,
    /** Its size in bytes, from stat. */
    readonly size: number,
    /** The name sent in Content-Disposition. */
    readonly filename: string,
  ) {
    const name = filename.replace(/["\r\n\\]/g, '_');
    this.head = Buffer.from(
      `--${this.boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${name}"\r\nContent-Type: application/zip\r\n\r\n`,
    );
    this.tail = Buffer.from(`\r\n--${this.boundary}--\r\n`);
  }

  get contentType(): string {
    return `multipart/form-data; boundary=${this.boundary}`;
  }

  /** The exact body length: sent as Content-Length, so ECE knows the size up front. */
  get length(): number {
    return this.head.length + this.size + this.tail.length;
  }

  /** A new stream over the whole body. */
  open(): Readable {
    const { head, tail, path, size } = this;
    const report = this.onProgress;
    async function* parts() {
      yield head;
      let sent = 0;
      report?.(0, size);
      for await (const chunk of createReadStream(path, { highWaterMark: 256 * 1024 })) {
        sent += (chunk as Buffer).length;
        yield chunk as Buffer;
        report?.(sent, size);
      }
      if (sent !== size) throw new Error(`${path} changed size while it was being sent`);
      yield tail;
    }
    return Readable.from(parts(), { objectMode: false });
  }

  /** How traces show the body. */
  describe(): string {
    return `[multipart/form-data: ${this.field}=@${this.filename}, ${this.size} bytes]`;
  }
}
