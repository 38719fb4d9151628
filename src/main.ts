// Process entry: real streams, Ctrl-C, SIGTERM, broken pipes, and the exit code.

import { ExitCode } from './errors.js';
import { removeTemporaryFiles } from './localfile.js';
import { systemIO } from './output/iostreams.js';

/** Runs the command line (bin/ece.js has already answered `--version`). */
export async function start(): Promise<void> {
  const argv = process.argv.slice(2);
  const controller = new AbortController();
  let interrupted = false;
  const interrupt = () => {
    // A second Ctrl-C ends at once, whatever is still running.
    if (interrupted) process.exit(ExitCode.INTERRUPTED);
    interrupted = true;
    controller.abort();
  };
  process.on('SIGINT', interrupt);
  // SIGTERM (a CI job cancelled, systemd, kill) ends the run at once: what
  // is in flight is dropped (a plan goes on in ECE, as after Ctrl-C), a
  // half-written file is removed, and the exit code says why (128 + 15).
  let serving = false;
  process.on('SIGTERM', () => {
    // A server (`ece sandbox`) stops cleanly, as on Ctrl-C.
    if (serving) return interrupt();
    removeTemporaryFiles();
    process.stderr.write('error: terminated\n');
    process.exit(ExitCode.TERMINATED);
  });
  // A promise that never settles would let Node exit 0 with nothing done.
  let finished = false;
  process.on('beforeExit', () => {
    if (finished) return;
    finished = true;
    process.stderr.write(
      'error: unexpected internal error: the command stopped before it finished\n',
    );
    process.exitCode = ExitCode.ERROR;
  });
  const { main } = await import('./cli.js');
  const code = await main(argv, {
    io: systemIO(),
    env: process.env,
    signal: controller.signal,
    serveUntilStopped: () => {
      serving = true;
    },
  });
  finished = true;
  process.exitCode = code;
  // Nothing should keep the process alive now; if something does (a keychain
  // call that never answered), leave anyway once output has had time to drain.
  setTimeout(() => process.exit(code), 2_000).unref();
}
