// The columns of `ece comments list`, and the version-checked writes of
// update and delete.

import { type ApiResponse, parseBody } from '../../api/body.js';
import type { ApiClient, RequestOptions } from '../../api/client.js';
import { type CommentTarget, getComment } from '../../api/comments.js';
import { ApiError, CliError, ExitCode } from '../../errors.js';
import type { Column } from '../../output/views.js';

export interface CommentWithMeta {
  comment: { id: string; user_id: string; message: string };
  metadata: { created_time: string; modified_time: string; version: string };
}

export const columns: Column<CommentWithMeta>[] = [
  ['ID', (c) => c.comment.id],
  ['USER', (c) => c.comment.user_id],
  ['CREATED', (c) => c.metadata.created_time],
  ['MESSAGE', (c) => c.comment.message],
];

export const CHANGED = 'the comment changed since it was read: run again';

/** Sends an update or delete that carries the version it read; a 409 is exit 5 with CHANGED. */
export async function sendVersioned(api: ApiClient, write: RequestOptions): Promise<ApiResponse> {
  try {
    return await api.request(write);
  } catch (err) {
    if (err instanceof ApiError && err.isVersionConflict)
      throw new CliError(CHANGED, ExitCode.REJECTED);
    throw err;
  }
}

/** A comment and the version it was read at (x-cloud-resource-version). */
export async function readComment(
  api: ApiClient,
  target: CommentTarget,
  id: string,
): Promise<{ message: string; version: string | undefined }> {
  const res = await getComment(api, target, id);
  const { message } = parseBody<{ message?: string }>(res);
  return { message: message ?? '', version: res.headers['x-cloud-resource-version'] };
}
