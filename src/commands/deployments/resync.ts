// `ece deployments resync`: make ECE rewrite a deployment's document in its
// search index (what `list` and `search` read) from the deployment's state,
// or every deployment's with --all. Not destructive: nothing asks. Prints
// what ECE says it resynced (IndexSynchronizationResults): one row per
// document created, updated or deleted; regions where it may have failed are
// an error (exit 1) after the rows.

import { type ApiResponse, parseBody } from '../../api/body.js';
import { resyncAllRequest, resyncRequest } from '../../api/instances.js';
import { CliError, UsageError } from '../../errors.js';
import { listView } from '../../output/views.js';
import { defineVerb } from '../run/types.js';
import { resolveDeployment } from './resolve.js';

export interface ResyncInput {
  deployment?: string;
  all?: boolean;
  force?: boolean;
}

export const verb = defineVerb<ResyncInput>({
  effect: 'write',
  args: [{ name: 'deployment', description: 'deployment id or exact name', required: false }],
  options: [
    { flags: '--all', description: 'every deployment' },
    {
      flags: '--force',
      description: 'with --all: rewrite every document, even those already up to date',
    },
  ],
  description: `ECE's deployment list and search read an index that ECE keeps in step with
the deployments; resync rewrites a document from the deployment's state
when the two disagree. The rows say which documents were created, updated
or deleted. --json prints ECE's answer as it came.`,
  examples: [
    'ece deployments resync prod-logs',
    'ece deployments resync --all',
    'ece deployments resync --all --force --json',
  ],
  input(raw) {
    const input = raw as ResyncInput;
    if (input.all && input.deployment !== undefined)
      throw new UsageError('--all cannot be combined with a deployment');
    if (!input.all && input.deployment === undefined)
      throw new UsageError('name a deployment, or pass --all for every deployment');
    if (input.force && !input.all) throw new UsageError('--force needs --all');
    return input;
  },
  async plan(input, ctx) {
    const api = await ctx.api();
    const target =
      input.deployment === undefined ? undefined : await resolveDeployment(api, input.deployment);
    const body = (sent: ApiResponse[]) => parseBody<Results>(sent[0] as ApiResponse);
    return {
      writes: [
        target ? resyncRequest(target.id) : resyncAllRequest({ force: input.force === true }),
      ],
      output: (sent) => ({ body: sent[0] as ApiResponse, view: VIEW }),
      done: (sent) => {
        const counts = ACTIONS.map((a) => `${strings(body(sent)[a]).length} ${a}`).join(', ');
        const what = target
          ? `deployment ${target.name ? `${target.name} (${target.id})` : target.id}`
          : 'every deployment';
        return `Resynced the search index for ${what}: ${counts}.`;
      },
      // Regions where it may have failed: an error after the rows.
      after: async (sent) => {
        const regions = strings(body(sent).errors);
        if (regions.length)
          throw new CliError(
            `the resync may have failed in region${regions.length > 1 ? 's' : ''} ${regions.join(', ')}`,
          );
      },
    };
  },
});

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
