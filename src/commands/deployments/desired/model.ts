// Desired state against live state (issue 25): the live deployment as a
// document (what export writes), the file merged onto it (what apply sends),
// and the differences between the two (what diff shows). docs/desired-state.md
// gives every rule with its reason; in short:
// - the live side is the update payload as ecctl builds it (payload.ts):
//   read-only info, transient parts and ECE's ids are not in it;
// - the file is merged onto the live document as a JSON merge patch (RFC
//   7386): what the file leaves out is what ECE has (template defaults,
//   instance configuration ids, node roles…), `null` removes a field;
//   resources are matched by ref_id, topology elements by id (else by
//   instance configuration, else by position); other lists are replaced;
// - with autoscaling on, a size autoscaling controls is the autoscaler's;
// - a live resource the file leaves out is kept unless --prune-orphans;
// - a zero-size topology element only one side has changes nothing.
// Pure functions: no request, no output.

import { createHash } from 'node:crypto';
import type { Deployment } from '../../../api/deployments.js';
import { KINDS } from '../../../api/kinds.js';
import { updatePayload } from '../payload.js';

export type Obj = Record<string, unknown>;

export interface Change {
  /** `resources.elasticsearch[main-elasticsearch].plan.cluster_topology[hot_content].size.value` */
  path: string;
  /** Absent: the field is added. */
  old?: unknown;
  /** Absent: the field is removed. */
  new?: unknown;
}

export interface Merged {
  /** The live document with the file merged onto it. */
  doc: Obj;
  /** Live resources (`kind/ref_id`) the file leaves out: kept, or with prune removed. */
  orphans: string[];
  /** What the file says that the merge did not take, and why (said on stderr). */
  notes: string[];
}

export const isObj = (v: unknown): v is Obj =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Sets a key, including one named `__proto__` (JSON.parse and YAML make such keys). */
function put(o: Obj, k: string, v: unknown): void {
  Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
}

/**
 * The deployment as ECE is making it: a resource's pending plan stands for
 * its current one, so that what an apply started (and ECE is carrying out)
 * is not shown, and sent, again while it runs.
 */
export function asBuilt(d: Deployment): Deployment {
  const resources: Deployment['resources'] = {};
  for (const [kind, list] of Object.entries(d.resources ?? {}) as [
    keyof Deployment['resources'],
    NonNullable<Deployment['resources'][keyof Deployment['resources']]>,
  ][]) {
    resources[kind] = list.map((r) => {
      const pending = r.info?.plan_info?.pending;
      if (!pending || !isObj(pending.plan)) return r;
      return { ...r, info: { ...r.info, plan_info: { ...r.info.plan_info, current: pending } } };
    });
  }
  return { ...d, resources };
}

/** The live deployment as a desired document (no id): what diff compares the file with. */
export function liveDocument(d: Deployment): Obj {
  const payload = updatePayload(asBuilt(d));
  const doc: Obj = { name: payload.name };
  const alias = (d as { alias?: unknown }).alias;
  if (typeof alias === 'string' && alias !== '') doc.alias = alias;
  doc.resources = payload.resources;
  if (payload.settings) doc.settings = payload.settings;
  const tags = (d as { metadata?: { tags?: unknown } }).metadata?.tags;
  if (Array.isArray(tags) && tags.length > 0) doc.metadata = { tags };
  return doc;
}

/**
 * What export writes: the live document with its id first, without what
 * ECE keeps and a file need not say (zero-size topology elements, empty
 * settings). Merged back onto the live document it changes nothing.
 */
export function exportDocument(d: Deployment): Obj {
  const live = liveDocument(d);
  const resources: Record<string, Obj[]> = {};
  for (const [kind, list] of Object.entries(live.resources as Record<string, Obj[]>)) {
    resources[kind] = list.map((r) => {
      const out: Obj = { ...r };
      if (isObj(r.settings) && Object.keys(r.settings).length === 0) delete out.settings;
      if (isObj(r.plan) && Array.isArray(r.plan.cluster_topology))
        out.plan = { ...r.plan, cluster_topology: r.plan.cluster_topology.filter(sized) };
      return out;
    });
  }
  return { id: d.id, ...live, resources };
}

