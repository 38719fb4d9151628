// `ece sandbox`: runs the local ECE API simulator until Ctrl-C or SIGTERM.

import { once } from 'node:events';
import type { Command } from 'commander';
import type { Context } from '../../context.js';
import { parseDuration } from '../../duration.js';
import { UsageError } from '../../errors.js';
import { ECE_VERSIONS, type EceVersion } from '../../sandbox/ece-version.js';
import { act, type Contexts } from '../action.js';

export interface SandboxFlags {
  port?: string;
  tls?: boolean;
  deployments?: string;
  tokenTtl?: string;
  planDuration?: string;
  eceVersion?: string;
  user?: string;
  password?: string;
}

export function register(cmd: Command, contexts: Contexts): void {
  cmd
    .usage('[options]')
    .option('--host <address>', 'address to listen on (default: 127.0.0.1)')
    .option('--port <port>', 'port to listen on; 0 picks a free one', '0')
    .option('--tls', 'serve HTTPS with a CA and certificate generated at start')
    .option('--deployments <n>', 'number of deployments to seed', '3')
    .option('--token-ttl <duration>', 'lifetime of bearer tokens from _login', '15m')
    .option('--plan-duration <duration>', 'how long a plan takes to finish', '10s')
    .option('--ece-version <version>', 'answer as ECE 3.8 or 4.0 where they differ', '3.8')
    .option('--user <name>', 'user name for _login', 'admin')
    .option('--password <password>', 'password for _login (default: generated and printed)')
    .addHelpText(
      'after',
      `
Prints export lines for ECE_HOST and ECE_API_KEY (and ECE_CA_CERT with --tls)
on stdout, and the rest on stderr. State lives in memory and is gone when the
sandbox stops. Deployments whose name contains "fail-plan" get plans that fail.

Examples:
  $ ece sandbox
  $ ece sandbox --port 12400 --deployments 7 --plan-duration 30s
  $ ece sandbox --tls --token-ttl 2m > sandbox.env &   # then: . ./sandbox.env`,
    )
    .action(act(contexts, (ctx, flags: SandboxFlags) => run(parse(flags, ctx), ctx)));
}

export interface SandboxRunOptions {
  host: string;
  port: number;
  tls: boolean;
  deployments: number;
  tokenTtlMs: number;
  planDurationMs: number;
  eceVersion: EceVersion;
  user: string;
  password?: string | undefined;
}

export function parse(flags: SandboxFlags, ctx: Context): SandboxRunOptions {
  // --host is also the global ECE host flag; for the sandbox it is where to listen.
  const host = ctx.flags.host ?? '127.0.0.1';
  const port = Number(flags.port ?? '0');
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new UsageError(`invalid --port "${flags.port}": use a number from 0 to 65535`);
  }
  const deployments = Number(flags.deployments ?? '3');
  if (!Number.isInteger(deployments) || deployments < 0 || deployments > 100_000) {
    throw new UsageError(
      `invalid --deployments "${flags.deployments}": use a number from 0 to 100000`,
    );
  }
  const tokenTtlMs = parseDuration(flags.tokenTtl ?? '15m', '--token-ttl');
  const planDurationMs = parseDuration(flags.planDuration ?? '10s', '--plan-duration');
  if (tokenTtlMs < 1000) throw new UsageError('--token-ttl must be at least 1s');
  if (planDurationMs < 1) throw new UsageError('--plan-duration must be more than 0');
  const eceVersion = ECE_VERSIONS.find((v) => v === (flags.eceVersion ?? '3.8'));
  if (!eceVersion)
    throw new UsageError(
      `invalid --ece-version "${flags.eceVersion}": use ${ECE_VERSIONS.join(' or ')}`,
    );
  return {
    host,
    port,
    tls: flags.tls === true,
    deployments,
    tokenTtlMs,
    planDurationMs,
    eceVersion,
    user: flags.user ?? 'admin',
    password: flags.password,
  };
}

export async function run(opts: SandboxRunOptions, ctx: Context): Promise<void> {
  const { startSandbox } = await import('../../sandbox/server.js');
  let sandbox: Awaited<ReturnType<typeof startSandbox>>;
  try {
    sandbox = await startSandbox({
      ...opts,
      ...(opts.password ? { password: opts.password } : {}),
    });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE')
      throw new UsageError(`port ${opts.port} on ${opts.host} is already in use`);
    if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND')
      throw new UsageError(`cannot listen on ${opts.host}`);
    throw err;
  }
  const { io } = ctx;
  io.stdout.write(`export ECE_HOST=${sandbox.url}\nexport ECE_API_KEY=${sandbox.apiKey}\n`);
  if (sandbox.caFile) io.stdout.write(`export ECE_CA_CERT=${sandbox.caFile}\n`);
  io.stderr.write(
    [
      `ECE sandbox listening on ${sandbox.url} with ${opts.deployments} deployment${opts.deployments === 1 ? '' : 's'}`,
      `  login:   ${sandbox.user} / ${sandbox.password} (tokens last ${opts.tokenTtlMs / 1000}s)`,
      ...(sandbox.caFile ? [`  CA:      ${sandbox.caFile} (pass it with --ca-cert)`] : []),
      '  Use the export lines above in another shell. Press Ctrl-C to stop.',
      '',
    ].join('\n'),
  );
  // Ctrl-C and SIGTERM (kill, a CI step's end) both stop it: exit 0.
  ctx.serveUntilStopped();
  if (ctx.signal && !ctx.signal.aborted) await once(ctx.signal, 'abort');
  await sandbox.close();
  io.stderr.write('ECE sandbox stopped.\n');
}
