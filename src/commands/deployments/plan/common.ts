// What the `plan` verbs share: the resource filter (--kind, --ref-id) checked
// against the deployment, and how attempts and times are shown.

import { asDeployment, type PlanAttempt } from '../../../api/deployments.js';
import { KINDS } from '../../../api/kinds.js';
import type { ResourceFilter } from '../../../api/plan-history.js';
import { eachResource } from '../../../api/plans.js';
import { CliError, ExitCode, UsageError } from '../../../errors.js';
import type { OptionSpec } from '../../run/types.js';

export interface FilterFlags {
  kind?: string;
  refId?: string;
}

export const KIND_HELP = `resource kind: ${KINDS.join(', ')}`;

/** --kind and --ref-id as history and watch take them (only those resources). */
export const FILTER_OPTIONS: OptionSpec[] = [
  { flags: '--kind <kind>', description: `only this kind (${KIND_HELP})` },
  { flags: '--ref-id <ref-id>', description: 'only the resource with this ref_id' },
];

/** The flags as a filter; an unknown kind is a usage error before anything is sent. */
export function filterOf(flags: FilterFlags): ResourceFilter {
  if (flags.kind !== undefined && !(KINDS as readonly string[]).includes(flags.kind))
    throw new UsageError(`invalid --kind "${flags.kind}" (valid: ${KINDS.join(', ')})`);
  if (flags.refId !== undefined && flags.refId.trim() === '')
    throw new UsageError('--ref-id is empty');
  return { kind: flags.kind, refId: flags.refId };
}

/** The deployment in the body; a filter that names no resource of it is exit 3. */
export function deploymentFor(data: unknown, f: ResourceFilter) {
  const d = asDeployment(data);
  if ((f.kind || f.refId) && eachResource(d).every(({ kind, r }) => !matches(kind, r.ref_id, f))) {
    const what = [f.kind, f.refId].filter(Boolean).join(' ');
    throw new CliError(
      `deployment ${d.name} (${d.id}) has no ${f.refId ? 'resource ' : ''}${what}${f.refId ? '' : ' resource'}`,
      ExitCode.NOT_FOUND,
    );
  }
  return d;
}

function matches(kind: string, refId: string, f: ResourceFilter): boolean {
  return (!f.kind || kind === f.kind) && (!f.refId || refId === f.refId);
}

/** ECE's source of a change, as the spec's ChangeSourceInfo has it. */
export interface Source {
  action?: string;
  facilitator?: string;
  user_id?: string;
  admin_id?: string;
}

export function sourceOf(a: PlanAttempt): Source | undefined {
  const s = (a as PlanAttempt & { source?: unknown }).source;
  return s && typeof s === 'object' ? (s as Source) : undefined;
}

/** `update-deployment by ops-admin`: the action (deployments. left out) and who. */
export function sourceText(s: Source | undefined): string {
  if (!s) return '-';
  const action = (s.action ?? '-').replace(/^deployments\./, '');
  const who = s.user_id ?? s.admin_id;
  return who ? `${action} by ${who}` : s.facilitator ? `${action} via ${s.facilitator}` : action;
}

/** ISO-8601 UTC (pipes); what ECE sent when it is not a time. */
export function isoTime(t: string | undefined): string | undefined {
  if (!t) return undefined;
  const ms = Date.parse(t);
  return Number.isNaN(ms) ? t : new Date(ms).toISOString();
}

/** `2024-05-14 09:00:00` (UTC) on a terminal. */
export function tableTime(t: string | undefined): string | undefined {
  const iso = isoTime(t);
  return iso && /^\d{4}-\d\d-\d\dT/.test(iso) ? `${iso.slice(0, 10)} ${iso.slice(11, 19)}` : iso;
}

/** Milliseconds between two of ECE's times, when both parse. */
export function between(from: string | undefined, to: string | undefined): number | undefined {
  if (!from || !to) return undefined;
  const ms = Date.parse(to) - Date.parse(from);
  return Number.isNaN(ms) || ms < 0 ? undefined : ms;
}
