// What the realm verbs share: the realm types' names, the secret fields of
// each and how they are had — from the realm file, from a separate file of
// secrets (--secrets, - for stdin) or asked for on a terminal (--ask), never
// from a flag's value — and how they are kept out of every output: each is
// registered as a secret of the run (masked on stdout, stderr and in
// --verbose traces) and stands as a shell variable in a dry run's curl line.

import { parseBody } from '../../../api/body.js';
import type { ApiResponse } from '../../../api/client.js';
import { REALM_SECRETS, type RealmKind } from '../../../api/security.js';
import type { Context } from '../../../context.js';
import { UsageError } from '../../../errors.js';
import { readDocument } from '../../../input.js';
import { MASK } from '../../../mask.js';
import { ask, canPrompt } from '../../../output/prompt.js';
import type { OptionSpec } from '../../run/types.js';
import { LABEL } from './labels.js';

export { LABEL } from './labels.js';

export interface SecretInput {
  file?: string;
  secrets?: string;
  ask: string[];
}

export const SECRET_OPTIONS: OptionSpec[] = [
  {
    flags: '--secrets <file>',
    description:
      'the secret fields (passwords) as JSON or YAML, kept apart from the realm file (- for stdin)',
  },
  {
    flags: '--ask <field>',
    description: 'ask for a secret field on the terminal, hidden (repeatable)',
    repeatable: true,
  },
];

/** Help's paragraph on secrets, for the type. */
export const secretsHelp = (kind: RealmKind) => `Secret fields are never taken from a flag:
  ${REALM_SECRETS[kind].join('\n  ')}
Put them in the realm file, in a file of their own (--secrets), or have
them asked for (--ask FIELD). They are masked in every output and trace,
and a dry run shows them as $ECE_<FIELD> variables. A masked value
(${MASK}, as \`show --json\` prints them) is left out of the request.`;

/** Input checks that need no request: which fields --ask names, one reader of stdin. */
export function checkSecretInput(kind: RealmKind, input: SecretInput): void {
  for (const f of input.ask)
    if (!REALM_SECRETS[kind].includes(f))
      throw new UsageError(
        `--ask ${f}: not a secret field of ${article(kind)} realm (${REALM_SECRETS[kind].join(', ')})`,
      );
  if (input.file === '-' && input.secrets === '-')
    throw new UsageError('-f - and --secrets - cannot both read standard input');
}

const article = (kind: RealmKind) => `${kind === 'saml' ? 'a' : 'an'} ${LABEL[kind]}`;

/** Fails before any request when a secret would have to be asked without a terminal. */
export function checkCanAsk(ctx: Context, input: SecretInput): void {
  if (input.ask.length > 0 && !ctx.flags.dryRun && !canPrompt(ctx.io))
    throw new UsageError(
      '--ask needs a terminal; without one put the secret in a file given with --secrets (- for stdin)',
    );
}

/** The shell variable a dry run shows for a secret field. */
export const variableOf = (field: string) => `ECE_${field.toUpperCase()}`;

/**
 * The realm's body from -f, with the secrets from --secrets and --ask; each
 * secret registered with the run and mapped to its variable.
 */
export async function realmBody(
  ctx: Context,
  kind: RealmKind,
  input: SecretInput & { file: string },
): Promise<{ body: Record<string, unknown>; variables: Record<string, string> }> {
  const fields = REALM_SECRETS[kind];
  const body = { ...(await readDocument(ctx.io, input.file)) };
  if (input.secrets) {
    const name = input.secrets === '-' ? '<stdin>' : input.secrets;
    for (const [k, v] of Object.entries(await readDocument(ctx.io, input.secrets))) {
      if (!fields.includes(k))
        throw new UsageError(
          `${name}: "${k}" is not a secret field of ${article(kind)} realm (${fields.join(', ')})`,
        );
      if (typeof v !== 'string') throw new UsageError(`${name}: "${k}" must be a string`);
      body[k] = v;
    }
  }
  for (const f of input.ask)
    body[f] = ctx.flags.dryRun
      ? `${f}-not-read-in-a-dry-run`
      : await ask(ctx.io, `${f}: `, { hidden: true });
  const api = await ctx.api();
  const variables: Record<string, string> = {};
  for (const f of fields) {
    const v = body[f];
    if (v === undefined) continue;
    if (typeof v !== 'string') throw new UsageError(`${input.file}: "${f}" must be a string`);
    if (v === MASK) {
      delete body[f];
      ctx.warn(`${f} is masked in the file: left out (give it with --secrets or --ask)`);
      continue;
    }
    api.addSecret(v);
    variables[v] = variableOf(f);
  }
  return { body, variables };
}

/** A realm's GET with its secret fields (if ECE returns any) masked, and its version. */
export function maskedRealm(
  kind: RealmKind,
  res: ApiResponse,
): { body: ApiResponse | string; parsed: Record<string, unknown>; version: string | undefined } {
  const parsed = parseBody<Record<string, unknown>>(res);
  const present = REALM_SECRETS[kind].filter((f) => typeof parsed[f] === 'string');
  const version = res.headers['x-cloud-resource-version'];
  if (present.length === 0) return { body: res, parsed, version };
  // Not byte for byte: a secret never reaches stdout, whatever its length.
  const masked = { ...parsed, ...Object.fromEntries(present.map((f) => [f, MASK])) };
  return { body: JSON.stringify(masked), parsed: masked, version };
}

/** A 409 on the version read: what to do about it. */
export const changedHint = (what: string) => (err: { isVersionConflict: boolean }) =>
  err.isVersionConflict
    ? `${what} changed since it was read: read it again (show) and run the command again`
    : undefined;
