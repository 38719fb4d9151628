// Questions on the terminal: plain and hidden input, and confirmations.
// Prompts are written to stderr; without a terminal on stdin they are never
// shown — callers fail fast with a usage error instead of waiting.

import { InterruptedError, UsageError } from '../errors.js';
import type { IOStreams, MaskedIO } from './iostreams.js';

export function canPrompt(io: IOStreams): boolean {
  return io.stdinIsTTY && io.stderrIsTTY;
}

/** Reads one line from the terminal; with `hidden`, nothing typed is echoed. */
export function ask(
  io: IOStreams,
  question: string,
  opts: { hidden?: boolean } = {},
): Promise<string> {
  if (!canPrompt(io)) throw new UsageError(`cannot ask "${question.trim()}" without a terminal`);
  const stdin = io.stdin as NodeJS.ReadStream;
  // The echo draws (backspace, erase): past the stderr sanitiser; the question is ours.
  const stderr = (io as Partial<MaskedIO>).rawStderr ?? io.stderr;
  stderr.write(question);
  return new Promise((resolve, reject) => {
    // An input that has ended (the terminal went away) gives no answer, rather than a wait forever.
    if ((stdin as { readableEnded?: boolean }).readableEnded) {
      stderr.write('\n');
      return reject(new UsageError('no answer given'));
    }
    let answer = '';
    const wasRaw = stdin.isRaw === true;
    stdin.setRawMode?.(true);
    stdin.setEncoding('utf8');
    stdin.resume();
    const done = (err?: Error) => {
      stdin.removeListener('data', onData);
      stdin.removeListener('end', onEnd);
      stdin.setRawMode?.(wasRaw);
      stdin.pause();
      stderr.write('\n');
      if (err) reject(err);
      else resolve(answer);
    };
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n') return done();
        if (ch === '\u0003') return done(new InterruptedError());
        if (ch === '\u0004') {
          if (answer === '') return done(new UsageError('no answer given'));
          return done();
        }
        if (ch === '\u007f' || ch === '\b') {
          if (answer.length > 0) {
            answer = [...answer].slice(0, -1).join('');
            if (!opts.hidden) stderr.write('\b \b');
          }
          continue;
        }
        if (ch === '\u0015') {
          // Ctrl-U: clear the line.
          if (!opts.hidden) stderr.write('\b \b'.repeat([...answer].length));
          answer = '';
          continue;
        }
        if (ch < ' ') continue;
        answer += ch;
        if (!opts.hidden) stderr.write(ch);
      }
    };
    const onEnd = () => done(new UsageError('no answer given'));
    stdin.on('data', onData);
    stdin.on('end', onEnd);
  });
}

/** Yes/no on the terminal; anything but y/yes is no. */
export async function confirm(io: IOStreams, question: string): Promise<boolean> {
  const answer = await ask(io, `${question} [y/N] `);
  return /^(y|yes)$/i.test(answer.trim());
}

/**
 * Asks for confirmation of a destructive action: --yes skips it; without a
 * terminal it fails at once (exit 2) rather than wait for an answer.
 */
export async function confirmOrFail(
  io: IOStreams,
  question: string,
  yes: boolean | undefined,
): Promise<void> {
  if (yes) return;
  requireConfirmable(io, yes);
  if (!(await confirm(io, question))) throw new UsageError('cancelled');
}

/** Fails at once, before any request, when a confirmation could not be asked. */
export function requireConfirmable(io: IOStreams, yes: boolean | undefined): void {
  if (!yes && !canPrompt(io)) {
    throw new UsageError('this needs confirmation: pass --yes to run it without a terminal');
  }
}
