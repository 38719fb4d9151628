// `ece deployments update`: apply a changed definition (DeploymentUpdateRequest);
// resources left out are shut down only with --prune-orphans, after asking.
// --if-version N makes it conditional, like kubectl's resourceVersion or an
// HTTP If-Match: ECE applies it only if the deployment is still at version N
// (x-cloud-resource-version, which show --update-payload prints), else exit 5.
// With --wait, a definition that changes nothing (ECE starts no plan) ends
// at once instead of waiting for a plan that never comes.

import { type ApiResponse, parseBody } from '../../api/body.js';
import type { ApiClient } from '../../api/client.js';
import { shellQuote } from '../../api/curl.js';
import { type Deployment, getDeployment, updateRequest } from '../../api/deployments.js';
import { type Before, snapshot, targetsFor } from '../../api/plans.js';
import { CliError, ExitCode, UsageError } from '../../errors.js';
import { readDocument } from '../../input.js';
import { defineVerb, type Plan } from '../run/types.js';
import { CHANGED } from './payload.js';
import { resolveDeployment } from './resolve.js';

export interface UpdateInput {
  deployment: string;
  file: string;
  ifVersion?: string;
  pruneOrphans?: boolean;
  skipSnapshot?: boolean;
  validateOnly?: boolean;
}

export const verb = defineVerb<UpdateInput>({
  effect: 'destructive',
  // Only a prune shuts resources down; without orphans it asks nothing (plan.effect).
  effectOf: (input) => (input.pruneOrphans ? 'destructive' : 'write'),
  waits: true,
  args: [{ name: 'deployment', description: 'deployment id or exact name' }],
  options: [
    {
      flags: '-f, --file <file>',
      description: 'update request, JSON or YAML (- for stdin)',
      required: true,
    },
    {
      flags: '--if-version <version>',
      description:
        'apply only if the deployment is still at this version (x-cloud-resource-version), else exit 5',
    },
    {
      flags: '--prune-orphans',
      description: 'shut down resources the definition leaves out (asks first)',
    },
    {
      flags: '--skip-snapshot',
      description: 'do not snapshot before pruned resources are shut down',
    },
    { flags: '--validate-only', description: 'check the change without applying it' },
  ],
  description: `The file is a DeploymentUpdateRequest ({"resources": {...}}); prune_orphans
comes from --prune-orphans, never from the file. Without --if-version the
last writer wins; with it, a deployment changed since that version is not
touched (exit 5: "the deployment changed since it was read"). show
--update-payload prints the version it read on stderr. With --wait, a
definition that changes nothing ends at once: no plan was started.`,
  examples: [
    'ece deployments show prod-logs --update-payload > update.json   # prints --if-version N',
    'ece deployments update prod-logs -f update.json --if-version 42 --wait',
    'ece deployments show prod-logs --update-payload | ece deployments update prod-logs -f -',
  ],
  input(raw) {
    const input = raw as unknown as UpdateInput & { wait?: boolean };
    if (input.validateOnly && input.wait)
      throw new UsageError('--validate-only changes nothing to wait for');
    const version = input.ifVersion?.trim();
    if (version !== undefined && !/^\d+$/.test(version))
      throw new UsageError(
        `invalid --if-version "${input.ifVersion}": give the number show --update-payload printed`,
      );
    return { ...input, ifVersion: version };
  },
  async plan(input, ctx) {
    const version = input.ifVersion;
    const body = await readDocument(ctx.io, input.file ?? '-');
    if (body.prune_orphans === true && !input.pruneOrphans) {
      ctx.warn('the file says prune_orphans: true; that is ignored without --prune-orphans');
    }
    body.prune_orphans = input.pruneOrphans === true;
    await ctx.renderer();
    const api = await ctx.api();
    const { id, name } = await resolveDeployment(api, input.deployment);
    let before = new Map<string, Before>();
    const plan: Plan = {
      effect: 'write',
      writes: [
        updateRequest(id, body, {
          version,
          skipSnapshot: input.skipSnapshot,
          validateOnly: input.validateOnly,
        }),
      ],
      // 409 to a conditional update: someone changed the deployment since that version.
      fail: (err) => {
        if (!err.isVersionConflict || version === undefined) return undefined;
        const changed = new CliError(CHANGED, ExitCode.REJECTED);
        changed.hints.push(
          `read it again with \`ece deployments show ${shellQuote(input.deployment)} --update-payload\`, and re-apply your change`,
        );
        return changed;
      },
      done: (sent) => {
        if (input.validateOnly) return 'The change is valid; nothing was applied.';
        const updated = parseBody<{ id: string; name: string }>(sent[0] as ApiResponse);
        return `Updating deployment ${updated.name} (${updated.id}).`;
      },
      wait: {
        deployment: id,
        before: async () => {
          before = await snapshot(api, id);
        },
        // The resources in the request get new plans; with --prune-orphans the others get shutdown plans.
        targets: () => {
          const keys = new Set<string>(input.pruneOrphans ? before.keys() : []);
          for (const [kind, list] of Object.entries(
            (body.resources ?? {}) as Record<string, { ref_id?: string }[]>,
          )) {
            for (const r of Array.isArray(list) ? list : [])
              if (typeof r?.ref_id === 'string') keys.add(`${kind}/${r.ref_id}`);
          }
          return targetsFor(keys, before);
        },
        unchanged: 'No plan was started: the definition changes nothing.',
      },
    };
    if (input.pruneOrphans && !input.validateOnly) {
      const orphans = await orphansOf(api, id, body.resources);
      const list = orphans.map((o) => o.replace('/', ' ')).join(', ');
      plan.dryRunNote = orphans.length
        ? `dry run: --prune-orphans would shut down ${list}`
        : 'dry run: --prune-orphans would shut nothing down: the definition names every resource';
      if (orphans.length) {
        plan.effect = 'destructive';
        plan.confirm = `Shut down ${list} of deployment ${name ?? id}? The definition leaves ${orphans.length === 1 ? 'it' : 'them'} out.`;
      }
    }
    return plan;
  },
});

/** The deployment's resources (`kind/ref_id`) that the update request leaves out. */
async function orphansOf(api: ApiClient, id: string, resources: unknown): Promise<string[]> {
  const d = parseBody<Deployment>(await getDeployment(api, id, { plans: false }));
  const named = new Set<string>();
  for (const [kind, list] of Object.entries((resources ?? {}) as Record<string, unknown>))
    for (const r of Array.isArray(list) ? list : [])
      if (typeof r?.ref_id === 'string') named.add(`${kind}/${r.ref_id}`);
  return Object.entries(d.resources ?? {}).flatMap(([kind, list]) =>
    (list ?? []).map((r) => `${kind}/${r.ref_id}`).filter((k) => !named.has(k)),
  );
}
