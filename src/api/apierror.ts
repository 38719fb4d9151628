// A non-2xx answer → ApiError: ECE's `{"errors":[{code,message,fields}]}`
// when it sent one, else a one-line summary with the HTTP status.

import { ApiError, type EceErrorElement } from '../errors.js';
import { type ApiResponse, describeNonJson } from './body.js';

export function toApiError(res: ApiResponse, attempts: number): ApiError {
  const requestId = res.headers['x-request-id'];
  const after = attempts > 1 ? ` after ${attempts} attempts` : '';
  let parsed: unknown;
  try {
    parsed = JSON.parse(res.text);
  } catch {
    parsed = undefined;
  }
  const errors = eceErrors(parsed);
  if (errors.length > 0) {
    const opts = { body: res.text, headers: res.headers, ...(requestId ? { requestId } : {}) };
    return new ApiError(res.status, errors, opts);
  }
  const summary =
    res.text.trim() === ''
      ? `HTTP ${res.status} ${statusText(res.status)}${after}`
      : `HTTP ${res.status} ${statusText(res.status)}${after}: ${describeNonJson(res)}`;
  return new ApiError(res.status, [], {
    body: res.text,
    summary,
    headers: res.headers,
    ...(requestId ? { requestId } : {}),
  });
}

function eceErrors(body: unknown): EceErrorElement[] {
  if (typeof body !== 'object' || body === null) return [];
  const errors = (body as { errors?: unknown }).errors;
  if (!Array.isArray(errors)) return [];
  return errors
    .filter((e): e is Record<string, unknown> => typeof e === 'object' && e !== null)
    .map((e) => ({
      code: typeof e.code === 'string' ? e.code : 'unknown',
      message: typeof e.message === 'string' ? e.message : 'no message',
      ...(Array.isArray(e.fields) ? { fields: e.fields.map(String) } : {}),
    }));
}

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  412: 'Precondition Failed',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

function statusText(status: number): string {
  return STATUS_TEXT[status] ?? '';
}
