// The MCP tools of `ece mcp`, generated from the verbs' declarations (the
// same program `ece help --json` walks): a tool per declared verb, named
// `group_verb`, its input schema from the verb's ArgSpec and OptionSpec, its
// description from the summary and examples, its annotations from the
// effect. What is never offered, and why, is decided here too (POLICY).
// No SDK here: the server (server.ts) hands these to it as plain data.

import { type Command, Option } from 'commander';
import { camel, verbOf, walk } from '../commands/run/command.js';
import type { ArgSpec, Effect, OptionSpec, Verb } from '../commands/run/types.js';
import { DEFAULT_WAIT_TIMEOUT } from '../commands/run/wait-flags.js';
import { apiGet } from './api-get.js';

/** Clients add their own prefix to a tool's name and enforce 64 characters. */
export const MAX_NAME = 40;

export const EFFECTS: readonly Effect[] = ['read', 'write', 'destructive'];
export const rank = (e: Effect): number => EFFECTS.indexOf(e);

/** A JSON Schema, as much of it as the tools use. */
export interface JsonSchema {
  type?: string;
  description?: string;
  enum?: readonly string[];
  items?: JsonSchema;
  minItems?: number;
  minimum?: number;
  default?: unknown;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
}

/** Where a tool property goes in the raw input commander would have parsed. */
export interface Field {
  /** The raw input's key (`refId`, `deployment`). */
  key: string;
  kind: 'arg' | 'option' | 'model';
  /** The flag or argument as the CLI spells it, for messages (`--ref-id`, `<deployment>`). */
  label: string;
  array: boolean;
  /** What commander would put there when it is not given. */
  absent?: unknown;
  /** Its value names a file, which `-` would make standard input. */
  file?: boolean;
}

export interface Tool {
  name: string;
  /** The command's words after `ece` (`['deployments', 'show']`). */
  words: string[];
  verb: Verb<unknown>;
  /** The declared effect: the most a call can change. */
  effect: Effect;
  description: string;
  inputSchema: JsonSchema & { type: 'object' };
  annotations: {
    title: string;
    readOnlyHint: boolean;
    destructiveHint: boolean;
    idempotentHint: boolean;
    openWorldHint: boolean;
  };
  /** Tool property → raw input. */
  fields: Map<string, Field>;
  /** Pages of a long answer (read tools: a call can be repeated). */
  pages: boolean;
  /** The answer holds secrets in named fields: masked by field name before it is returned. */
  maskAnswer: boolean;
}

/** Tool properties the server adds itself (not options of the verb). */
export const CONFIRM = 'confirm';
export const OFFSET = 'result_offset';

/**
 * What `ece mcp` never offers, and why (docs/mcp.md lists it). A verb whose
 * answer is a secret would hand the secret to the model; the local-only
 * config verbs change this machine, not ECE.
 */
export const POLICY = {
  secretAnswers: new Map<string, string>([
    ['auth token', 'its answer is the bearer token'],
    ['auth keys create', 'its answer is the new API key'],
    ['enrollment-tokens create', 'its answer is the enrollment token'],
    ['deployments reset-password', 'its answer is the new elastic password'],
    ['deployments reset-apm-token', 'its answer is the new APM secret token'],
  ]),
  /** Offered with the secret fields of its answer masked (the new deployment's credentials). */
  maskedAnswers: new Set(['deployments create']),
  /** Whole groups not offered. */
  groups: new Map<string, string>([
    ['config', 'it changes this machine’s ece settings, not ECE'],
    ['mcp', 'it is this server'],
    ['login', 'it signs this machine in: a person’s step, with a secret'],
    ['logout', 'it changes this machine’s stored credentials, not ECE'],
    ['sandbox', 'it serves a simulator on this machine until stopped'],
    ['completion', 'it prints a shell script for this machine'],
  ]),
  /**
   * Options never offered: read from stdin (the protocol's channel) or a
   * prompt, write files on this machine, or ask ECE for secrets
   * (show_security, show_metadata).
   */
  option(o: OptionSpec): string | undefined {
    const long = new Option(o.flags).long ?? '';
    if (o.hidden) return 'hidden';
    if (/-stdin$/.test(long)) return 'reads standard input';
    if (long === '--change-password') return 'prompts for a password';
    if (long === '--output-file' || long === '--save') return 'writes a file on this machine';
    if (/\b(show_security|show_metadata)\b/.test(o.description)) return 'asks ECE for secrets';
    return undefined;
  },
};