/** A topology element that runs something: a size (or memory per node) above zero. */
export function sized(el: unknown): boolean {
  if (!isObj(el)) return true;
  const size = isObj(el.size) ? el.size.value : undefined;
  const perNode = el.memory_per_node;
  return (typeof size === 'number' && size > 0) || (typeof perNode === 'number' && perNode > 0);
}

/** RFC 7386: objects merge key by key, `null` removes, anything else replaces. */
export function mergePatch(target: unknown, patch: unknown): unknown {
  if (!isObj(patch)) return patch;
  const out: Obj = {};
  if (isObj(target)) for (const [k, v] of Object.entries(target)) put(out, k, v);
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else put(out, k, mergePatch(out[k], v));
  }
  return out;
}

/** A document's fields that apply only when a deployment is created. */
const CREATE_ONLY = ['region', 'version'];
/** Deployment settings an update can change and diff compares. */
const UPDATABLE_SETTINGS = ['observability'];

/**
 * The file merged onto the live document. Without `prune`, a live resource
 * the file leaves out stays; with it, it is left out of the result.
 */
export function merge(live: Obj, file: Obj, prune: boolean): Merged {
  const notes: string[] = [];
  const orphans: string[] = [];
  const doc: Obj = { name: file.name };
  if (file.alias !== undefined ? file.alias !== null : live.alias !== undefined)
    doc.alias = file.alias ?? live.alias;
  for (const k of CREATE_ONLY)
    if (file[k] !== undefined)
      notes.push(
        `${k} applies when the deployment is created; to change it on this one, change the resources' plans`,
      );
  // Resources: by kind in ECE's order, by ref_id within a kind.
  const liveRes = (live.resources ?? {}) as Record<string, Obj[]>;
  const fileRes = (file.resources ?? {}) as Record<string, unknown[]>;
  const kinds = [
    ...KINDS.filter((k) => k in liveRes || k in fileRes),
    ...Object.keys(fileRes).filter((k) => !(KINDS as readonly string[]).includes(k)),
  ];
  const resources: Record<string, Obj[]> = {};
  for (const kind of kinds) {
    const wanted = (fileRes[kind] ?? []).filter(isObj);
    const list: Obj[] = [];
    for (const l of liveRes[kind] ?? []) {
      const f = wanted.find((w) => w.ref_id === l.ref_id);
      if (f) list.push(mergeResource(kind, l, f, notes));
      else {
        orphans.push(`${kind}/${String(l.ref_id)}`);
        if (!prune) list.push(l);
      }
    }
    for (const f of wanted)
      if (!(liveRes[kind] ?? []).some((l) => l.ref_id === f.ref_id)) list.push(withoutIds(f));
    if (list.length > 0) resources[kind] = list;
  }
  doc.resources = resources;
  // Settings: the ones an update changes; the others are a creation's.
  const fileSettings = isObj(file.settings) ? file.settings : {};
  for (const k of Object.keys(fileSettings))
    if (!UPDATABLE_SETTINGS.includes(k))
      notes.push(`settings.${k} applies when the deployment is created; it is not compared`);
  const patch: Obj = {};
  for (const k of UPDATABLE_SETTINGS) if (k in fileSettings) put(patch, k, fileSettings[k]);
  const settings = mergePatch(live.settings ?? {}, patch) as Obj;
  if (Object.keys(settings).length > 0) doc.settings = settings;
  // Metadata: the tags (the rest is ECE's: owner, system_owned, hidden).
  const fileMeta = isObj(file.metadata) ? file.metadata : {};
  for (const k of Object.keys(fileMeta))
    if (k !== 'tags') notes.push(`metadata.${k} is ECE's to set; it is not compared`);
  const tags = 'tags' in fileMeta ? fileMeta.tags : (live.metadata as Obj | undefined)?.tags;
  if (Array.isArray(tags) && tags.length > 0) doc.metadata = { tags };
  return { doc, orphans, notes };
}

