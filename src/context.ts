// The per-run Context: streams with their TTY state, environment, global
// flags, and everything built from them — config, endpoint, credential, API
// client, renderer — each built on first use and replaceable in tests.

import type { ApiClient, ClientOptions } from './api/client.js';
import { type Endpoint, isLoopback, parseHost } from './api/host.js';
import {
  type Credential,
  type CredentialStore,
  checkOrigin,
  missingCredentialMessage,
  resolveCredential,
} from './auth/credentials.js';
import { bearerSession } from './auth/session.js';
import { ProfileCredentials } from './auth/store.js';
import {
  type ConfigData,
  configDir,
  type Profile,
  readConfig,
  selectProfile,
} from './config/store.js';
import { parseDuration } from './duration.js';
import { AuthError, UsageError } from './errors.js';
import { type Format, parseFormat } from './output/formats.js';
import { type IOStreams, type MaskedIO, maskedIO, Secrets } from './output/iostreams.js';
import type { Renderer } from './output/render.js';
import { sanitizeText, sanitizingStream } from './output/sanitize.js';
import { userAgent } from './version.js';

export type Env = Record<string, string | undefined>;

/** Flags every command accepts (commander's names). */
export interface GlobalOptions {
  host?: string;
  apiKey?: string;
  token?: string;
  profile?: string;
  caCert?: string;
  insecure?: boolean;
  timeout?: string;
  output?: string;
  json?: boolean;
  query?: string;
  verbose?: boolean;
  dryRun?: boolean;
  /** false with --no-color */
  color?: boolean;
}

export interface ContextInit {
  io: IOStreams;
  env: Env;
  flags?: GlobalOptions;
  store?: CredentialStore;
  signal?: AbortSignal;
  /**
   * Makes SIGTERM stop the run as Ctrl-C does (abort `signal`) instead of
   * ending the process at once with 143: for a command that serves until it
   * is stopped (`ece sandbox`), SIGTERM is the ordinary way to stop it.
   */
  serveUntilStopped?: () => void;
  /** Tests shorten backoff or cap attempts here. */
  client?: Partial<ClientOptions>;
}

export const DEFAULT_TIMEOUT_MS = 30_000;

/** What every Context of one run shares: the streams, the secrets, the clients to close. */
interface Shared {
  io: MaskedIO;
  secrets: Secrets;
  store: CredentialStore;
  clients: ApiClient[];
  warned: Set<string>;
  configCache?: ConfigData;
}

/**
 * Immutable once built: `main` builds one without flags (for help and error
 * reports), and the action of a command gets one built from its parsed flags
 * (`withFlags`). What a run learns on the way (secrets, open clients,
 * warnings given) lives in the state they share.
 */
export class Context {
  readonly io: MaskedIO;
  readonly env: Env;
  /** Every secret this run knows: masked in all it writes (see maskedIO). */
  readonly secrets: Secrets;
  readonly flags: Readonly<GlobalOptions>;
  /** Commands that create profiles (login) may name one that does not exist yet. */
  readonly creatingProfile: boolean;
  readonly signal: AbortSignal | undefined;
  /** See ContextInit.serveUntilStopped. */
  readonly serveUntilStopped: () => void;
  readonly store: CredentialStore;
  private readonly init: ContextInit;
  private readonly shared: Shared;
  private readonly clientOverrides: Partial<ClientOptions>;
  private clientCache: ApiClient | undefined;

  constructor(init: ContextInit, shared?: Shared, creatingProfile = false) {
    this.init = init;
    this.env = init.env;
    this.flags = Object.freeze({ ...(init.flags ?? {}) });
    this.creatingProfile = creatingProfile;
    if (shared) {
      this.shared = shared;
    } else {
      const secrets = new Secrets();
      this.shared = {
        io: maskedIO(init.io, secrets),
        secrets,
        store:
          init.store ??
          new ProfileCredentials(configDir(init.env), (name) => this.config().profiles?.[name]),
        clients: [],
        warned: new Set(),
      };
    }
    this.io = this.shared.io;
    this.secrets = this.shared.secrets;
    this.store = this.shared.store;
    this.signal = init.signal;
    this.serveUntilStopped = init.serveUntilStopped ?? (() => undefined);
    this.clientOverrides = init.client ?? {};
    this.secrets.add(this.env.ECE_API_KEY);
    this.secrets.add(this.env.ECE_TOKEN);
    // A secret among the flags is masked from here on, and warned about.
    this.secrets.add(this.flags.apiKey);
    this.secrets.add(this.flags.token);
    if (this.io.stderrIsTTY) {
      if (this.flags.apiKey)
        this.warn(
          '--api-key shows the key to every local user (ps, shell history); use ECE_API_KEY or --api-key-stdin',
        );
      if (this.flags.token)
        this.warn(
          '--token shows the token to every local user (ps, shell history); use ECE_TOKEN instead',
        );
    }
  }

