// Typed calls for comments (/comments/{resource_type}/{resource_id}): notes
// that administrators leave on a deployment's resource (by the resource's
// own cluster id) or on an allocator, constructor, runner or proxy. A
// comment has a version (x-cloud-resource-version); update and delete send
// the one they read, so that a concurrent change is refused (409). Silent.

import type { ApiClient, RequestOptions } from './client.js';
import { segment } from './path.js';

/** The resource types ECE keeps comments for (there is no deployment type). */
export const COMMENT_TYPES = [
  'elasticsearch',
  'kibana',
  'apm',
  'appsearch',
  'enterprise_search',
  'integrations_server',
  'allocator',
  'constructor',
  'runner',
  'proxy',
] as const;

export interface CommentTarget {
  type: string;
  id: string;
}

const base = (t: CommentTarget) => `/comments/${segment(t.type)}/${segment(t.id)}`;
const one = (t: CommentTarget, commentId: string) => `${base(t)}/${segment(commentId)}`;

/** Newest change first, as ECE orders them. */
export const listComments = (api: ApiClient, t: CommentTarget) => api.request({ path: base(t) });

export const getComment = (api: ApiClient, t: CommentTarget, commentId: string) =>
  api.request({ path: one(t, commentId) });

export const createComment = (t: CommentTarget, message: string): RequestOptions => ({
  method: 'POST',
  path: base(t),
  body: { message },
  // A second POST would leave the comment twice.
  idempotent: false,
});

export const updateComment = (
  t: CommentTarget,
  commentId: string,
  message: string,
  version: string | undefined,
): RequestOptions => ({
  method: 'PUT',
  path: one(t, commentId),
  query: { version },
  body: { message },
});

export const deleteComment = (
  t: CommentTarget,
  commentId: string,
  version: string | undefined,
): RequestOptions => ({
  method: 'DELETE',
  path: one(t, commentId),
  query: { version },
});
