// `ece deployments resync`: make ECE rewrite a deployment's document in its
// search index (what `list` and `search` read) from the deployment's state,
// or every deployment's with --all. Not destructive: nothing asks. Prints
// what ECE says it resynced (IndexSynchronizationResults): one row per
// document created, updated or deleted; regions where it may have failed are
// an error (exit 1) after the rows.

import type { Command } from 'commander';
import { parseBody } from '../../api/body.js';
import { resyncAllRequest, resyncRequest } from '../../api/instances.js';
import type { Context } from '../../context.js';
import { CliError, UsageError } from '../../errors.js';
import { listView } from '../../output/views.js';
import { act, type Contexts } from '../action.js';
import { showDryRun } from '../write.js';
import { resolveDeployment } from './resolve.js';

export interface ResyncFlags {
  all?: boolean;
  force?: boolean;
}

export function register(group: Command, contexts: Contexts): void {
  group
    .command('resync')
    .description("Rebuild a deployment's search-index document (or every one with --all)")
    .argument('[deployment]', 'deployment id or exact name')
    .option('--all', 'every deployment')
    .option('--force', 'with --all: rewrite every document, even those already up to date')
    .addHelpText(
      'after',
      `
ECE's deployment list and search read an index that ECE keeps in step with
the deployments; resync rewrites a document from the deployment's state
when the two disagree. The rows say which documents were created, updated
or deleted. --json prints ECE's answer as it came.

Examples:
  $ ece deployments resync prod-logs
  $ ece deployments resync --all
  $ ece deployments resync --all --force --json`,
    )
    .action(
      act(contexts, (ctx, ref: string | undefined, flags: ResyncFlags) => run(ref, flags, ctx)),
    );
}

interface Results {
  created?: unknown;
  updated?: unknown;
  deleted?: unknown;
  errors?: unknown;
}

const ACTIONS = ['created', 'updated', 'deleted'] as const;
const strings = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];

const VIEW = listView<[string, string]>(
  (data) =>
    ACTIONS.flatMap((a) => strings((data as Results)[a]).map((id): [string, string] => [a, id])),
  [
    ['RESULT', (r) => r[0]],
    ['DEPLOYMENT', (r) => r[1]],
  ],
  'Nothing to resync: the index was up to date.',
  [1],
);

export async function run(
  ref: string | undefined,
  flags: ResyncFlags,
  ctx: Context,
): Promise<void> {
  if (flags.all && ref !== undefined)
    throw new UsageError('--all cannot be combined with a deployment');
  if (!flags.all && ref === undefined)
    throw new UsageError('name a deployment, or pass --all for every deployment');
  if (flags.force && !flags.all) throw new UsageError('--force needs --all');
  const api = await ctx.api();
  const target = ref === undefined ? undefined : await resolveDeployment(api, ref);
  const write = target
    ? resyncRequest(target.id)
    : resyncAllRequest({ force: flags.force === true });
  if (showDryRun(ctx, api, write)) return;
  const res = await api.request(write);
  const renderer = await ctx.renderer();
  await renderer.body(res, VIEW);
  const body = parseBody<Results>(res);
  const counts = ACTIONS.map((a) => `${strings(body[a]).length} ${a}`).join(', ');
  const what = target
    ? `deployment ${target.name ? `${target.name} (${target.id})` : target.id}`
    : 'every deployment';
  ctx.io.stderr.write(`Resynced the search index for ${what}: ${counts}.\n`);
  const regions = strings(body.errors);
  if (regions.length)
    throw new CliError(
      `the resync may have failed in region${regions.length > 1 ? 's' : ''} ${regions.join(', ')}`,
    );
}
