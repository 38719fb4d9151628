// A user-given value as one path segment, percent-encoded. An empty value,
// `.` or `..` is refused (exit 2) rather than encoded: servers and proxies
// that normalise paths read `%2E%2E` as a step up, so `ece allocators
// metadata delete <a> ..` would become a DELETE of the allocator itself,
// and an empty id names the collection instead of one of its items.

import { UsageError } from '../errors.js';

export function segment(value: string): string {
  if (value === '') throw new UsageError('a name or id cannot be empty');
  if (value === '.' || value === '..')
    throw new UsageError(`"${value}" is not a name or id (it is a step in a path)`);
  return encodeURIComponent(value);
}
