// What thread-dump and heap-dump share: the options that choose one instance
// (--kind, --ref-id, --instance), and writing the dump to -O FILE or stdout.
// -O, not -o: -o is the global output format.

import { accessSync, constants, statSync } from 'node:fs';
import { dirname } from 'node:path';
import type { ApiClient } from '../../../api/client.js';
import { KINDS } from '../../../api/kinds.js';
import { UsageError } from '../../../errors.js';
import { AtomicFile, writeFileAtomic } from '../../../localfile.js';
import type { ArgSpec, OptionSpec } from '../../run/types.js';
import { resolveDeployment } from '../resolve.js';
import {
  checkKind,
  type InstancesDeployment,
  type InstancesResource,
  oneInstance,
  pickResource,
  readInstances,
} from './common.js';

export interface DumpFlags {
  deployment: string;
  kind?: string;
  refId?: string;
  instance?: string;
  outputFile?: string;
}

export const DUMP_ARGS: ArgSpec[] = [
  { name: 'deployment', description: 'deployment id or exact name' },
];

export function dumpOptions(kinds: readonly string[]): OptionSpec[] {
  return [
    {
      flags: '--kind <kind>',
      description: `resource kind: ${kinds.join(', ')}`,
      default: 'elasticsearch',
    },
    {
      flags: '--ref-id <ref-id>',
      description: 'which resource of that kind (needed only when there are several)',
    },
    {
      flags: '--instance <name>',
      description: 'the instance (needed only when the resource has several)',
    },
  ];
}

export interface DumpTarget {
  d: InstancesDeployment;
  r: InstancesResource;
  instance: string;
}

/** The deployment, resource and instance, each checked against what ECE reports. */
export async function dumpTarget(
  api: ApiClient,
  ref: string,
  flags: DumpFlags,
  kinds: readonly string[],
  what: string,
): Promise<DumpTarget> {
  const kind = flags.kind ?? 'elasticsearch';
  if ((KINDS as readonly string[]).includes(kind) && !kinds.includes(kind))
    throw new UsageError(`${what} exist for ${kinds.join(', ')} only, not ${kind}`);
  checkKind(kind, kinds);
  const { id } = await resolveDeployment(api, ref);
  const d = await readInstances(api, id);
  const r = pickResource(d, kind, flags.refId);
  return { d, r, instance: oneInstance(d, r, flags.instance) };
}

/** `-` (or nothing) is stdout. */
export const toStdout = (file: string | undefined) => file === undefined || file === '-';

/**
 * A dump file, written whole or not at all through the one writer of local
 * files (src/localfile.ts: a random temporary name beside it, O_EXCL,
 * 0600 — a dump may hold secrets — then renamed). A file that cannot be
 * written is a usage error.
 */
export const dumpFile = (file: string): AtomicFile => new AtomicFile(file, cannotWrite);

/** The whole dump to `file`; its size. */
export function writeFile(file: string, data: Uint8Array): number {
  return writeFileAtomic(file, data, cannotWrite);
}

function cannotWrite(err: unknown, file: string): UsageError {
  const code = (err as NodeJS.ErrnoException).code ?? (err as Error).message;
  const why: Record<string, string> = {
    EISDIR: 'it is a directory',
    ENOENT: 'no such directory',
    ENOTDIR: 'a part of the path is not a directory',
    EACCES: 'permission denied',
    EROFS: 'read-only file system',
    ENOSPC: 'no space left on the device',
  };
  return new UsageError(`cannot write ${file}: ${why[code] ?? code}`);
}

/**
 * Before anything is captured (a heap dump pauses the JVM): a file that
 * could not be written is a usage error now, not after the capture.
 */
export function checkWritable(file: string): void {
  try {
    if (statSync(file, { throwIfNoEntry: false })?.isDirectory())
      throw Object.assign(new Error('EISDIR'), { code: 'EISDIR' });
    accessSync(dirname(file), constants.W_OK);
  } catch (err) {
    throw cannotWrite(err, file);
  }
}

/** 1234567 → `1.2 MB`. */
export function formatBytes(n: number): string {
  if (n < 1000) return `${n} B`;
  const units = ['kB', 'MB', 'GB', 'TB'];
  let v = n;
  let u = -1;
  while (v >= 1000 && u < units.length - 1) {
    v /= 1000;
    u++;
  }
  return `${v.toFixed(1)} ${units[u]}`;
}
