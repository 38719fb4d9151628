// `ece deployments instances heap-dump`: capture a heap dump of one
// Elasticsearch instance and download it. The capture answers 202 and runs
// in the background; GET /deployments/{id}/heap_dumps is polled until the
// instance's dump differs from the one listed before the capture (ECE keeps
// one per instance) and is no longer in progress; then the dump streams to
// -O FILE, with progress on a terminal. --wait-timeout bounds the whole run
// (exit 8). --no-capture downloads the dump the instance has (one captured
// on OutOfMemoryError, say) without capturing a new one.

import { parseBody } from '../../../api/body.js';
import type { ApiClient, BodySink, RequestOptions } from '../../../api/client.js';
import {
  Base64JsonDecoder,
  type DeploymentHeapDumps,
  findHeapDump,
  HEAP_DUMP_KINDS,
  type HeapDump,
  heapDumpCaptureRequest,
  heapDumpDownloadRequest,
  listHeapDumps,
  NotBase64,
} from '../../../api/dumps.js';
import { backoff, POLL_SCHEDULE, untilDeadline } from '../../../api/retry.js';
import type { Context } from '../../../context.js';
import { formatDuration } from '../../../duration.js';
import {
  CliError,
  ExitCode,
  InterruptedError,
  ResponseError,
  UsageError,
  WaitTimeoutError,
} from '../../../errors.js';
import type { AtomicFile } from '../../../localfile.js';
import { defineVerb } from '../../run/types.js';
import { DEFAULT_WAIT_TIMEOUT, waitTimeoutMs } from '../../run/wait-flags.js';
import {
  checkWritable,
  DUMP_ARGS,
  type DumpFlags,
  dumpFile,
  dumpOptions,
  dumpTarget,
  formatBytes,
  toStdout,
} from './dump.js';

export interface HeapDumpFlags extends DumpFlags {
  capture?: boolean;
  waitTimeout?: string;
}

export const verb = defineVerb<HeapDumpFlags>({
  // It pauses the JVM while ECE captures the dump, and replaces the dump ECE kept.
  effect: 'write',
  args: DUMP_ARGS,
  options: [
    ...dumpOptions(HEAP_DUMP_KINDS),
    {
      flags: '-O, --output-file <file>',
      description: 'where to write the dump (-: stdout, when piped)',
      required: true,
    },
    {
      flags: '--no-capture',
      description: 'download the dump the instance already has; capture none',
    },
    {
      flags: '--wait-timeout <duration>',
      description: 'give up after this long, download included (exit 8)',
      default: DEFAULT_WAIT_TIMEOUT,
    },
  ],
  description: `Heap dumps exist for Elasticsearch only (ECE lists heap dumps of JVM
resources). The JVM pauses while ECE captures the dump, and ECE keeps one
dump per instance. A heap dump holds the instance's memory unredacted,
secrets included: the file is created readable by you only (0600).`,
  examples: [
    'ece deployments instances heap-dump prod-logs --instance instance-0000000001 -O es-1.hprof',
    'ece deployments instances heap-dump prod-logs --instance instance-0000000001 --no-capture -O oom.hprof',
    'ece deployments instances heap-dump prod-logs --instance instance-0000000001 -O - | gzip > es-1.hprof.gz',
  ],
  async plan(flags, ctx) {
    const started = Date.now();
    const timeoutMs = waitTimeoutMs({ ...flags, wait: true });
    const deadline = started + timeoutMs;
    if (toStdout(flags.outputFile) && ctx.io.stdoutIsTTY)
      throw new UsageError('a heap dump is binary: give -O FILE, or pipe stdout');
    if (!toStdout(flags.outputFile)) checkWritable(flags.outputFile ?? '');
    const api = await ctx.api();
    const { d, r, instance } = await dumpTarget(
      api,
      flags.deployment,
      flags,
      HEAP_DUMP_KINDS,
      'heap dumps',
    );
    const what = `${r.kind} ${r.refId} ${instance}`;
    const download = heapDumpDownloadRequest(d.id, r.kind, r.refId, instance);
    let size = 0;
    const fetch = async () => {
      size = await downloadTo(ctx, api, download, flags.outputFile, { deadline, timeoutMs, what });
      return [];
    };
    const done = toStdout(flags.outputFile)
      ? undefined
      : () =>
          `Wrote the heap dump of ${what} to ${flags.outputFile} (${formatBytes(size)}) in ${formatDuration(Date.now() - started)}.`;
    // --no-capture: the download is what a dry run shows.
    if (flags.capture === false) return { writes: [download], send: fetch, done };
    const before = await dumpOf(api, d.id, r.kind, r.refId, instance);
    const capture = heapDumpCaptureRequest(d.id, r.kind, r.refId, instance);
    return {
      writes: [capture],
      send: async () => {
        await api.request(capture);
        ctx.io.stderr.write(`Capturing a heap dump of ${what} in deployment ${d.label}…\n`);
        await untilReady(ctx, api, d.id, r.kind, r.refId, instance, before, deadline);
        return fetch();
      },
      done,
    };
  },
});

