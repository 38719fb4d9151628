// `ece deployments instances heap-dump`: capture a heap dump of one
// Elasticsearch instance and download it. The capture answers 202 and runs
// in the background; GET /deployments/{id}/heap_dumps is polled until the
// instance's dump differs from the one listed before the capture (ECE keeps
// one per instance) and is no longer in progress; then the dump streams to
// -O FILE, with progress on a terminal. --wait-timeout bounds the whole run
// (exit 8). --no-capture downloads the dump the instance has (one captured
// on OutOfMemoryError, say) without capturing a new one.

import type { Command } from 'commander';
import { parseBody } from '../../../api/body.js';
import type { ApiClient, BodySink } from '../../../api/client.js';
import {
  type DeploymentHeapDumps,
  dumpBytes,
  findHeapDump,
  HEAP_DUMP_KINDS,
  type HeapDump,
  heapDumpCaptureRequest,
  heapDumpDownloadRequest,
  listHeapDumps,
} from '../../../api/dumps.js';
import type { Context } from '../../../context.js';
import { formatDuration } from '../../../duration.js';
import {
  CliError,
  ExitCode,
  InterruptedError,
  UsageError,
  WaitTimeoutError,
} from '../../../errors.js';
import { act, type Contexts } from '../../action.js';
import { showDryRun } from '../../write.js';
import { DEFAULT_WAIT_TIMEOUT, waitTimeoutMs } from '../wait.js';
import {
  AtomicFile,
  checkWritable,
  type DumpFlags,
  dumpOptions,
  dumpTarget,
  formatBytes,
  toStdout,
  writeFile,
} from './dump.js';

export interface HeapDumpFlags extends DumpFlags {
  capture?: boolean;
  waitTimeout?: string;
}

/** Between two reads of the heap dump list: from half a second, doubling up to 5 s. */
export const pollDelay = (n: number) => Math.min(500 * 2 ** n, 5_000);

export function register(group: Command, contexts: Contexts): void {
  dumpOptions(
    group
      .command('heap-dump')
      .description('Capture a heap dump of an Elasticsearch instance and download it to a file'),
    HEAP_DUMP_KINDS,
  )
    .requiredOption('-O, --output-file <file>', 'where to write the dump (-: stdout, when piped)')
    .option('--no-capture', 'download the dump the instance already has; capture none')
    .option(
      '--wait-timeout <duration>',
      'give up after this long, download included (exit 8)',
      DEFAULT_WAIT_TIMEOUT,
    )
    .addHelpText(
      'after',
      `
Heap dumps exist for Elasticsearch only (ECE lists heap dumps of JVM
resources). The JVM pauses while ECE captures the dump, and ECE keeps one
dump per instance. A heap dump holds the instance's memory unredacted,
secrets included: the file is created readable by you only (0600).

Examples:
  $ ece deployments instances heap-dump prod-logs --instance instance-0000000001 -O es-1.hprof
  $ ece deployments instances heap-dump prod-logs --instance instance-0000000001 --no-capture -O oom.hprof
  $ ece deployments instances heap-dump prod-logs --instance instance-0000000001 -O - | gzip > es-1.hprof.gz`,
    )
    .action(act(contexts, (ctx, ref: string, flags: HeapDumpFlags) => run(ref, flags, ctx)));
}

export async function run(ref: string, flags: HeapDumpFlags, ctx: Context): Promise<void> {
  const started = Date.now();
  const timeoutMs = waitTimeoutMs({ ...flags, wait: true });
  const deadline = started + timeoutMs;
  if (toStdout(flags.outputFile) && ctx.io.stdoutIsTTY)
    throw new UsageError('a heap dump is binary: give -O FILE, or pipe stdout');
  if (!toStdout(flags.outputFile)) checkWritable(flags.outputFile);
  const api = await ctx.api();
  const { d, r, instance } = await dumpTarget(api, ref, flags, HEAP_DUMP_KINDS, 'heap dumps');
  const what = `${r.kind} ${r.refId} ${instance}`;
  const download = heapDumpDownloadRequest(d.id, r.kind, r.refId, instance);
  if (flags.capture === false) {
    if (showDryRun(ctx, api, download)) return;
  } else {
    const before = await dumpOf(api, d.id, r.kind, r.refId, instance);
    const capture = heapDumpCaptureRequest(d.id, r.kind, r.refId, instance);
    if (showDryRun(ctx, api, capture)) return;
    await api.request(capture);
    ctx.io.stderr.write(`Capturing a heap dump of ${what} in deployment ${d.label}…\n`);
    await untilReady(ctx, api, d.id, r.kind, r.refId, instance, before, deadline);
  }
  const sink = new DumpSink(ctx, flags.outputFile);
  try {
    await api.request({
      ...download,
      sink,
      retry: false,
      timeoutMs: Math.max(1, deadline - Date.now()),
    });
  } catch (err) {
    sink.abandon();
    if (err instanceof CliError && err.exitCode === ExitCode.NETWORK && Date.now() >= deadline)
      throw new WaitTimeoutError(
        `the download of the heap dump of ${what} did not end within ${formatDuration(timeoutMs)}`,
      );
    throw err;
  }
  const size = sink.finish();
  if (!toStdout(flags.outputFile))
    ctx.io.stderr.write(
      `Wrote the heap dump of ${what} to ${flags.outputFile} (${formatBytes(size)}) in ${formatDuration(Date.now() - started)}.\n`,
    );
}

