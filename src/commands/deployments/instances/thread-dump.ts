// `ece deployments instances thread-dump`: capture a thread dump of one
// instance (Elasticsearch, Kibana or APM). ECE answers with the dump itself:
// it goes to -O FILE, or to stdout. With --json (and no -O) the API's body
// is printed as it came (the spec's base64 JSON string).

import type { ApiResponse } from '../../../api/body.js';
import { dumpBytes, THREAD_DUMP_KINDS, threadDumpRequest } from '../../../api/dumps.js';
import { defineVerb } from '../../run/types.js';
import {
  checkWritable,
  DUMP_ARGS,
  type DumpFlags,
  dumpOptions,
  dumpTarget,
  formatBytes,
  toStdout,
  writeFile,
} from './dump.js';

export const verb = defineVerb<DumpFlags>({
  // A capture changes nothing of the deployment, but it is a POST that makes the JVM work.
  effect: 'write',
  args: DUMP_ARGS,
  options: [
    ...dumpOptions(THREAD_DUMP_KINDS),
    {
      flags: '-O, --output-file <file>',
      description: 'write the dump to this file (default, or -: stdout)',
    },
  ],
  examples: [
    'ece deployments instances thread-dump prod-logs --instance instance-0000000001 > threads.txt',
    'ece deployments instances thread-dump prod-logs --kind kibana -O kibana-threads.txt',
  ],
  input(raw) {
    const input = raw as unknown as DumpFlags;
    if (!toStdout(input.outputFile)) checkWritable(input.outputFile ?? '');
    return input;
  },
  async plan(input, ctx) {
    const api = await ctx.api();
    const { d, r, instance } = await dumpTarget(
      api,
      input.deployment,
      input,
      THREAD_DUMP_KINDS,
      'thread dumps',
    );
    const write = threadDumpRequest(d.id, r.kind, r.refId, instance);
    if (toStdout(input.outputFile))
      return {
        writes: [write],
        // The API's body (base64 JSON) for --json; the dump itself otherwise.
        output: (sent) => ({
          body: sent[0] as ApiResponse,
          print: (_renderer, io) => {
            const dump = dumpBytes(sent[0] as ApiResponse);
            if (dump.length > 0) io.stdout.write(dump);
          },
        }),
      };
    const file = input.outputFile ?? '';
    let size = 0;
    return {
      writes: [write],
      // To a file: nothing on stdout, whatever the format.
      send: async (client) => {
        size = writeFile(file, dumpBytes(await client.request(write)));
        return [];
      },
      done: () =>
        `Wrote the thread dump of ${r.kind} ${r.refId} ${instance} to ${file} (${formatBytes(size)}).`,
    };
  },
});