  /** The Context of a command: this run's, with the flags commander parsed. */
  withFlags(flags: GlobalOptions): Context {
    return new Context({ ...this.init, flags }, this.shared, this.creatingProfile);
  }

  /** The same, for a command that may create the profile it names (login). */
  creatingProfiles(): Context {
    return new Context(this.init, this.shared, true);
  }

  /** Lets a secret through on stdout, where the user asked for exactly it. */
  reveal(secret: string): void {
    this.secrets.reveal(secret);
  }

  configDir(): string {
    return configDir(this.env);
  }

  config(): ConfigData {
    this.shared.configCache ??= readConfig(this.configDir());
    return this.shared.configCache;
  }

  profile(): { name: string; profile: Profile } {
    const explicit = this.flags.profile || this.env.ECE_PROFILE || undefined;
    return selectProfile(this.config(), explicit, this.creatingProfile);
  }

  /** The host per DESIGN.md: --host > ECE_HOST > COORDINATOR_HOST > profile. */
  endpoint(): Endpoint {
    const host =
      this.flags.host ||
      this.env.ECE_HOST ||
      this.env.COORDINATOR_HOST ||
      this.profile().profile.host;
    if (!host) {
      throw new UsageError(
        'no ECE host: pass --host HOST, set ECE_HOST (or COORDINATOR_HOST), or save one in a profile',
      );
    }
    return parseHost(host);
  }

  caCert(): string | undefined {
    return (
      this.flags.caCert || this.env.ECE_CA_CERT || this.profile().profile['ca-cert'] || undefined
    );
  }

  insecure(): boolean {
    if (this.flags.insecure) return true;
    const env = this.env.ECE_INSECURE;
    if (env !== undefined && env !== '') return !/^(0|false|no)$/i.test(env);
    return this.profile().profile.insecure === true;
  }

  timeoutMs(): number {
    const raw = this.flags.timeout ?? this.env.ECE_TIMEOUT ?? this.profile().profile.timeout;
    if (raw === undefined || raw === '') return DEFAULT_TIMEOUT_MS;
    const ms = parseDuration(String(raw), '--timeout');
    if (ms <= 0) throw new UsageError(`invalid --timeout "${raw}": it must be more than 0`);
    return ms;
  }

  /** --json / -o, else the profile's output, else table on a terminal and TSV in a pipe. */
  async format(): Promise<Format> {
    const { json, output } = this.flags;
    if (json && output !== undefined && output !== 'json') {
      throw new UsageError(`--json cannot be combined with --output ${output}`);
    }
    if (json) return 'json';
    if (output !== undefined) return parseFormat(output);
    const fromProfile = this.profile().profile.output;
    if (fromProfile) return parseFormat(fromProfile);
    return this.io.stdoutIsTTY ? 'table' : 'tsv';
  }

  async credential(): Promise<Credential | undefined> {
    const credential = await resolveCredential({
      apiKey: this.flags.apiKey,
      token: this.flags.token,
      env: this.env,
      profile: this.profile().name,
      store: this.store,
    });
    this.secrets.add(credential?.secret);
    return credential;
  }

  /** The API client for the active host and credential. */
  async api(): Promise<ApiClient> {
    if (this.clientCache) return this.clientCache;
    const endpoint = this.endpoint();
    const credential = await this.credential();
    if (credential) checkOrigin(credential, endpoint.origin, this.profile().name);
    if (!credential && !this.flags.dryRun) throw new AuthError(missingCredentialMessage);
    this.clientCache = await this.client({ endpoint, credential, profile: this.profile().name });
    return this.clientCache;
  }

