// Typed errors and the exit-code table of DESIGN.md. Every failure a user can
// meet is one of these; cli.ts is the only place that turns them into an exit
// code and a message on stderr.

/** The exit codes with what each means: `ece help exit-codes` prints this table. */
export const EXIT_CODES = [
  ['OK', 0, 'success'],
  ['ERROR', 1, 'any other error (API 5xx after retries, unexpected response)'],
  ['USAGE', 2, 'usage: bad flag, argument or input file'],
  ['NOT_FOUND', 3, 'not found (404)'],
  ['AUTH', 4, 'authentication or authorization: no credentials, 401, 403, expired session'],
  ['REJECTED', 5, 'the API rejected the request (400, 409 version conflict, 412, 422)'],
  ['NETWORK', 6, 'network or TLS: refused, DNS, timeout, certificate'],
  ['PLAN_FAILED', 7, 'a plan that --wait followed failed'],
  ['WAIT_TIMEOUT', 8, '--wait gave up at its deadline'],
  ['INTERRUPTED', 130, 'interrupted (Ctrl-C)'],
  ['TERMINATED', 143, 'terminated (SIGTERM)'],
] as const;

type ExitCodes = { [E in (typeof EXIT_CODES)[number] as E[0]]: E[1] };
export const ExitCode = Object.fromEntries(
  EXIT_CODES.map(([name, code]) => [name, code]),
) as ExitCodes;
export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

/** Base class: a message meant for the user and the exit code it maps to. */
export class CliError extends Error {
  readonly exitCode: ExitCodeValue;
  /** Already reported on stdout/stderr by the command: exit with the code, print nothing more. */
  silent = false;
  /** What to do about it, printed as `hint: …` lines after the error. */
  hints: string[] = [];
  constructor(message: string, exitCode: ExitCodeValue = ExitCode.ERROR) {
    super(message);
    this.name = new.target.name;
    this.exitCode = exitCode;
  }
  /** Lines printed on stderr, each prefixed with `error: ` by cli.ts. */
  lines(): string[] {
    return [this.message];
  }
}

/** A bad flag, argument, combination or input file. */
export class UsageError extends CliError {
  constructor(message: string) {
    super(message, ExitCode.USAGE);
  }
}

/** No credentials, rejected credentials, or a credential that may not be sent. */
export class AuthError extends CliError {
  constructor(message: string) {
    super(message, ExitCode.AUTH);
  }
}

/** Connection refused, DNS, timeouts, TLS. */
export class NetworkError extends CliError {
  readonly code: string | undefined;
  constructor(message: string, code?: string) {
    super(message, ExitCode.NETWORK);
    this.code = code;
  }
}

/** The user pressed Ctrl-C (or the run was otherwise aborted). */
export class InterruptedError extends CliError {
  constructor(message = 'interrupted') {
    super(message, ExitCode.INTERRUPTED);
  }
}

/** A plan that --wait followed ended in failure. */
export class PlanFailedError extends CliError {
  constructor(readonly failures: string[]) {
    super(failures[0] ?? 'the plan failed', ExitCode.PLAN_FAILED);
  }
  override lines(): string[] {
    return this.failures;
  }
}

/** --wait reached --wait-timeout with plans still running. */
export class WaitTimeoutError extends CliError {
  constructor(message: string) {
    super(message, ExitCode.WAIT_TIMEOUT);
  }
}

/** A response we cannot use: HTML from a proxy, truncated or invalid JSON. */
export class ResponseError extends CliError {}

export interface EceErrorElement {
  code: string;
  message: string;
  fields?: string[];
}

/** A non-2xx answer from the ECE API. */
export class ApiError extends CliError {
  readonly status: number;
  readonly errors: EceErrorElement[];
  readonly body: string;
  readonly requestId: string | undefined;
  readonly headers: Record<string, string>;
  constructor(
    status: number,
    errors: EceErrorElement[],
    opts: {
      body?: string;
      requestId?: string;
      summary?: string;
      headers?: Record<string, string>;
    } = {},
  ) {
    super(opts.summary ?? errors[0]?.message ?? `HTTP ${status}`, exitCodeForStatus(status));
    this.status = status;
    this.errors = errors;
    this.body = opts.body ?? '';
    this.requestId = opts.requestId;
    this.headers = opts.headers ?? {};
  }
  override lines(): string[] {
    if (this.errors.length === 0) return [this.message];
    return this.errors.map((e) => {
      const fields = e.fields?.length ? ` [${e.fields.join(', ')}]` : '';
      return `${e.message} (${e.code})${fields}`;
    });
  }
}

export function exitCodeForStatus(status: number): ExitCodeValue {
  if (status === 401 || status === 403) return ExitCode.AUTH;
  if (status === 404) return ExitCode.NOT_FOUND;
  if (status === 429 || status >= 500) return ExitCode.ERROR;
  if (status >= 400) return ExitCode.REJECTED;
  return ExitCode.ERROR;
}
