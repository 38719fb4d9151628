// `ece license set -f license.json`: installs a license file as Elastic
// sends it ({"license": {…}}; a bare license object is wrapped).

import type { Command } from 'commander';
import { setLicense } from '../../api/license.js';
import type { Context } from '../../context.js';
import { UsageError } from '../../errors.js';
import { readDocument } from '../../input.js';
import { RAW } from '../../output/raw.js';
import { act, type Contexts } from '../action.js';
import { showDryRun } from '../write.js';

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

interface SetFlags {
  file?: string;
}

export function register(group: Command, contexts: Contexts): void {
  group
    .command('set')
    .description('Install a platform license from its file')
    .option('-f, --file <file>', 'the license file from Elastic (- for stdin)')
    .addHelpText(
      'after',
      '\nExamples:\n  $ ece license set -f license.json\n  $ ece license set -f license.json --dry-run',
    )
    .action(act(contexts, (ctx, flags: SetFlags) => run(flags, ctx)));
}

export async function run(flags: SetFlags, ctx: Context): Promise<void> {
  if (!flags.file) throw new UsageError('give the license file with -f FILE (- for stdin)');
  const doc = await readDocument(ctx.io, flags.file);
  const name = flags.file === '-' ? '<stdin>' : flags.file;
  const license = 'license' in doc ? doc.license : doc;
  if (typeof license !== 'object' || license === null || Array.isArray(license))
    throw new UsageError(`${name}: "license" must be an object`);
  const missing = REQUIRED.filter((k) => !(k in license));
  if (missing.length)
    throw new UsageError(`${name}: not a license file: it lacks ${missing.join(', ')}`);
  const api = await ctx.api();
  const write = setLicense({ license });
  if (showDryRun(ctx, api, write)) return;
  const renderer = await ctx.renderer();
  const res = await api.request(write);
  if (renderer.raw) await renderer.body(res, RAW);
  const l = license as { type?: unknown; issued_to?: unknown };
  ctx.io.stderr.write(
    `Installed the ${String(l.type ?? '')} license issued to ${String(l.issued_to ?? '')}.\n`,
  );
}
