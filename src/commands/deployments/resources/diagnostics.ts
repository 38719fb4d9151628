// `ece deployments resource diagnostics`: capture a diagnostics bundle of an
// Elasticsearch or Kibana resource (POST …/diagnostics/_capture answers with
// the zip itself) and write it to -O FILE through the one writer of local
// files (whole or not at all, 0600: a bundle may hold cluster details), or to
// stdout with -O - when piped. An existing file is never replaced without
// --force. The capture makes the cluster do work, so it is a write: --dry-run
// shows it without running it.

import { existsSync } from 'node:fs';
import { dumpBytes } from '../../../api/dumps.js';
import { DIAGNOSTICS_KINDS, diagnosticsRequest } from '../../../api/resources.js';
import { UsageError } from '../../../errors.js';
import { defineVerb } from '../../run/types.js';
import { checkWritable, formatBytes, toStdout, writeFile } from '../instances/dump.js';
import { oneResource } from '../resource.js';
import { DEPLOYMENT_ARG, REF_ID_OPTION } from './common.js';

/** A capture collects from every node: far longer than an ordinary request. */
export const CAPTURE_TIMEOUT_MS = 10 * 60_000;

interface Input {
  deployment: string;
  kind: string;
  refId?: string;
  outputFile: string;
  mode?: 'full' | 'light';
  force?: boolean;
}

export const verb = defineVerb<Input>({
  effect: 'write',
  args: [DEPLOYMENT_ARG],
  options: [
    {
      flags: '--kind <kind>',
      description: `resource kind: ${DIAGNOSTICS_KINDS.join(', ')}`,
      default: 'elasticsearch',
    },
    REF_ID_OPTION,
    {
      flags: '-O, --output-file <file>',
      description: 'where to write the bundle (a zip; -: stdout, when piped)',
      required: true,
    },
    {
      flags: '--mode <mode>',
      description: "Elasticsearch: full (ECE's default) or light (the essentials only)",
    },
    { flags: '--force', description: 'replace the file if it exists' },
  ],
  description: `The resource must be running (ECE answers 412 for a stopped or initialising
one: exit 1). The request may take minutes: its deadline is 10 minutes, or
--timeout when longer. Nothing is printed on stdout but the bundle with -O -.`,
  examples: [
    'ece deployments resource diagnostics prod-logs -O prod-logs-diag.zip',
    'ece deployments resource diagnostics prod-logs --kind kibana --mode light -O - > kibana-diag.zip',
  ],
  input(raw) {
    const input = raw as unknown as Input;
    if (!(DIAGNOSTICS_KINDS as readonly string[]).includes(input.kind))
      throw new UsageError(
        `diagnostics exist for ${DIAGNOSTICS_KINDS.join(' and ')} only, not ${input.kind}`,
      );
    if (input.mode !== undefined && input.mode !== 'full' && input.mode !== 'light')
      throw new UsageError(`invalid --mode "${input.mode}": use full or light`);
    if (input.mode !== undefined && input.kind !== 'elasticsearch')
      throw new UsageError('--mode is for --kind elasticsearch; ECE ignores it for kibana');
    return input;
  },
  async plan(input, ctx) {
    const file = input.outputFile;
    const stdout = toStdout(file);
    if (stdout && ctx.io.stdoutIsTTY)
      throw new UsageError('a diagnostics bundle is a zip: give -O FILE, or pipe stdout');
    const refuse = () => {
      if (!stdout && !input.force && existsSync(file))
        throw new UsageError(`${file} exists: pass --force to replace it`);
    };
    refuse();
    if (!stdout) checkWritable(file);
    const t = await oneResource(ctx, input.deployment, input.kind, input.refId);
    let size = 0;
    return {
      writes: [
        diagnosticsRequest(t.id, t.kind, t.refId, {
          mode: input.mode,
          timeoutMs: Math.max(CAPTURE_TIMEOUT_MS, ctx.timeoutMs()),
        }),
      ],
      output: ([res]) => {
        const bundle = res ? dumpBytes(res) : Buffer.alloc(0);
        size = bundle.length;
        if (stdout) ctx.io.stdout.write(bundle);
        else {
          // A file made while the capture ran is not replaced either.
          refuse();
          writeFile(file, bundle);
        }
        return null;
      },
      done: stdout
        ? undefined
        : () => `Wrote the diagnostics of ${t.label} to ${file} (${formatBytes(size)}).`,
    };
  },
});
