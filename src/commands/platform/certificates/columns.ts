// Extra certificates as ECE returns them: public chains (PublicCertChain,
// never the private key), read with the same certificate parser as `tls show`.

import type { Column } from '../../../output/views.js';
import { oneLine, parseCertificate } from '../../tls/pem.js';

export interface Chain {
  chain?: string[];
}
export interface Row extends Chain {
  id: string;
}

const leaf = (c: Chain) => parseCertificate(c.chain?.[0]);
const iso = (t: string | undefined) => (t === undefined ? undefined : new Date(t).toISOString());

export const columns: Column<Row>[] = [
  ['ID', (c) => c.id],
  ['SUBJECT', (c) => oneLine(leaf(c)?.subject ?? '')],
  ['NOT_AFTER', (c) => iso(leaf(c)?.validTo)],
  ['CERTIFICATES', (c) => c.chain?.length ?? 0],
];

export const detailColumns: Column<Row>[] = [
  ...columns.slice(0, 2),
  ['ISSUER', (c) => oneLine(leaf(c)?.issuer ?? '')],
  ['NOT_BEFORE', (c) => iso(leaf(c)?.validFrom)],
  ...columns.slice(2),
  ['FINGERPRINT256', (c) => leaf(c)?.fingerprint256],
];

export const ID_ARG = { name: 'id', description: 'the certificate id (star_example_com)' };