/** Every declared verb of the program as a tool (in help order), and what is left out, with why. */
export function toolsOf(program: Command): { tools: Tool[]; left: Map<string, string> } {
  const tools: Tool[] = [];
  const left = new Map<string, string>();
  for (const [cmd, path] of walk(program)) {
    if (cmd.commands.length > 0 || path.length < 2) continue;
    const words = path.slice(1);
    const line = words.join(' ');
    if (line === 'api') {
      tools.push(apiTool(cmd));
      continue;
    }
    const verb = verbOf(cmd);
    const why =
      POLICY.groups.get(words[0] ?? '') ??
      POLICY.secretAnswers.get(line) ??
      (verb ? undefined : 'not declared on the command model yet');
    if (why || !verb) {
      left.set(line, why ?? '');
      continue;
    }
    const name = toolName(words);
    if (name.length > MAX_NAME || !/^[A-Za-z0-9_-]+$/.test(name)) {
      left.set(line, `its tool name ${name} is too long`);
      continue;
    }
    tools.push(toolOf(name, words, cmd.summary() || cmd.description(), verb));
  }
  return { tools, left };
}

/** `deployments remote-clusters show` → `deployments_remote_clusters_show`. */
export function toolName(words: string[]): string {
  return words.join('_').replace(/-/g, '_');
}

/** `ece api`, GET only (api-get.ts), with its query parameters as one object. */
function apiTool(cmd: Command): Tool {
  const tool = toolOf(
    'api_get',
    ['api'],
    `${cmd.summary() || cmd.description()}: GET only`,
    apiGet as Verb<unknown>,
  );
  tool.inputSchema.properties = {
    ...tool.inputSchema.properties,
    query: {
      type: 'object',
      additionalProperties: { type: 'string' },
      description: 'query parameters (ece api -f key=value)',
    },
  };
  tool.fields.set('query', { key: 'query', kind: 'option', label: '-f', array: false });
  tool.description = tool.description.replace('`ece api --json`', '`ece api PATH`');
  return tool;
}

