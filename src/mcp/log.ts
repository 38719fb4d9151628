// The record of every tool call: one JSON line each — time, tool, arguments,
// outcome, exit code, and the error's first line — on stderr (which an MCP
// client keeps in its server log) or, with --log FILE, appended to a file
// made 0600 by the one writer's rules (localfile.ts). Every secret the run
// knows is masked, as in everything else it writes.

import { closeSync, writeSync } from 'node:fs';
import type { Context } from '../context.js';
import { CliError } from '../errors.js';
import { openPrivateLog } from '../localfile.js';
import type { Outcome } from './call.js';

export interface CallLog {
  write(entry: { tool: string; args: unknown; outcome: Outcome }): void;
  close(): void;
}

export function callLog(ctx: Context, file: string | undefined, now = () => new Date()): CallLog {
  const fd =
    file === undefined
      ? undefined
      : openPrivateLog(
          file,
          (err) =>
            new CliError(
              `cannot open the log ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`,
            ),
        );
  return {
    write({ tool, args, outcome }) {
      const line = JSON.stringify({
        time: now().toISOString(),
        tool,
        arguments: args,
        outcome: outcome.outcome,
        exit: outcome.exit,
        ...(outcome.outcome === 'ok' ? {} : { message: outcome.text.split('\n')[0] }),
      });
      const masked = ctx.secrets.mask(line, false);
      if (fd === undefined) ctx.io.stderr.write(`${masked}\n`);
      else writeSync(fd, `${masked}\n`);
    },
    close() {
      if (fd !== undefined) closeSync(fd);
    },
  };
}
