// `ece deployments instances thread-dump`: capture a thread dump of one
// instance (Elasticsearch, Kibana or APM). ECE answers with the dump itself:
// it goes to -O FILE, or to stdout. With --json (and no -O) the API's body
// is printed as it came (the spec's base64 JSON string).

import type { Command } from 'commander';
import { dumpBytes, THREAD_DUMP_KINDS, threadDumpRequest } from '../../../api/dumps.js';
import type { Context } from '../../../context.js';
import { RAW } from '../../../output/raw.js';
import { act, type Contexts } from '../../action.js';
import { showDryRun } from '../../write.js';
import {
  checkWritable,
  type DumpFlags,
  dumpOptions,
  dumpTarget,
  formatBytes,
  toStdout,
  writeFile,
} from './dump.js';

export function register(group: Command, contexts: Contexts): void {
  dumpOptions(
    group
      .command('thread-dump')
      .description('Capture a thread dump of an instance, to a file or stdout'),
    THREAD_DUMP_KINDS,
  )
    .option('-O, --output-file <file>', 'write the dump to this file (default, or -: stdout)')
    .addHelpText(
      'after',
      `
Examples:
  $ ece deployments instances thread-dump prod-logs --instance instance-0000000001 > threads.txt
  $ ece deployments instances thread-dump prod-logs --kind kibana -O kibana-threads.txt`,
    )
    .action(act(contexts, (ctx, ref: string, flags: DumpFlags) => run(ref, flags, ctx)));
}

export async function run(ref: string, flags: DumpFlags, ctx: Context): Promise<void> {
  if (!toStdout(flags.outputFile)) checkWritable(flags.outputFile ?? '');
  const api = await ctx.api();
  const { d, r, instance } = await dumpTarget(api, ref, flags, THREAD_DUMP_KINDS, 'thread dumps');
  const write = threadDumpRequest(d.id, r.kind, r.refId, instance);
  if (showDryRun(ctx, api, write)) return;
  const res = await api.request(write);
  const renderer = await ctx.renderer();
  if (toStdout(flags.outputFile) && renderer.raw) {
    await renderer.body(res, RAW);
    return;
  }
  const dump = dumpBytes(res);
  if (toStdout(flags.outputFile)) {
    if (dump.length > 0) ctx.io.stdout.write(dump);
    return;
  }
  const file = flags.outputFile ?? '';
  writeFile(file, dump);
  ctx.io.stderr.write(
    `Wrote the thread dump of ${r.kind} ${r.refId} ${instance} to ${file} (${formatBytes(dump.length)}).\n`,
  );
}
