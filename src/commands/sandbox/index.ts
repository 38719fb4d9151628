// `ece sandbox`: runs the local ECE API simulator until Ctrl-C or SIGTERM.

import { once } from 'node:events';
import type { Context } from '../../context.js';
import { parseDuration } from '../../duration.js';
import { UsageError } from '../../errors.js';
import { ECE_VERSIONS, type EceVersion } from '../../sandbox/ece-version.js';
import { verbCommand } from '../run/command.js';
import { defineVerb } from '../run/types.js';

export interface SandboxFlags {
  port?: string;
  tls?: boolean;
  deployments?: string;
  tokenTtl?: string;
  planDuration?: string;
  seedVersion?: string;
  eceVersion?: string;
  user?: string;
  password?: string;
}

export const verb = defineVerb<SandboxFlags>({
  // It changes nothing of ECE: it serves a simulator on this machine until stopped.
  effect: 'read',
  usage: '[options]',
  options: [
    { flags: '--host <address>', description: 'address to listen on (default: 127.0.0.1)' },
    { flags: '--port <port>', description: 'port to listen on; 0 picks a free one', default: '0' },
    { flags: '--tls', description: 'serve HTTPS with a CA and certificate generated at start' },
    { flags: '--deployments <n>', description: 'number of deployments to seed', default: '3' },
    {
      flags: '--token-ttl <duration>',
      description: 'lifetime of bearer tokens from _login',
      default: '15m',
    },
    {
      flags: '--plan-duration <duration>',
      description: 'how long a plan takes to finish',
      default: '10s',
    },
    {
      flags: '--seed-version <version>',
      description:
        'stack version of the seeded deployments (default the newest): a fleet to upgrade',
    },
    {
      flags: '--ece-version <version>',
      description: 'answer as ECE 3.8 or 4.0 where they differ',
      default: '3.8',
    },
    { flags: '--user <name>', description: 'user name for _login', default: 'admin' },
    {
      flags: '--password <password>',
      description: 'password for _login (default: generated and printed)',
    },
  ],
  description: `Prints export lines for ECE_HOST and ECE_API_KEY (and ECE_CA_CERT with --tls)
on stdout, and the rest on stderr. State lives in memory and is gone when the
sandbox stops. Deployments whose name contains "fail-plan" get plans that fail.`,
  examples: [
    'ece sandbox',
    'ece sandbox --port 12400 --deployments 7 --plan-duration 30s',
    'ece sandbox --deployments 12 --seed-version 8.14.3',
    'ece sandbox --tls --token-ttl 2m > sandbox.env &   # then: . ./sandbox.env',
  ],
  async plan(flags, ctx) {
    const opts = parse(flags, ctx);
    // A local step, as config's verbs: --dry-run starts nothing and says so.
    return {
      local: {
        apply: () => run(opts, ctx),
        dryRun: 'dry run: ece sandbox would serve a local ECE simulator; nothing was started',
      },
    };
  },
});

export const { register } = verbCommand(verb);

export interface SandboxRunOptions {
  host: string;
  port: number;
  tls: boolean;
  deployments: number;
  tokenTtlMs: number;
  planDurationMs: number;
  seedVersion?: string | undefined;
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
    ...(flags.seedVersion === undefined ? {} : { seedVersion: flags.seedVersion }),
    eceVersion,
    user: flags.user ?? 'admin',
    password: flags.password,
  };
}

export async function run(opts: SandboxRunOptions, ctx: Context): Promise<void> {
  const { startSandbox } = await import('../../sandbox/server.js');
  if (opts.seedVersion !== undefined) {
    const { STACK_VERSIONS } = await import('../../sandbox/catalog.js');
    if (!STACK_VERSIONS.includes(opts.seedVersion))
      throw new UsageError(
        `invalid --seed-version "${opts.seedVersion}": the sandbox has ${STACK_VERSIONS.join(', ')}`,
      );
  }
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
