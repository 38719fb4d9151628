// The sockets of direct (unproxied) connections, opened as undici's own
// connector opens them, with two additions: each socket is remembered until
// it is connected, so that a deadline or Ctrl-C can end a TLS handshake that
// never finishes (undici's request signal cannot reach it), and an
// unsolicited `100 Continue` is skipped (continue.ts).

import { isIP, connect as netConnect, type Socket } from 'node:net';
import { type ConnectionOptions, connect as tlsConnect } from 'node:tls';
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
 * can end it.
 */
export function directConnector(tlsOpts: TlsOptions, connecting: Set<Socket>) {
  return (o: ConnectParams, callback: buildConnector.Callback) => {
    let done = false;
    const port = Number(o.port) || (o.protocol === 'https:' ? 443 : 80);
    const host = o.hostname.replace(/^\[|\]$/g, '');
    const socket: Socket =
      o.protocol === 'https:'
        ? tlsConnect({
            ...tlsOpts,
            host,
            port,
            ALPNProtocols: ['http/1.1'],
            ...(isIP(host) ? {} : { servername: o.servername || host }),
          })
        : netConnect({ host, port });
    ignoreContinue(socket);
    connecting.add(socket);
    const timer = setTimeout(
      () =>
        socket.destroy(
          Object.assign(new Error('connect timeout'), { code: 'UND_ERR_CONNECT_TIMEOUT' }),
        ),
      tlsOpts.timeout,
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
    socket.once(o.protocol === 'https:' ? 'secureConnect' : 'connect', () => finish(null));
    socket.on('error', (err) => finish(err));
    socket.once('close', () => finish(new Error('socket closed while connecting')));
    return socket;
  };
}
