// What the config verbs that change profiles share. They never talk to ECE:
// under --dry-run they check their input, say that nothing changed, and stop
// (the plan's `local` change, not made).

import { PROFILE_KEYS } from '../../config/store.js';
import type { Context } from '../../context.js';

export const KEYS_HELP = `
Settings: ${PROFILE_KEYS.join(', ')}.
  host      ECE host: name, name:port or URL
  ca-cert   PEM file of the CA that signed ECE's certificate
  insecure  true to skip TLS verification (not recommended)
  output    table, tsv, json or yaml
  timeout   per-request timeout, e.g. 30s or 2m`;

export const explicitProfile = (ctx: Context) =>
  ctx.flags.profile || ctx.env.ECE_PROFILE || undefined;

/** What --dry-run says for a config verb: the change is not made, and nothing talks to ECE. */
export const notChanged = (verb: string) =>
  `dry run: ece config ${verb} changes only the local config and does not talk to ECE; nothing was changed`;
