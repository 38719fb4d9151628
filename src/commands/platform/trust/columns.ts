// Trust relationships as ECE returns them (TrustRelationshipGetResponse),
// their columns, and the request a file describes.

import { UsageError } from '../../../errors.js';
import type { Column } from '../../../output/views.js';
import { parseCertificate } from '../../tls/pem.js';

export interface Trust {
  id: string;
  name: string;
  local: boolean;
  trust_by_default: boolean;
  account_ids?: string[];
  installation_id?: string;
  public_ca_cert?: string;
  last_modified?: string;
}

export const columns: Column<Trust>[] = [
  ['ID', (t) => t.id],
  ['NAME', (t) => t.name],
  ['LOCAL', (t) => t.local],
  ['TRUST_ALL', (t) => t.trust_by_default],
  ['ACCOUNTS', (t) => t.account_ids],
  ['INSTALLATION', (t) => t.installation_id],
];

export const detailColumns: Column<Trust>[] = [
  ...columns,
  ['MODIFIED', (t) => t.last_modified],
  ['CA_SUBJECT', (t) => parseCertificate(t.public_ca_cert)?.subject.split('\n').join(', ')],
];

export const CERTIFICATES_OPTION = {
  flags: '--certificates',
  description: 'include the public CA certificates (include_certificate)',
};

/** What ECE sets itself: left out of a request built from `show --json`. */
const READ_ONLY = ['id', 'local', 'last_modified'];

/** The request in a file, without the read-only fields; the CA certificate checked if given. */
export function trustRequest(
  doc: Record<string, unknown>,
  file: string,
  create: boolean,
): Record<string, unknown> {
  const body = Object.fromEntries(Object.entries(doc).filter(([k]) => !READ_ONLY.includes(k)));
  if (create)
    for (const k of ['name', 'public_ca_cert'])
      if (typeof body[k] !== 'string' || body[k] === '')
        throw new UsageError(`${file}: "${k}" is required`);
  if (body.public_ca_cert !== undefined && !parseCertificate(body.public_ca_cert))
    throw new UsageError(`${file}: "public_ca_cert" is not a PEM certificate`);
  if (
    body.account_ids !== undefined &&
    !(Array.isArray(body.account_ids) && body.account_ids.every((a) => typeof a === 'string'))
  )
    throw new UsageError(`${file}: "account_ids" must be a list of strings`);
  if (body.trust_by_default !== undefined && typeof body.trust_by_default !== 'boolean')
    throw new UsageError(`${file}: "trust_by_default" must be true or false`);
  return body;
}

export const FILE_OPTION = {
  flags: '-f, --file <file>',
  description: 'the trust relationship, JSON or YAML (- for stdin)',
};
