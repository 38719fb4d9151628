// Turns the errors that sockets, DNS and TLS throw into one-line messages
// that say what failed and what to do about it.

import { CliError, NetworkError } from '../errors.js';
import type { Endpoint } from './host.js';

const TLS_UNTRUSTED = new Set([
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_UNTRUSTED',
  'CERT_SIGNATURE_FAILURE',
]);

const TLS_HINT =
  'pass --ca-cert FILE (or ECE_CA_CERT) with your ECE CA certificate, or --insecure to skip verification';

export function networkError(err: unknown, endpoint: Endpoint): CliError {
  if (err instanceof CliError) return err;
  const e = innermost(err);
  const code = e.code ?? '';
  const where = `${endpoint.hostname}:${endpoint.port}`;
  if (TLS_UNTRUSTED.has(code)) {
    return new NetworkError(
      `the TLS certificate of ${where} is not trusted (${e.message}); ${TLS_HINT}`,
      code,
    );
  }
  if (code === 'CERT_HAS_EXPIRED' || code === 'CERT_NOT_YET_VALID') {
    return new NetworkError(
      `the TLS certificate of ${where} ${code === 'CERT_HAS_EXPIRED' ? 'has expired' : 'is not yet valid'}; renew it on the server, or pass --insecure to skip verification`,
      code,
    );
  }
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID') {
    return new NetworkError(
      `the TLS certificate of ${where} is not valid for the name "${endpoint.hostname}" (${e.message}); use a host name the certificate lists, or pass --insecure to skip verification`,
      code,
    );
  }
  if (
    code === 'ERR_SSL_WRONG_VERSION_NUMBER' ||
    code === 'EPROTO' ||
    /wrong version number/i.test(e.message)
  ) {
    return new NetworkError(
      `TLS handshake with ${where} failed (${e.message}); if the server speaks plain HTTP, use http://${where}`,
      code || 'EPROTO',
    );
  }
  switch (code) {
    case 'ECONNREFUSED':
      return new NetworkError(
        `connection refused by ${where}; is ECE running there, and is the port right?`,
        code,
      );
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
    case 'EAI_NONAME':
      return new NetworkError(
        `cannot resolve host "${endpoint.hostname}" (${code}); check the host name`,
        code,
      );
    case 'UND_ERR_CONNECT_TIMEOUT':
    case 'ETIMEDOUT':
      return new NetworkError(`connection to ${where} timed out`, code);
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return new NetworkError(`${where} is unreachable (${code})`, code);
    case 'ECONNRESET':
    case 'EPIPE':
    case 'UND_ERR_SOCKET':
    case 'ECONNABORTED':
      return new NetworkError(`the connection to ${where} was closed unexpectedly (${code})`, code);
    case 'UND_ERR_HEADERS_TIMEOUT':
    case 'UND_ERR_BODY_TIMEOUT':
      return new NetworkError(
        `no answer from ${where} in time (raise it with --timeout)`,
        'ETIMEDOUT',
      );
    case 'UND_ERR_RES_CONTENT_LENGTH_MISMATCH':
    case 'UND_ERR_REQ_CONTENT_LENGTH_MISMATCH':
      return new NetworkError(`the response from ${where} was truncated (${code})`, 'ECONNRESET');
    case 'UND_ERR_PROXY':
    case 'UND_ERR_ABORTED':
      return new NetworkError(`request to ${where} failed: ${e.message}`, code);
    default:
      if (
        code.startsWith('ERR_TLS') ||
        code.startsWith('ERR_SSL') ||
        /certificate|ssl|tls/i.test(e.message)
      ) {
        return new NetworkError(`TLS error talking to ${where}: ${e.message}; ${TLS_HINT}`, code);
      }
      return new NetworkError(
        `request to ${where} failed: ${e.message || String(err)}${code ? ` (${code})` : ''}`,
        code || undefined,
      );
  }
}

/** Failures that, through a proxy and before anything was sent, are the proxy's. */
const PROXY_FAILURES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'UND_ERR_SOCKET',
  'UND_ERR_ABORTED',
  'UND_ERR_CONNECT_TIMEOUT',
]);

/** A failure before the request went through the proxy's tunnel says that the proxy was in between. */
export function viaProxy(err: CliError, proxy: string | undefined, endpoint: Endpoint): CliError {
  if (!proxy || !(err instanceof NetworkError) || !PROXY_FAILURES.has(err.code ?? '')) return err;
  const message =
    err.code === 'ECONNREFUSED'
      ? `connection refused by the proxy ${proxy}; check HTTPS_PROXY / HTTP_PROXY`
      : `${err.message}, through the proxy ${proxy} (it opened no tunnel to ${endpoint.hostname}:${endpoint.port})`;
  return new NetworkError(message, err.code);
}

interface CodedError {
  code?: string;
  message: string;
}

/** undici wraps socket errors in `cause`; the innermost one carries the code. */
function innermost(err: unknown): CodedError {
  let e: unknown = err;
  for (let i = 0; i < 5; i++) {
    const c = (e as { cause?: unknown } | null)?.cause;
    const code = (e as { code?: unknown } | null)?.code;
    if (typeof code === 'string' && !code.startsWith('UND_ERR') && c === undefined) break;
    if (c === undefined || c === null) break;
    e = c;
  }
  const code = (e as { code?: unknown } | null)?.code;
  const outerCode = (err as { code?: unknown } | null)?.code;
  return {
    code: typeof code === 'string' ? code : typeof outerCode === 'string' ? outerCode : undefined,
    message: e instanceof Error ? e.message : String(e),
  } as CodedError;
}