/** A resource the file names, merged onto the live one; its plan by the rules of plans. */
function mergeResource(kind: string, live: Obj, file: Obj, notes: string[]): Obj {
  const { plan: filePlan, ...rest } = withoutIds(file);
  const out = mergePatch(live, rest) as Obj;
  if (isObj(filePlan)) out.plan = mergePlan(kind, String(live.ref_id), live.plan, filePlan, notes);
  return out;
}

/** A resource as the file gives it, without the id ECE assigned to it (never the user's to set). */
function withoutIds(r: Obj): Obj {
  const { id: _, info: __, ...rest } = r;
  return rest;
}

type Element = Obj & { id?: unknown; instance_configuration_id?: unknown; size?: unknown };

function mergePlan(kind: string, ref: string, live: unknown, file: Obj, notes: string[]): Obj {
  const { cluster_topology: fileTopology, ...rest } = file;
  const out = mergePatch(live, rest) as Obj;
  const liveTopology = (
    isObj(live) && Array.isArray(live.cluster_topology) ? live.cluster_topology : []
  ) as Element[];
  if (fileTopology === undefined) return out;
  if (!Array.isArray(fileTopology)) {
    out.cluster_topology = fileTopology;
    return out;
  }
  const merged: unknown[] = [...liveTopology];
  const used = new Set<number>();
  fileTopology.forEach((f: unknown, i) => {
    if (!isObj(f)) return;
    const j = matchElement(liveTopology, f as Element, i, used);
    if (j < 0) {
      merged.push(f);
      return;
    }
    used.add(j);
    const l = liveTopology[j] as Element;
    const m = mergePatch(l, f) as Element;
    if (kind === 'elasticsearch' && autoscaled(live, l, out, m) && !same(l.size, m.size)) {
      notes.push(
        `${kind} ${ref} ${label(l, j)}: size ${sizeText(m.size)} not applied: autoscaling is on and sets it (${sizeText(l.size)} now)`,
      );
      if (l.size === undefined) delete m.size;
      else m.size = l.size;
    }
    merged[j] = m;
  });
  out.cluster_topology = merged;
  return out;
}

/**
 * Whether autoscaling sets this element's size: it is on for the element
 * (the plan's autoscaling_enabled or the element's autoscaling_tier_override)
 * both now and in the result, and the element has an autoscaling_max (the
 * data tiers and ML: the elements ECE's autoscaler sizes).
 */
function autoscaled(livePlan: unknown, l: Element, plan: Obj, m: Element): boolean {
  const liveOn =
    (isObj(livePlan) && livePlan.autoscaling_enabled === true) ||
    l.autoscaling_tier_override === true;
  const nextOn = plan.autoscaling_enabled === true || m.autoscaling_tier_override === true;
  return liveOn && nextOn && l.autoscaling_max !== undefined;
}

function matchElement(live: Element[], f: Element, i: number, used: Set<number>): number {
  if (typeof f.id === 'string') return live.findIndex((l) => l.id === f.id);
  if (typeof f.instance_configuration_id === 'string')
    return live.findIndex(
      (l, j) => !used.has(j) && l.instance_configuration_id === f.instance_configuration_id,
    );
  return i < live.length && !used.has(i) ? i : -1;
}

const label = (el: Element, i: number): string =>
  typeof el.id === 'string'
    ? el.id
    : typeof el.instance_configuration_id === 'string'
      ? el.instance_configuration_id
      : `#${i}`;

function sizeText(size: unknown): string {
  const v = isObj(size) ? size.value : undefined;
  if (typeof v !== 'number') return 'unset';
  return v % 1024 === 0 ? `${v / 1024}g` : `${v}m`;
}

/** JSON values equal whatever the order of object keys. */
export function same(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}

export function canonical(v: unknown): string {
  return JSON.stringify(sortKeys(v)) ?? 'undefined';
}

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (!isObj(v)) return v;
  const out: Obj = {};
  for (const k of Object.keys(v).sort()) put(out, k, sortKeys(v[k]));
  return out;
}

/**
 * A document as diff compares it: plans without `transient` (instructions
 * for one change, not state), tags in a fixed order (ECE keeps a set), and
 * no zero-size topology element that the other side lacks.
 */
