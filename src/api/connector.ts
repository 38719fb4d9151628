// The sockets of direct (unproxied) connections, opened as undici's own
// connector opens them, with two additions: each socket is remembered until
// it is connected, so that a deadline or Ctrl-C can end a TLS handshake that
// never finishes (undici's request signal cannot reach it), and an
// unsolicited `100 Continue` is skipped (continue.ts).

import { isIP, connect as netConnect, type Socket } from 'node:net';
import type { ConnectionOptions } from 'node:tls';
import type { buildConnector } from 'undici';
import { ignoreContinue } from './continue.js';

export type TlsOptions = ConnectionOptions & { timeout: number };

interface ConnectParams {
  hostname: string;
  protocol: string;
  port: string;
  servername?: string | null;
}

/**
 * Opens the sockets of the direct (unproxied) agent, as undici's own
 * connector does, and remembers each until it is connected so that a reset
 * can end it. node:tls loads with the first HTTPS connection only.
 */
export function directConnector(tlsOpts: TlsOptions, connecting: Set<Socket>) {
  return (o: ConnectParams, callback: buildConnector.Callback): void => {
    const port = Number(o.port) || (o.protocol === 'https:' ? 443 : 80);
    const host = o.hostname.replace(/^\[|\]$/g, '');
    if (o.protocol !== 'https:') {
      watch(netConnect({ host, port }), 'connect', tlsOpts.timeout, connecting, callback);
      return;
    }
    import('node:tls').then(
      ({ connect }) => {
        const socket = connect({
          ...tlsOpts,
          host,
          port,
          ALPNProtocols: ['http/1.1'],
          ...(isIP(host) ? {} : { servername: o.servername || host }),
        });
        watch(socket, 'secureConnect', tlsOpts.timeout, connecting, callback);
      },
      (err: Error) => callback(err, null),
    );
  };
}

/** Calls back once the socket is connected, or failed, or ran out of time. */
function watch(
  socket: Socket,
  ready: 'connect' | 'secureConnect',
  timeoutMs: number,
  connecting: Set<Socket>,
  callback: buildConnector.Callback,
): void {
  let done = false;
  ignoreContinue(socket);
  connecting.add(socket);
  const coded = (message: string, code: string) => Object.assign(new Error(message), { code });
  const timer = setTimeout(
    () => socket.destroy(coded('connect timeout', 'UND_ERR_CONNECT_TIMEOUT')),
    timeoutMs,
  );
  timer.unref();
  const finish = (err: Error | null) => {
    clearTimeout(timer);
    connecting.delete(socket);
    if (done) return;
    done = true;
    if (err) callback(err, null);
    else callback(null, socket);
  };
  socket.setKeepAlive(true, 60_000).setNoDelay(true);
  socket.once(ready, () => finish(null));
  socket.on('error', (err) => finish(err));
  socket.once('close', () => finish(coded('socket closed while connecting', 'ECONNRESET')));
}