  /**
   * A client for a given endpoint and credential (none for `_login`), with
   * the run's TLS, timeout, tracing and dry-run settings; `profile` names the
   * profile whose stored session it may renew.
   */
  async client(opts: {
    endpoint: Endpoint;
    credential: Credential | undefined;
    profile?: string;
    caCert?: string | undefined;
    insecure?: boolean;
  }): Promise<ApiClient> {
    const { endpoint, credential } = opts;
    const insecure = opts.insecure ?? this.insecure();
    const caCert = 'caCert' in opts ? opts.caCert : this.caCert();
    if (!this.flags.dryRun) {
      if (insecure && endpoint.protocol === 'https:') {
        this.warn(
          'TLS certificate verification is disabled (--insecure); the connection can be intercepted',
        );
      }
      if (credential && endpoint.protocol === 'http:' && !isLoopback(endpoint.hostname)) {
        this.warn(
          `sending credentials over plain HTTP to ${endpoint.hostname}; use https:// outside tests`,
        );
      }
    }
    const { ApiClient } = await import('./api/client.js');
    const session =
      opts.profile !== undefined && credential?.type === 'bearer' && credential.origin !== undefined
        ? bearerSession({ profile: opts.profile, store: this.store, warn: (m) => this.warn(m) })
        : undefined;
    const client = new ApiClient({
      endpoint,
      credential,
      session,
      userAgent: userAgent(),
      timeoutMs: this.timeoutMs(),
      caCert,
      insecure,
      env: this.env,
      maxAttempts: this.maxAttempts(),
      ...(this.signal ? { signal: this.signal } : {}),
      trace: this.flags.verbose ? sanitizingStream(this.io.stderr) : undefined,
      dryRun: this.flags.dryRun ? this.io.stderr : undefined,
      ...this.clientOverrides,
    });
    // What the client learns (passwords sent, tokens received, keys created) is masked here too.
    const addSecret = client.addSecret.bind(client);
    client.addSecret = (secret: string) => {
      addSecret(secret);
      this.secrets.add(secret);
    };
    if (credential) this.secrets.add(credential.secret);
    this.shared.clients.push(client);
    return client;
  }

  /**
   * The renderer; `jmespath: false` for commands whose --query means something
   * else; `exact` for commands that print bodies as received (`ece api`).
   */
  async renderer(opts: { jmespath?: boolean; exact?: boolean } = {}): Promise<Renderer> {
    const [{ Renderer }, { colorLevel, makeChalk }] = await Promise.all([
      import('./output/render.js'),
      import('./output/color.js'),
    ]);
    const level = colorLevel(
      { noColor: this.flags.color === false, isTTY: this.io.stdoutIsTTY },
      this.env,
    );
    const format = await this.format();
    // A table or TSV run: whatever else the command writes on stdout is made safe too.
    if (!opts.exact && (format === 'table' || format === 'tsv' || format === 'wide'))
      this.io.humanStdout(sanitizeText);
    return new Renderer(Object.create(this.io, { stdout: { value: this.io.rendered } }), {
      format,
      query: opts.jmespath === false ? undefined : this.flags.query,
      chalk: await makeChalk(level),
    });
  }

  /** chalk for stderr (progress, prompts), decided like stdout's. */
  async stderrChalk(): Promise<import('chalk').ChalkInstance> {
    const { colorLevel, makeChalk } = await import('./output/color.js');
    return await makeChalk(
      colorLevel({ noColor: this.flags.color === false, isTTY: this.io.stderrIsTTY }, this.env),
    );
  }

  /** A warning on stderr, once per message. */
  warn(message: string): void {
    if (this.shared.warned.has(message)) return;
    this.shared.warned.add(message);
    this.io.stderr.write(`warning: ${message}\n`);
  }

  /** Closes every client this run opened. */
  async dispose(): Promise<void> {
    await Promise.all(this.shared.clients.map((c) => c.close()));
  }

  private maxAttempts(): number {
    const raw = this.env.ECE_MAX_ATTEMPTS;
    if (raw === undefined || raw === '') return 4;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 1 || n > 10) {
      throw new UsageError(`invalid ECE_MAX_ATTEMPTS "${raw}": use a whole number from 1 to 10`);
    }
    return n;
  }
}
