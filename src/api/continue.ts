// An unsolicited `100 Continue` is ignored (RFC 9110 §15.2: a client must be
// able to parse one it did not ask for). undici treats a 100 it did not ask
// for as a broken connection; ece never sends `Expect: 100-continue`, so a
// 100 at the start of an answer is skipped here, on the socket, before the
// parser sees it.

import type { Socket } from 'node:net';

const CONTINUE = /^HTTP\/1\.[01] 100[^\r\n]*\r\n(?:[^\r\n]+\r\n)*\r\n/;
/** A 100's head is a few dozen bytes; past this a block is not what we skip. */
const MAX_HEAD = 8 * 1024;

/** Skips `HTTP/1.x 100 …` heads that start an answer on this socket. */
export function ignoreContinue(socket: Socket): void {
  // Only the first bytes after a request was written can start an answer.
  let atStart = true;
  let held: Buffer | undefined;
  const push = socket.push.bind(socket);
  const write = socket.write.bind(socket);
  socket.write = ((...args: Parameters<Socket['write']>) => {
    atStart = true;
    return write(...args);
  }) as Socket['write'];
  socket.push = (chunk: unknown, encoding?: BufferEncoding): boolean => {
    if (!atStart || !(chunk instanceof Uint8Array)) {
      if (held) push(held);
      held = undefined;
      return push(chunk, encoding);
    }
    let buf = held ? Buffer.concat([held, chunk]) : Buffer.from(chunk);
    held = undefined;
    for (;;) {
      const head = buf.subarray(0, MAX_HEAD).toString('latin1');
      const m = CONTINUE.exec(head);
      if (m) {
        buf = buf.subarray(m[0].length);
        continue;
      }
      if (mayBeContinue(head)) {
        held = buf; // wait for the rest of its head
        return true;
      }
      break;
    }
    if (buf.length === 0) return true;
    atStart = false;
    return push(buf);
  };
}

function mayBeContinue(head: string): boolean {
  if (head.length < 12) return 'HTTP/1.1 100'.startsWith(head) || 'HTTP/1.0 100'.startsWith(head);
  return /^HTTP\/1\.[01] 100/.test(head) && !head.includes('\r\n\r\n') && head.length < MAX_HEAD;
}
