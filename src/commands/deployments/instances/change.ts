// The plan of stop, start and maintenance on|off: read the deployment, check
// the instances named (or take --all, with the API's all-instances
// operation), the write, the question a disruptive one asks, and what was
// done. Each verb's file holds its arguments and help.

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
import { sanitize } from '../../../output/sanitize.js';
import type { ArgSpec, OptionSpec, Plan } from '../../run/types.js';
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

export interface ChangeInput {
  deployment: string;
  instances: string[];
  kind?: string;
  refId?: string;
  all?: boolean;
}

export const DEPLOYMENT_ARG: ArgSpec = {
  name: 'deployment',
  description: 'deployment id or exact name',
};
export const INSTANCES_ARG: ArgSpec = {
  name: 'instances',
  description: 'instance names, as `instances list` shows them',
  required: false,
  variadic: true,
};

/** --kind, --ref-id, --all (--yes comes from the effect). */
export const CHANGE_OPTIONS: OptionSpec[] = [
  {
    flags: '--kind <kind>',
    description: `resource kind: ${KINDS.join(', ')}`,
    default: 'elasticsearch',
  },
  {
    flags: '--ref-id <ref-id>',
    description: 'which resource of that kind (needed only when there are several)',
  },
  { flags: '--all', description: 'every instance of the resource' },
];

const DONE: Record<Change, [verb: string, question: string]> = {
  stop: ['Stopping', 'Stop'],
  start: ['Starting', 'Start'],
  'maintenance-on': [
    'Maintenance mode on for',
    'Put in maintenance mode (ECE routes no traffic to them)',
  ],
  'maintenance-off': ['Maintenance mode off for', 'Take out of maintenance mode'],
};

export async function changePlan(input: ChangeInput, change: Change, ctx: Context): Promise<Plan> {
  const kind = checkKind(input.kind ?? 'elasticsearch');
  const chosen = selection(input.instances ?? [], input.all);
  const api = await ctx.api();
  const { id } = await resolveDeployment(api, input.deployment);
  const d = await readInstances(api, id);
  const r = pickResource(d, kind, input.refId);
  const sel = chosen === 'all' ? 'all' : checkInstances(d, r, chosen);
  const [verb, question] = DONE[change];
  const what = `${describe(sel)} of ${kind} ${r.refId} in deployment ${d.label}`;
  return {
    writes: [request(id, kind, r.refId, sel, change)],
    confirm: sanitize(`${question}: ${what}?`),
    done: (sent) => {
      warnings(ctx, sent.at(-1)?.text ?? '');
      return `${verb} ${what}.`;
    },
  };
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