function toolOf(name: string, words: string[], summary: string, verb: Verb<unknown>): Tool {
  const properties: Record<string, JsonSchema> = {};
  const required: string[] = [];
  const fields = new Map<string, Field>();
  const add = (prop: string, schema: JsonSchema, field: Field, must: boolean) => {
    if (fields.has(prop)) throw new Error(`${words.join(' ')}: two inputs named ${prop}`);
    properties[prop] = schema;
    fields.set(prop, field);
    if (must) required.push(prop);
  };
  for (const a of verb.args ?? []) {
    const key = a.key ?? camel(a.name);
    add(snake(key), argSchema(a), argField(a, key), a.required !== false);
  }
  for (const o of verb.options ?? []) {
    if (POLICY.option(o)) continue;
    const opt = new Option(o.flags, o.description);
    const key = opt.attributeName();
    const prop = snake(key);
    // `--x` and `--no-x` set one attribute: one property.
    if (fields.has(prop)) continue;
    const { schema, field } = optionSchema(o, opt, key);
    add(prop, schema, field, o.required === true);
  }
  if (verb.waits) {
    add(
      'wait',
      { type: 'boolean', description: 'wait until the plan finishes (--wait)' },
      { key: 'wait', kind: 'model', label: '--wait', array: false },
      false,
    );
    add(
      'wait_timeout',
      {
        type: 'string',
        description: 'give up waiting after this long, e.g. 10m (--wait-timeout)',
        default: DEFAULT_WAIT_TIMEOUT,
      },
      {
        key: 'waitTimeout',
        kind: 'model',
        label: '--wait-timeout',
        array: false,
        absent: DEFAULT_WAIT_TIMEOUT,
      },
      false,
    );
  }
  const pages = verb.effect === 'read';
  if (pages)
    properties[OFFSET] = {
      type: 'integer',
      minimum: 0,
      description:
        'where to start the answer, in bytes (a long answer says where its next page starts)',
    };
  if (verb.effect === 'destructive')
    properties[CONFIRM] = {
      type: 'boolean',
      description:
        'set only once a person has approved this exact call; used when the client cannot ask the person itself (MCP elicitation)',
    };
  const examples = verb.examples?.length
    ? `\nExamples (as command lines):\n${verb.examples.map((e) => `  ${e}`).join('\n')}`
    : '';
  const effectLine = {
    read: 'Effect: read (changes nothing).',
    write: 'Effect: write (changes something that can be changed back).',
    destructive:
      'Effect: destructive (stops, deletes or replaces something); each call needs a person’s approval.',
  }[verb.effect];
  return {
    name,
    words,
    verb,
    effect: verb.effect,
    description: `${summary}. ${effectLine} The answer is the JSON of \`ece ${words.join(' ')} --json\`.${examples}`,
    inputSchema: {
      type: 'object',
      properties,
      ...(required.length ? { required } : {}),
      additionalProperties: false,
    },
    annotations: {
      title: `ece ${words.join(' ')}`,
      readOnlyHint: verb.effect === 'read',
      destructiveHint: verb.effect === 'destructive',
      // A read asks again; a write or destructive call may start another plan.
      idempotentHint: verb.effect === 'read',
      openWorldHint: false,
    },
    fields,
    pages,
    maskAnswer: POLICY.maskedAnswers.has(words.join(' ')),
  };
}

function argSchema(a: ArgSpec): JsonSchema {
  const one: JsonSchema = {
    type: 'string',
    ...(a.choices ? { enum: [...a.choices] } : {}),
  };
  if (!a.variadic) return { ...one, description: a.description };
  return {
    type: 'array',
    items: one,
    ...(a.required !== false ? { minItems: 1 } : {}),
    description: a.description,
  };
}

function argField(a: ArgSpec, key: string): Field {
  return {
    key,
    kind: 'arg',
    label: `<${a.name}>`,
    array: a.variadic === true,
    ...(a.variadic ? { absent: [] } : {}),
  };
}

function optionSchema(
  o: OptionSpec,
  opt: Option,
  key: string,
): { schema: JsonSchema; field: Field } {
  const label = opt.long ?? opt.short ?? o.flags;
  const description = `${o.description} (${label})`;
  if (opt.negate || opt.isBoolean()) {
    // `--no-x` alone: x is true unless it is given as false.
    const absent = opt.negate ? true : o.default;
    return {
      schema: {
        type: 'boolean',
        description,
        ...(absent !== undefined ? { default: absent } : {}),
      },
      field: {
        key,
        kind: 'option',
        label,
        array: false,
        ...(absent !== undefined ? { absent } : {}),
      },
    };
  }
  const one: JsonSchema = { type: 'string', ...(o.choices ? { enum: [...o.choices] } : {}) };
  if (o.repeatable)
    return {
      schema: { type: 'array', items: one, description },
      field: { key, kind: 'option', label, array: true, absent: [] },
    };
  const file = /<file>/.test(o.flags);
  return {
    schema: {
      ...one,
      // `- for stdin` is the CLI's; a tool's standard input carries the protocol.
      description: file
        ? `${description.replace(/ \(- for stdin\)/, '')}, a path on the machine ece mcp runs on`
        : description,
      ...(o.default !== undefined ? { default: o.default } : {}),
    },
    field: {
      key,
      kind: 'option',
      label,
      array: false,
      ...(file ? { file } : {}),
      ...(o.default !== undefined ? { absent: o.default } : {}),
    },
  };
}

/** `refId` → `ref_id`: the property names agents see. */
export function snake(key: string): string {
  return key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}
