// What a comment command is about: a deployment's resource (the deployment
// by id or exact name, --kind, --ref-id; ECE files the comment under the
// resource's own id, which is looked up for the user) or an allocator,
// runner, constructor or proxy given by id. Also the positional arguments,
// whose first one is the deployment unless one of those flags names the
// target.

import { parseBody } from '../../api/body.js';
import type { ApiClient } from '../../api/client.js';
import type { CommentTarget } from '../../api/comments.js';
import { type Deployment, getDeployment } from '../../api/deployments.js';
import { KINDS } from '../../api/kinds.js';
import { CliError, ExitCode, UsageError } from '../../errors.js';
import { resolveDeployment } from '../deployments/resolve.js';
import type { OptionSpec, Raw } from '../run/types.js';

export interface TargetFlags {
  kind?: string;
  refId?: string;
  allocator?: string;
  runner?: string;
  constructor?: string;
  proxy?: string;
}

const HOSTS = ['allocator', 'runner', 'constructor', 'proxy'] as const;

export const TARGET_HELP = `
A comment belongs to one resource of a deployment (--kind, default
elasticsearch; --ref-id when it has several of that kind) or to an allocator,
runner, constructor or proxy (--allocator ID, …; then leave out the
deployment).`;

/** The same options, declared for verbs on the command model. */
export const TARGET_OPTIONS: OptionSpec[] = [
  {
    flags: '--kind <kind>',
    description: `the deployment's resource: ${KINDS.join(', ')}`,
    default: 'elasticsearch',
  },
  {
    flags: '--ref-id <ref_id>',
    description: 'the resource, when the deployment has several of that kind',
  },
  { flags: '--allocator <id>', description: 'comments on this allocator instead' },
  { flags: '--runner <id>', description: 'comments on this runner instead' },
  { flags: '--constructor <id>', description: 'comments on this constructor instead' },
  { flags: '--proxy <id>', description: 'comments on this proxy instead' },
];

/** A flag's value; `constructor` is read only when commander set it (every object has one). */
function hostFlag(flags: TargetFlags): { type: string; id: string } | undefined {
  const given = HOSTS.flatMap((h) => {
    const v = Object.hasOwn(flags, h)
      ? (flags as unknown as Record<string, unknown>)[h]
      : undefined;
    return typeof v === 'string' ? [{ type: h, id: v }] : [];
  });
  if (given.length > 1)
    throw new UsageError(`give one of ${given.map((g) => `--${g.type}`).join(', ')}, not several`);
  return given[0];
}

export interface Parsed {
  deployment?: string;
  host?: { type: string; id: string };
  /** The positional arguments after the target. */
  rest: string[];
}

/**
 * Splits the positional arguments: with --allocator (…) they are all
 * `names`; otherwise the first is the deployment. A missing one is a usage
 * error that names it.
 */
export function parseTarget(
  args: (string | undefined)[],
  flags: TargetFlags,
  names: string[],
): Parsed {
  const given = args.filter((a): a is string => a !== undefined);
  const host = hostFlag(flags);
  if (host) {
    if (flags.refId !== undefined || (flags.kind ?? 'elasticsearch') !== 'elasticsearch')
      throw new UsageError(
        `--kind and --ref-id are for a deployment's resources, not --${host.type}`,
      );
    if (host.id.trim() === '') throw new UsageError(`the --${host.type} id is empty`);
  }
  const rest = host ? given : given.slice(1);
  const deployment = host ? undefined : given[0];
  if (!host && deployment === undefined)
    throw new UsageError(
      'name a deployment (id or exact name), or give --allocator, --runner, --constructor or --proxy',
    );
  if (rest.length < names.length)
    throw new UsageError(`missing ${names.slice(rest.length).join(' and ')}`);
  if (rest.length > names.length)
    throw new UsageError(
      `too many arguments${host ? ` (with --${host.type}, leave out the deployment)` : ''}`,
    );
  return { ...(deployment === undefined ? {} : { deployment }), ...(host ? { host } : {}), rest };
}

/** A verb's input: the target and the arguments after it, and the flags that chose it. */
export interface TargetInput extends Parsed {
  flags: TargetFlags;
}

/**
 * A comment verb's input check: its positional arguments (by raw key) split
 * by parseTarget, before any request.
 */
export function targetInput(keys: string[], names: string[]): (raw: Raw) => TargetInput {
  return (raw) => {
    const flags = raw as unknown as TargetFlags;
    const args = keys.map((k) => (typeof raw[k] === 'string' ? (raw[k] as string) : undefined));
    return { ...parseTarget(args, flags, names), flags };
  };
}

/** The type and id ECE files the comments under, and words for messages. */
export async function resolveTarget(
  api: ApiClient,
  parsed: Parsed,
  flags: TargetFlags,
): Promise<{ target: CommentTarget; label: string }> {
  if (parsed.host) return { target: parsed.host, label: `${parsed.host.type} ${parsed.host.id}` };
  const kind = flags.kind ?? 'elasticsearch';
  if (!(KINDS as readonly string[]).includes(kind))
    throw new UsageError(`invalid --kind "${kind}": use one of ${KINDS.join(', ')}`);
  const ref = await resolveDeployment(api, parsed.deployment ?? '');
  const d = parseBody<Deployment>(await getDeployment(api, ref.id, { plans: false }));
  const list = d.resources?.[kind as keyof Deployment['resources']] ?? [];
  const refs = list.map((r) => r.ref_id).join(', ');
  let resource = list[0];
  if (flags.refId !== undefined) {
    resource = list.find((r) => r.ref_id === flags.refId);
    if (!resource)
      throw new CliError(
        `deployment ${d.name} has no ${kind} resource ${flags.refId}${refs ? ` (it has: ${refs})` : ''}`,
        ExitCode.NOT_FOUND,
      );
  } else if (list.length > 1) {
    throw new UsageError(
      `deployment ${d.name} has ${list.length} ${kind} resources; choose one with --ref-id: ${refs}`,
    );
  }
  if (!resource)
    throw new CliError(`deployment ${d.name} has no ${kind} resource`, ExitCode.NOT_FOUND);
  return {
    target: { type: kind, id: resource.id },
    label: `${kind} ${resource.ref_id} of ${d.name}`,
  };
}
