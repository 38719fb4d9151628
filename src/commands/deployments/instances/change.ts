// The flow of stop, start and maintenance on|off: read the deployment, check
// the instances named (or take --all, with the API's all-instances
// operation), show the write under --dry-run, ask before a disruptive one,
// send it, and say what was done. Each verb's file holds its flags and help.

import type { Command } from 'commander';
import { parseBody } from '../../../api/body.js';
import type { RequestOptions } from '../../../api/client.js';
import { instancesRequest } from '../../../api/deployments.js';
import {
  instanceCommandRequest,
  maintenanceAllRequest,
  maintenanceRequest,
} from '../../../api/instances.js';
import { KINDS } from '../../../api/kinds.js';
import type { Context } from '../../../context.js';
import { confirmOrFail, requireConfirmable } from '../../../output/prompt.js';
import { RAW } from '../../../output/raw.js';
import { sanitize } from '../../../output/sanitize.js';
import { act, type Contexts } from '../../action.js';
import { showDryRun } from '../../write.js';
import { resolveDeployment } from '../resolve.js';
import {
  checkInstances,
  checkKind,
  describe,
  pickResource,
  readInstances,
  selection,
} from './common.js';

export type Change = 'stop' | 'start' | 'maintenance-on' | 'maintenance-off';

export interface ChangeFlags {
  kind?: string;
  refId?: string;
  all?: boolean;
  yes?: boolean;
}

/** Stopping an instance or taking it out of routing interrupts service: those ask first. */
const DISRUPTIVE: Change[] = ['stop', 'maintenance-on'];

/** --kind, --ref-id, --all (and --yes where the change asks first) on a verb. */
export function changeOptions(cmd: Command, disruptive: boolean): Command {
  cmd
    .option('--kind <kind>', `resource kind: ${KINDS.join(', ')}`, 'elasticsearch')
    .option('--ref-id <ref-id>', 'which resource of that kind (needed only when there are several)')
    .option('--all', 'every instance of the resource');
  if (disruptive) cmd.option('-y, --yes', 'do not ask for confirmation');
  return cmd;
}

export function changeAction(contexts: Contexts, change: Change) {
  return act(contexts, (ctx, ref: string, names: string[], flags: ChangeFlags) =>
    runChange(ref, names, flags, change, ctx),
  );
}

const DONE: Record<Change, [verb: string, question: string]> = {
  stop: ['Stopping', 'Stop'],
  start: ['Starting', 'Start'],
  'maintenance-on': [
    'Maintenance mode on for',
    'Put in maintenance mode (ECE routes no traffic to them)',
  ],
  'maintenance-off': ['Maintenance mode off for', 'Take out of maintenance mode'],
};

export async function runChange(
  ref: string,
  names: string[],
  flags: ChangeFlags,
  change: Change,
  ctx: Context,
): Promise<void> {
  const kind = checkKind(flags.kind ?? 'elasticsearch');
  const chosen = selection(names, flags.all);
  const asks = DISRUPTIVE.includes(change);
  if (asks && !ctx.flags.dryRun) requireConfirmable(ctx.io, flags.yes);
  const api = await ctx.api();
  const { id } = await resolveDeployment(api, ref);
  const d = await readInstances(api, id);
  const r = pickResource(d, kind, flags.refId);
  const sel = chosen === 'all' ? 'all' : checkInstances(d, r, chosen);
  const write = request(id, kind, r.refId, sel, change);
  if (showDryRun(ctx, api, write)) return;
  const [verb, question] = DONE[change];
  if (asks)
    await confirmOrFail(
      ctx.io,
      sanitize(`${question}: ${describe(sel)} of ${kind} ${r.refId} in deployment ${d.label}?`),
      flags.yes,
    );
  const res = await api.request(write);
  const renderer = await ctx.renderer();
  if (renderer.raw) await renderer.body(res, RAW);
  warnings(ctx, res.text);
  ctx.io.stderr.write(`${verb} ${describe(sel)} of ${kind} ${r.refId} in deployment ${d.label}.\n`);
}

function request(
  id: string,
  kind: string,
  refId: string,
  sel: string[] | 'all',
  change: Change,
): RequestOptions {
  if (change === 'stop' || change === 'start') {
    const action = change === 'stop' ? '_stop' : '_start';
    return sel === 'all'
      ? instancesRequest(id, kind, refId, action)
      : instanceCommandRequest(id, kind, refId, action, sel);
  }
  const on = change === 'maintenance-on';
  return sel === 'all'
    ? maintenanceAllRequest(id, kind, refId, on)
    : maintenanceRequest(id, kind, refId, on, sel);
}

/** ECE's warnings (DeploymentResourceCommandResponse.warnings), one line each on stderr (sanitised there). */
export function warnings(ctx: Context, text: string): void {
  if (text.trim() === '') return;
  let body: { warnings?: { message?: unknown; code?: unknown }[] };
  try {
    body = parseBody({ status: 200, headers: {}, text, url: '' });
  } catch {
    return;
  }
  for (const w of Array.isArray(body.warnings) ? body.warnings : [])
    if (typeof w?.message === 'string')
      ctx.io.stderr.write(
        `warning: ${w.message}${typeof w.code === 'string' ? ` (${w.code})` : ''}\n`,
      );
}