async function dumpOf(
  api: ApiClient,
  id: string,
  kind: string,
  refId: string,
  instance: string,
): Promise<HeapDump | undefined> {
  const body = parseBody<DeploymentHeapDumps>(await listHeapDumps(api, id));
  return findHeapDump(body, kind, refId, instance);
}

const IN_PROGRESS = /captur|progress|pending|running|started|queued/i;
const FAILED = /fail|error/i;

/** Polls the list until the instance's dump is a new one that is done; exit 8 at the deadline. */
async function untilReady(
  ctx: Context,
  api: ApiClient,
  id: string,
  kind: string,
  refId: string,
  instance: string,
  before: HeapDump | undefined,
  deadline: number,
): Promise<HeapDump> {
  const what = `${kind} ${refId} ${instance}`;
  let last = '';
  for (let n = 0; ; n++) {
    const dump = await dumpOf(api, id, kind, refId, instance);
    const fresh = dump !== undefined && (before === undefined || dump.captured !== before.captured);
    const status = dump?.status ?? '';
    if (fresh && (dump.error || FAILED.test(status)))
      throw new CliError(
        `the heap dump of ${what} failed${dump.error ? `: ${dump.error}` : ` (${status})`}`,
      );
    if (fresh && !IN_PROGRESS.test(status)) return dump;
    if (fresh && status !== last && ctx.io.stderrIsTTY) ctx.io.stderr.write(`  ${status}\n`);
    if (fresh) last = status;
    const left = deadline - Date.now();
    if (left <= 0) {
      const err = new WaitTimeoutError(`the heap dump of ${what} was not ready in time`);
      err.hints.push(
        'ECE goes on capturing it: download it later with --no-capture (it keeps one dump per instance)',
      );
      throw err;
    }
    try {
      await api.pause(Math.min(pollDelay(n), left), ctx.signal);
    } catch (err) {
      if (err instanceof InterruptedError)
        throw new InterruptedError('stopped waiting; ECE goes on capturing the heap dump');
      throw err;
    }
  }
}

/**
 * The download's bytes to the file (or stdout) as they arrive, with a
 * progress line on a terminal. The spec's form of the body, a JSON string of
 * base64, is kept and decoded at the end. Never throws while streaming (the
 * transport would take it for a network fault): a write error is kept and
 * thrown by finish().
 */
class DumpSink implements BodySink {
  private json = false;
  private kept: Buffer[] = [];
  private out: AtomicFile | undefined;
  private failed: unknown;
  private total: number | undefined;
  private received = 0;
  private shown = 0;
  constructor(
    private readonly ctx: Context,
    private readonly file: string | undefined,
  ) {}

  start(_status: number, headers: Record<string, string>): void {
    this.json = (headers['content-type'] ?? '').includes('json');
    const n = Number(headers['content-length']);
    this.total = Number.isFinite(n) && n > 0 ? n : undefined;
    if (!this.json && !toStdout(this.file))
      this.guard(() => {
        this.out = new AtomicFile(this.file ?? '');
      });
  }

  write(chunk: Buffer): void {
    this.received += chunk.length;
    if (this.json) this.kept.push(chunk);
    else if (toStdout(this.file)) this.ctx.io.stdout.write(chunk);
    else this.guard(() => this.out?.write(chunk));
    if (this.ctx.io.stderrIsTTY && Date.now() - this.shown > 200) {
      this.shown = Date.now();
      const of = this.total ? ` of ${formatBytes(this.total)}` : '';
      this.ctx.io.stderr.write(`\r  downloaded ${formatBytes(this.received)}${of}`);
    }
  }

  abandon(): void {
    this.out?.abort();
    if (this.shown) this.ctx.io.stderr.write('\n');
  }

  /** Ends the file; the number of bytes of the dump. */
  finish(): number {
    if (this.shown) this.ctx.io.stderr.write('\n');
    if (this.failed) {
      this.out?.abort();
      throw this.failed;
    }
    if (!this.json) return this.out ? this.out.commit() : this.received;
    const body = Buffer.concat(this.kept);
    const dump = dumpBytes({
      status: 200,
      headers: { 'content-type': 'application/json' },
      text: body.toString('utf8'),
      bytes: body,
      url: '',
    });
    if (!toStdout(this.file)) return writeFile(this.file ?? '', dump);
    if (dump.length) this.ctx.io.stdout.write(dump);
    return dump.length;
  }

  private guard(fn: () => void): void {
    if (this.failed) return;
    try {
      fn();
    } catch (err) {
      this.failed = err;
    }
  }
}
