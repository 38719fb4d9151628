// `ece license set -f license.json`: installs a license file as Elastic
// sends it ({"license": {…}}; a bare license object is wrapped).

import { setLicense } from '../../api/license.js';
import { UsageError } from '../../errors.js';
import { readDocument } from '../../input.js';
import { defineVerb } from '../run/types.js';

/** What every license file from Elastic has (LicenseInfo's required fields). */
const REQUIRED = [
  'uid',
  'type',
  'issuer',
  'issued_to',
  'issue_date_in_millis',
  'start_date_in_millis',
  'expiry_date_in_millis',
  'signature',
];

export const verb = defineVerb<{ file: string }>({
  // It replaces the license in force: features of the old one may stop.
  effect: 'destructive',
  options: [
    { flags: '-f, --file <file>', description: 'the license file from Elastic (- for stdin)' },
  ],
  examples: ['ece license set -f license.json --yes', 'ece license set -f license.json --dry-run'],
  input(raw) {
    if (typeof raw.file !== 'string' || raw.file === '')
      throw new UsageError('give the license file with -f FILE (- for stdin)');
    return { file: raw.file };
  },
  async plan(input, ctx) {
    const doc = await readDocument(ctx.io, input.file);
    const name = input.file === '-' ? '<stdin>' : input.file;
    const license = 'license' in doc ? doc.license : doc;
    if (typeof license !== 'object' || license === null || Array.isArray(license))
      throw new UsageError(`${name}: "license" must be an object`);
    const missing = REQUIRED.filter((k) => !(k in license));
    if (missing.length)
      throw new UsageError(`${name}: not a license file: it lacks ${missing.join(', ')}`);
    const l = license as { type?: unknown; issued_to?: unknown };
    const what = `the ${String(l.type ?? '')} license issued to ${String(l.issued_to ?? '')}`;
    return {
      writes: [setLicense({ license })],
      confirm: `Install ${what}? It replaces the platform's license.`,
      done: `Installed ${what}.`,
    };
  },
});
