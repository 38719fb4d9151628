// What `extensions upload`, `extensions create --file` and `stack upload`
// share: the file checked before anything is sent (missing, not a file,
// unreadable, empty, not a zip archive: exit 2), the request's deadline (--timeout plus the time
// the bytes need at a floor rate), progress on a terminal, and one attempt
// once bytes left (the typed calls mark uploads non-idempotent).

import { constants } from 'node:fs';
import { access, open, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { ApiClient, ApiResponse, RequestOptions } from '../api/client.js';
import { FileBody } from '../api/multipart.js';
import type { Context } from '../context.js';
import { UsageError } from '../errors.js';
import { formatBytes, UploadProgress } from '../output/upload-progress.js';

/** The slowest link an upload's deadline allows for: 256 KiB/s (about 2 Mbit/s). */
const FLOOR_BYTES_PER_SECOND = 256 * 1024;

export interface UploadFlags {
  quiet?: boolean;
}

/** The file as a multipart body, or a usage error naming what is wrong with it. */
export async function openUpload(file: string): Promise<FileBody> {
  let size: number;
  try {
    const s = await stat(file);
    if (!s.isFile()) throw new UsageError(`${file} is not a file`);
    size = s.size;
    await access(file, constants.R_OK);
  } catch (err) {
    if (err instanceof UsageError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new UsageError(`${file}: no such file`);
    if (code === 'EACCES' || code === 'EPERM') throw new UsageError(`${file}: permission denied`);
    throw new UsageError(`cannot read ${file}: ${code ?? (err as Error).message}`);
  }
  if (size === 0) throw new UsageError(`${file} is empty`);
  // Extensions and stack packs are zip archives: anything else is refused
  // here, before a create leaves an extension without its archive.
  const head = Buffer.alloc(4);
  const fh = await open(file, 'r');
  try {
    await fh.read(head, 0, 4, 0);
  } finally {
    await fh.close();
  }
  if (head.readUInt16BE(0) !== 0x504b || ![0x0304, 0x0506].includes(head.readUInt16BE(2)))
    throw new UsageError(`${file} is not a zip archive`);
  return new FileBody('file', file, size, basename(file));
}

/** The upload's deadline: --timeout for ECE's answer, plus the bytes at the floor rate. */
export function uploadTimeoutMs(ctx: Context, body: FileBody): number {
  return ctx.timeoutMs() + Math.ceil((body.length / FLOOR_BYTES_PER_SECOND) * 1000);
}

/** Sends the upload with progress on a terminal's stderr (not under --json or --quiet). */
export async function sendUpload(
  ctx: Context,
  api: ApiClient,
  write: RequestOptions,
  body: FileBody,
  flags: UploadFlags,
): Promise<ApiResponse> {
  const { json, output } = ctx.flags;
  const quiet = flags.quiet === true || json === true || output === 'json' || output === 'yaml';
  const progress = new UploadProgress(ctx.io, body.filename, !quiet);
  body.onProgress = (sent, total) => progress.update(sent, total);
  try {
    return await api.request(write);
  } finally {
    progress.end();
    body.onProgress = undefined;
  }
}

export const describeSize = (body: FileBody) => formatBytes(body.size);
