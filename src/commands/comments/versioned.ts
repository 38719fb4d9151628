// The columns of `ece comments list`, the version a comment is read at,
// and the refusal of a write carrying a stale one.

import { parseBody } from '../../api/body.js';
import type { ApiClient } from '../../api/client.js';
import { type CommentTarget, getComment } from '../../api/comments.js';
import { type ApiError, CliError, ExitCode } from '../../errors.js';
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

/** A 409 on the version read: said in the verb's words (exit 5), for Plan.fail. */
export function changedSinceRead(err: ApiError): CliError | undefined {
  return err.isVersionConflict ? new CliError(CHANGED, ExitCode.REJECTED) : undefined;
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
