// The services whose certificates `ece tls` reads and replaces.

import { UsageError } from '../../errors.js';

/** What GET accepts (the spec's service_name values). */
export const SHOW_SERVICES = ['ui', 'proxy', 'adminconsole', 'internalca'];
/** What `tls set` replaces: the certificates users supply for the Cloud UI and the proxies. */
export const SET_SERVICES = ['ui', 'proxy'];

export function checkService(service: string, allowed: string[]): void {
  if (!allowed.includes(service))
    throw new UsageError(
      `invalid service "${service}": use ${allowed.length === 2 ? allowed.join(' or ') : allowed.join(', ')}`,
    );
}