export function comparable(doc: Obj, other: Obj): Obj {
  const out = structuredClone(doc);
  const otherRes = (other.resources ?? {}) as Record<string, Obj[]>;
  for (const [kind, list] of Object.entries((out.resources ?? {}) as Record<string, Obj[]>)) {
    for (const r of list) {
      if (!isObj(r.plan)) continue;
      delete r.plan.transient;
      const twin = (otherRes[kind] ?? []).find((o) => o.ref_id === r.ref_id);
      const theirs = (
        isObj(twin?.plan) && Array.isArray(twin.plan.cluster_topology)
          ? twin.plan.cluster_topology
          : []
      ) as Element[];
      if (Array.isArray(r.plan.cluster_topology))
        r.plan.cluster_topology = (r.plan.cluster_topology as Element[]).filter(
          (el, i) => sized(el) || matchElement(theirs, el, i, new Set()) >= 0,
        );
    }
  }
  const meta = out.metadata;
  if (isObj(meta) && Array.isArray(meta.tags))
    meta.tags = [...meta.tags].sort((a, b) => (canonical(a) < canonical(b) ? -1 : 1));
  return out;
}

/** The keys that identify the items of a list at `path`, where the list has them. */
function keyOf(path: string, item: unknown, i: number): string {
  if (!isObj(item)) return String(i);
  if (/^resources\.[^.[\]]+$/.test(path) && typeof item.ref_id === 'string') return item.ref_id;
  if (path.endsWith('.cluster_topology')) return label(item as Element, i).replace(/^#/, '');
  return String(i);
}

const keyed = (path: string) =>
  /^resources\.[^.[\]]+$/.test(path) || path.endsWith('.plan.cluster_topology');

/** Every leaf that differs between two documents, in document order. */
export function differences(a: unknown, b: unknown, path = ''): Change[] {
  if (same(a, b)) return [];
  if (isObj(a) && isObj(b)) {
    const keys = [...Object.keys(a), ...Object.keys(b).filter((k) => !(k in a))];
    return keys.flatMap((k) => differences(a[k], b[k], path ? `${path}.${k}` : k));
  }
  if (Array.isArray(a) && Array.isArray(b) && keyed(path)) {
    const left = new Map(a.map((x, i) => [keyOf(path, x, i), x]));
    const right = new Map(b.map((x, i) => [keyOf(path, x, i), x]));
    const keys = [...left.keys(), ...[...right.keys()].filter((k) => !left.has(k))];
    return keys.flatMap((k) => differences(left.get(k), right.get(k), `${path}[${k}]`));
  }
  const change: Change = { path };
  if (a !== undefined) change.old = a;
  if (b !== undefined) change.new = b;
  return [change];
}

/** The resources (`kind/ref_id`) a list of changes touches. */
export function touched(changes: Change[]): string[] {
  const out = new Set<string>();
  const refs = (kind: string, list: unknown) => {
    if (Array.isArray(list))
      for (const r of list)
        if (isObj(r) && typeof r.ref_id === 'string') out.add(`${kind}/${r.ref_id}`);
  };
  for (const c of changes) {
    const m = /^resources\.([^.[\]]+)\[([^\]]+)\]/.exec(c.path);
    if (m) out.add(`${m[1]}/${m[2]}`);
    // A whole kind (or every resource) added or removed.
    const kind = /^resources\.([^.[\]]+)$/.exec(c.path)?.[1];
    if (kind !== undefined) for (const v of [c.old, c.new]) refs(kind, v);
    if (c.path === 'resources')
      for (const v of [c.old, c.new])
        if (isObj(v)) for (const [k, list] of Object.entries(v)) refs(k, list);
  }
  return [...out];
}

/**
 * The create's request_id: a digest of the document (without its id), so a
 * retried apply of the same file asks ECE for the same deployment and never
 * makes a second one. 74 characters (ECE takes 32 to 128).
 */
export function requestIdOf(doc: Obj): string {
  const { id: _, ...rest } = doc;
  return `ece-apply-${createHash('sha256').update(canonical(rest)).digest('hex')}`;
}
