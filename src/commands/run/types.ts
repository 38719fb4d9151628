// The command model's types: what a verb declares, and the plan its
// plan() returns. Imports nothing but types (and holds one identity function), so that a group index, a verb
// file and the executor can all share it without loading one another.

import type { ApiResponse } from '../../api/body.js';
import type { RequestOptions } from '../../api/client.js';
import type { Target } from '../../api/plans.js';
import type { Context } from '../../context.js';
import type { ApiError } from '../../errors.js';
import type { IOStreams } from '../../output/iostreams.js';
import type { Body, Renderer } from '../../output/render.js';
import type { View } from '../../output/views.js';

/**
 * The most a call can change: `read` sends no write; `write` changes state
 * that the next call can change back; `destructive` loses data or service
 * (asks first, refuses without a terminal unless --yes).
 */
export type Effect = 'read' | 'write' | 'destructive';

/** A positional argument, in commander's terms. */
export interface ArgSpec {
  /** Its name in help (`deployment`) and, camel-cased, its key in the raw input. */
  name: string;
  /** Its key in the raw input when the name is not one (`on|off` → `state`). */
  key?: string;
  description: string;
  /** Default true. */
  required?: boolean;
  variadic?: boolean;
  choices?: readonly string[];
}

/** An option, in commander's syntax (`-f, --file <file>`, `--kind <kind>`, `--plans`). */
export interface OptionSpec {
  flags: string;
  description: string;
  default?: string | boolean;
  choices?: readonly string[];
  /** Accepted but not shown in help (an old spelling kept working). */
  hidden?: boolean;
  /** Must be given (commander's mandatory option). */
  required?: boolean;
  /** May be given more than once: the values collect in an array (none: []). */
  repeatable?: boolean;
}

/** What commander parsed: options by attribute name, arguments by camel-cased name. */
export type Raw = Record<string, unknown>;

/** The options the model adds from the effect: --yes for writes, --wait for plans. */
export interface ModelFlags {
  yes?: boolean;
  wait?: boolean;
  waitTimeout?: string;
}

/** One verb: everything but its name, aliases and summary, which its group's index holds. */
export interface Verb<I = Raw> {
  /** Help's usage line after the command's name, when the arguments alone do not say it. */
  usage?: string;
  /** Help after the options (what the output is, caveats); no "Examples:" heading. */
  description?: string;
  args?: ArgSpec[];
  options?: OptionSpec[];
  /** Attribute names of options of which at most one may be given, per group. */
  exclusive?: string[][];
  /** Command lines without the `$ ` (`ece deployments list --json`). */
  examples?: string[];
  /** The highest effect any call can have: drives --yes and `ece help --json`. */
  effect: Effect;
  /** This call's effect, where it depends on the input (`stop --kind kibana` is a write). */
  effectOf?(input: I): Effect;
  /** The verb starts plans: --wait and --wait-timeout, followed by the one plan follower. */
  waits?: boolean;
  /** Checks and types the raw input (before any request); a bad input throws UsageError. */
  input?(raw: Raw): I;
  /** The reads it needs (done here), then what to send, ask, print and wait for. */
  plan(input: I & ModelFlags, ctx: Context): Promise<Plan>;
}

/** What stdout gets: a body through the renderer (JSON byte for byte), or a verb's own text. */
export type Output =
  | { body: Body; view: View; parsed?: unknown }
  /** JSON, YAML and --query print `body`; a table or TSV run calls `print`. */
  | { body: Body; print: (renderer: Renderer, io: IOStreams) => void | Promise<void> };

export interface WaitPlan {
  /** The deployment whose plans are followed. */
  deployment: string;
  /** Reads taken after confirmation and before the writes, only under --wait (the plans' state). */
  before?: () => Promise<void>;
  /** What to follow, once the writes are sent. */
  targets: (sent: ApiResponse[]) => Target[] | Promise<Target[]>;
}

export interface Plan {
  /** This call's effect, when only the reads tell (defaults to effectOf(input), else effect). */
  effect?: Effect;
  /** Sent in order after confirmation; under --dry-run printed as curl lines instead. */
  writes?: RequestOptions[];
  /**
   * A change to this machine's own state (the config file, the keychain) for
   * a verb that sends nothing to ECE: made after confirmation, in place of
   * writes. Under --dry-run it is not made and `dryRun` is said on stderr.
   */
  local?: { apply: () => void | Promise<void>; dryRun: string };
  /** The question a destructive call asks (`Shut down deployment "x" (id)?`). */
  confirm?: string;
  /**
   * What stdout gets. Defaults, for a call with writes: the last response's
   * body under --json, -o yaml or --query, nothing in a table or TSV run.
   */
  output?: Output | ((sent: ApiResponse[]) => Output);
  /** The line on stderr once done (not under --dry-run). */
  done?: string | ((sent: ApiResponse[]) => string);
  /** Followed under --wait. */
  wait?: WaitPlan;
  /**
   * false when this call's --query is not JMESPath (`deployments search`'s
   * deprecated search syntax): the output is not filtered by it.
   */
  jmespath?: false;
  /** A hint for a write that ECE refused (pushed onto the error's hints). */
  hint?: (err: ApiError) => string | undefined;
  /**
   * A refusal said in the verb's own words, thrown in place of ECE's error
   * (a 409 on ?version= is "changed since it was read", exit 5).
   */
  fail?: (err: ApiError) => Error | undefined;
  /**
   * Thrown once stdout and the note are written: a check that failed
   * (`proxies health --expect green`, exit 10) still shows what it found.
   */
  failAfter?: Error;
}

/** A group index's line for a verb: enough for help and completion of the group without loading it. */
export interface VerbEntry {
  name: string;
  aliases?: string[];
  summary: string;
  load: () => Promise<{ verb: Verb<unknown> }>;
}

/** Declares a verb; the identity, there so that `input`'s type reaches `plan`. */
export function defineVerb<I = Raw>(verb: Verb<I>): Verb<I> {
  return verb;
}