/** The dump streamed to the file (or stdout); its size. A download cut short by the deadline is exit 8. */
async function downloadTo(
  ctx: Context,
  api: ApiClient,
  download: RequestOptions,
  file: string | undefined,
  o: { deadline: number; timeoutMs: number; what: string },
): Promise<number> {
  const sink = new DumpSink(ctx, file);
  try {
    await api.request({
      ...download,
      sink,
      retry: false,
      timeoutMs: Math.max(1, o.deadline - Date.now()),
    });
  } catch (err) {
    sink.abandon();
    if (err instanceof CliError && err.exitCode === ExitCode.NETWORK && Date.now() >= o.deadline)
      throw new WaitTimeoutError(
        `the download of the heap dump of ${o.what} did not end within ${formatDuration(o.timeoutMs)}`,
      );
    throw err;
  }
  return sink.finish();
}

async function dumpOf(
  api: ApiClient,
  id: string,
  kind: string,
  refId: string,
  instance: string,
  deadline?: number,
): Promise<HeapDump | undefined> {
  const body = parseBody<DeploymentHeapDumps>(await listHeapDumps(api, id, deadline));
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
  const late = () => {
    const err = new WaitTimeoutError(`the heap dump of ${what} was not ready in time`);
    err.hints.push(
      'ECE goes on capturing it: download it later with --no-capture (it keeps one dump per instance)',
    );
    return err;
  };
  for (let n = 0; ; n++) {
    const dump = await dumpOf(api, id, kind, refId, instance, deadline).catch((err: unknown) => {
      // A read the deadline cut short is the wait's end, not a network fault.
      if (err instanceof CliError && err.exitCode === ExitCode.NETWORK && Date.now() >= deadline)
        throw late();
      throw err;
    });
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
    if (left <= 0) throw late();
    try {
      // Between two reads of the list: the pollers' schedule (from half a second up to 5 s).
      await api.pause(untilDeadline(backoff(n + 1, POLL_SCHEDULE), deadline), ctx.signal);
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
 * base64, is decoded as it streams (Base64JsonDecoder): memory stays flat
 * whatever the dump's size or encoding. Never throws while streaming (the
 * transport would take it for a network fault): an error is kept and thrown
 * by finish().
 */
class DumpSink implements BodySink {
  /** JSON: undecided until the first byte that is not whitespace. */
  private mode: 'raw' | 'json' | 'undecided' = 'raw';
  private lead: Buffer[] = [];
  private decoder: Base64JsonDecoder | undefined;
  private out: AtomicFile | undefined;
  private failed: unknown;
  private total: number | undefined;
  private received = 0;
  private written = 0;
  private shown = 0;
  constructor(
    private readonly ctx: Context,
    private readonly file: string | undefined,
  ) {}

  start(_status: number, headers: Record<string, string>): void {
    this.mode = (headers['content-type'] ?? '').includes('json') ? 'undecided' : 'raw';
    const n = Number(headers['content-length']);
    this.total = Number.isFinite(n) && n > 0 ? n : undefined;
    if (!toStdout(this.file))
      this.guard(() => {
        this.out = dumpFile(this.file ?? '');
      });
  }

  write(chunk: Buffer): void {
    this.received += chunk.length;
    this.guard(() => this.take(chunk));
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
    this.guard(() => {
      if (this.mode === 'undecided') this.emit(Buffer.concat(this.lead));
      this.decoder?.end();
    });
    if (this.failed) {
      this.out?.abort();
      throw this.failed;
    }
    return this.out ? this.out.commit() : this.written;
  }

  private take(chunk: Buffer): void {
    if (this.mode === 'undecided') {
      const at = chunk.findIndex((b) => b !== 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d);
      if (at < 0) {
        this.lead.push(chunk);
        return;
      }
      // A JSON string is the spec's base64; any other JSON is taken as the dump's own bytes.
      const whole = Buffer.concat([...this.lead, chunk]);
      this.lead = [];
      if (chunk[at] === 0x22) {
        this.mode = 'json';
        this.decoder = new Base64JsonDecoder((b) => this.emit(b));
      } else this.mode = 'raw';
      this.take(whole);
      return;
    }
    if (this.decoder) {
      try {
        this.decoder.write(chunk);
      } catch (err) {
        if (err instanceof NotBase64)
          throw new ResponseError(
            'the heap dump came as a JSON string that is not base64; nothing was written',
          );
        throw err;
      }
    } else this.emit(chunk);
  }

  private emit(bytes: Buffer): void {
    if (bytes.length === 0) return;
    this.written += bytes.length;
    if (this.out) this.out.write(bytes);
    else this.ctx.io.stdout.write(bytes);
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
