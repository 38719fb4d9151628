// One desired document against ECE: the live deployment found (by id, else
// by name when exactly one has it), read as an update is read (plans as
// stored, transient cleared, with the version to send back), the file
// merged onto it, and what differs. Shared by diff and apply, so that apply
// sends exactly what diff showed.

import type { ApiClient } from '../../../api/client.js';
import type { Deployment } from '../../../api/deployments.js';
import { ApiError, CliError, ExitCode, type ExitCodeValue } from '../../../errors.js';
import { type ForUpdate, readForUpdate, withoutPlan } from '../payload.js';
import { resolveDeployment } from '../resolve.js';
import type { Desired } from './documents.js';
import {
  asBuilt,
  type Change,
  comparable,
  differences,
  liveDocument,
  merge,
  type Obj,
  touched,
} from './model.js';

export interface Live {
  deployment: Deployment;
  /** x-cloud-resource-version when read: sent back as ?version=. */
  version: string | undefined;
  /** The live deployment as a document. */
  doc: Obj;
  read: ForUpdate;
}

export interface Comparison {
  desired: Desired;
  name: string;
  /** Absent: no deployment has this document's name (apply creates one). */
  live?: Live;
  /** What apply leaves: the file merged onto the live document (for a new one, the file). */
  merged: Obj;
  /** Both sides as diff compares them. */
  before: Obj;
  after: Obj;
  changes: Change[];
  /** Live resources (`kind/ref_id`) the file leaves out. */
  orphans: string[];
  /** With --prune-orphans. */
  prune: boolean;
  notes: string[];
}

/** One document's outcome: its comparison, or the error that stopped it. */
export type Outcome =
  | { desired: Desired; comparison: Comparison }
  | { desired: Desired; error: CliError };

export async function compare(
  api: ApiClient,
  desired: Desired,
  prune: boolean,
): Promise<Comparison> {
  const { doc } = desired;
  const name = String(doc.name);
  const id = await findLive(api, doc);
  if (id === undefined) {
    const { id: _, prune_orphans: __, ...file } = doc;
    const after = comparable(file, {});
    return {
      desired,
      name,
      merged: file,
      before: {},
      after,
      changes: differences({}, after),
      orphans: [],
      prune,
      notes: [],
    };
  }
  let read: ForUpdate;
  try {
    read = await readForUpdate(api, id);
  } catch (err) {
    if (err instanceof ApiError && err.status === 404 && typeof doc.id === 'string')
      throw new CliError(
        `deployment ${id} (the document's id) does not exist; remove the id to create the deployment anew`,
        ExitCode.NOT_FOUND,
      );
    throw err;
  }
  const liveDoc = liveDocument(read.deployment);
  const m = merge(liveDoc, doc, prune);
  const notes = [...m.notes];
  const noPlan = withoutPlan(asBuilt(read.deployment));
  if (noPlan.length > 0)
    notes.push(`${noPlan.join(', ')} has no current plan (a failed creation): compared as absent`);
  const before = comparable(liveDoc, m.doc);
  const after = comparable(m.doc, liveDoc);
  return {
    desired,
    name,
    live: { deployment: read.deployment, version: read.version, doc: liveDoc, read },
    merged: m.doc,
    before,
    after,
    changes: differences(before, after),
    orphans: m.orphans,
    prune,
    notes,
  };
}

/** The live deployment's id: the document's, else the one deployment with its name. */
async function findLive(api: ApiClient, doc: Obj): Promise<string | undefined> {
  if (typeof doc.id === 'string') return doc.id;
  try {
    return (await resolveDeployment(api, String(doc.name))).id;
  } catch (err) {
    // No deployment has the name: the document is a new one.
    if (err instanceof CliError && err.exitCode === ExitCode.NOT_FOUND) return undefined;
    throw err;
  }
}

/** The resources (`kind/ref_id`) whose plan or settings change. */
export const changedResources = (c: Comparison): string[] => touched(c.changes);

/** Runs `fn` on every item, at most `limit` at a time; results in the items' order. */
export async function eachLimited<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < items.length; i = next++) out[i] = await fn(items[i] as T, i);
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return out;
}

/** Compares every document, `limit` at a time; an error stays with its document. */
export function compareAll(
  api: ApiClient,
  docs: readonly Desired[],
  o: { prune: boolean; limit: number },
): Promise<Outcome[]> {
  return eachLimited(docs, o.limit, async (desired) => {
    try {
      return { desired, comparison: await compare(api, desired, o.prune) };
    } catch (err) {
      if (err instanceof CliError) return { desired, error: err };
      throw err;
    }
  });
}

/** The exit code of one document's outcome for diff: 10 when it differs. */
export function diffCode(o: Outcome): ExitCodeValue {
  if ('error' in o) return o.error.exitCode;
  return o.comparison.changes.length > 0 ? ExitCode.DIFFERENCES : ExitCode.OK;
}

/** `--concurrency N`: a whole number from 1 to 32. */
export function concurrencyOf(text: string | undefined, fallback = 4): number {
  if (text === undefined) return fallback;
  const n = Number(text);
  if (!/^\d+$/.test(text.trim()) || n < 1 || n > 32)
    throw new CliError(
      `invalid --concurrency "${text}": give a whole number from 1 to 32`,
      ExitCode.USAGE,
    );
  return n;
}

/** `"name" (id)` for messages, or the name of a deployment to be created. */
export const labelOf = (c: Comparison): string =>
  c.live ? `${c.name} (${c.live.deployment.id})` : c.name;
