// The MCP server of `ece mcp` (the official SDK's low-level Server, loaded
// only when ece mcp runs): tools/list answers the tools that --allow and
// --only let through; tools/call runs one (call.ts), asks a person to
// approve a destructive call — by MCP elicitation where the client supports
// it, else by the call's own `confirm: true` — and logs it (log.ts).

import type { Server } from '@modelcontextprotocol/sdk/server/index.js';
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import type { CallToolResult, Tool as McpTool } from '@modelcontextprotocol/sdk/types.js';
import type { Command } from 'commander';
import type { Effect } from '../commands/run/types.js';
import type { Context } from '../context.js';
import { UsageError } from '../errors.js';
import { sanitizeText } from '../output/sanitize.js';
import { VERSION } from '../version.js';
import { call, type Outcome, Refusal, type Validate } from './call.js';
import { callLog } from './log.js';
import { CONFIRM, rank, type Tool, toolsOf } from './tools.js';

export interface ServeOptions {
  allow: Effect;
  /** Top-level groups to offer (`deployments`, `api`); all when absent. */
  only?: string[];
  dryRun: boolean;
  /** The call log; stderr when absent. */
  log?: string;
}

const INSTRUCTIONS = `Tools for one Elastic Cloud Enterprise installation, made from the ece command line.
Each tool is a command: deployments_list is \`ece deployments list\`, and its answer is that command's --json output (ECE's own JSON).
Only the tools this server was started to allow are listed; a call whose effect is more than allowed is refused, and nothing is sent.
A destructive call needs a person's approval for that exact call: never set confirm: true unless the person has approved it.
A long answer comes in pages of 100 KB: the note after it says which result_offset gives the next one.`;

/** The tools offered (by --allow and --only), and every tool of the program by name. */
export function offered(
  program: Command,
  opts: Pick<ServeOptions, 'allow' | 'only'>,
): { tools: Tool[]; all: Map<string, Tool>; left: Map<string, string> } {
  const { tools, left } = toolsOf(program);
  const groups = new Set(
    program.commands.flatMap((c) => [c.name(), ...c.aliases()]).filter((n) => n !== 'help'),
  );
  for (const g of opts.only ?? [])
    if (!groups.has(g))
      throw new UsageError(
        `unknown group "${g}" for --only (groups: ${program.commands
          .map((c) => c.name())
          .filter((n) => n !== 'help')
          .join(', ')})`,
      );
  const only = opts.only?.map(
    (g) => program.commands.find((c) => c.name() === g || c.aliases().includes(g))?.name() ?? g,
  );
  return {
    tools: tools.filter(
      (t) =>
        rank(t.effect) <= rank(opts.allow) &&
        (only === undefined || only.includes(t.words[0] ?? '')),
    ),
    all: new Map(tools.map((t) => [t.name, t])),
    left,
  };
}

/** The server, not yet connected: `connect(transport)` starts it. */
export async function createServer(
  program: Command,
  ctx: Context,
  opts: ServeOptions,
): Promise<{ server: Server; tools: Tool[]; close(): void }> {
  const [{ Server }, types, { AjvJsonSchemaValidator }] = await Promise.all([
    import('@modelcontextprotocol/sdk/server/index.js'),
    import('@modelcontextprotocol/sdk/types.js'),
    import('@modelcontextprotocol/sdk/validation/ajv'),
  ]);
  const { tools, all, left } = offered(program, opts);
  const byName = new Map(tools.map((t) => [t.name, t]));
  const log = callLog(ctx, opts.log);
  const validator = new AjvJsonSchemaValidator();
  const compiled = new Map<string, ReturnType<typeof validator.getValidator>>();
  const validate: Validate = (tool, args) => {
    let check = compiled.get(tool.name);
    if (!check) {
      check = validator.getValidator(tool.inputSchema);
      compiled.set(tool.name, check);
    }
    const r = check(args);
    return r.valid ? undefined : (r.errorMessage ?? 'they do not match the input schema');
  };
  const server = new Server(
    { name: 'ece', version: VERSION },
    { capabilities: { tools: {} }, instructions: INSTRUCTIONS },
  );
  server.setRequestHandler(types.ListToolsRequestSchema, async () => ({
    tools: tools.map(
      (t): McpTool => ({
        name: t.name,
        title: t.annotations.title,
        description: t.description,
        inputSchema: t.inputSchema as McpTool['inputSchema'],
        annotations: t.annotations,
      }),
    ),
  }));
  server.setRequestHandler(types.CallToolRequestSchema, async (req, extra) => {
    const name = req.params.name;
    const args = (req.params.arguments ?? {}) as Record<string, unknown>;
    const tool = byName.get(name);
    const outcome = tool
      ? await call(
          tool,
          args,
          { ctx, allow: opts.allow, dryRun: opts.dryRun },
          {
            validate,
            approve: (question) => approve(server, tool, args, question),
            signal: ctx.signal ? AbortSignal.any([ctx.signal, extra.signal]) : extra.signal,
          },
        )
      : notOffered(name, all.get(name), left, opts);
    log.write({ tool: name, args, outcome });
    return result(outcome);
  });
  return { server, tools, close: () => log.close() };
}

/**
 * A person's approval of one destructive call: asked through the client
 * (elicitation) where it can ask; else the call's `confirm: true` stands for
 * it (weaker: the agent sets it); else refused, saying what must be approved.
 */
async function approve(
  server: Server,
  tool: Tool,
  args: Record<string, unknown>,
  question: string,
): Promise<boolean> {
  if (server.getClientCapabilities()?.elicitation) {
    const shown = Object.fromEntries(Object.entries(args).filter(([k]) => k !== CONFIRM));
    const answer = await server.elicitInput({
      mode: 'form',
      // The question quotes names from ECE and the agent's arguments: neither may
      // reorder or hide what the person reads (bidi overrides, control characters).
      message: sanitizeText(
        `${question}\n\nAn AI agent asks ece to run ${tool.annotations.title} ${JSON.stringify(shown)}. This is destructive.`,
      ),
      requestedSchema: {
        type: 'object',
        properties: {
          approve: { type: 'boolean', title: 'Approve this call', default: false },
        },
        required: ['approve'],
      },
    });
    if (answer.action === 'accept' && answer.content?.approve === true) return true;
    const e = new Refusal(`refused: the person did not approve: ${question}; nothing was sent`);
    e.hints.push('do not call it again unless the person asks for it');
    throw e;
  }
  if (args[CONFIRM] === true) return true;
  const e = new Refusal(
    `refused: this call is destructive and needs a person's approval: ${question} Nothing was sent`,
  );
  e.hints.push(
    `show the person that question; only if they approve it, call ${tool.name} again with the same arguments and ${CONFIRM}: true`,
  );
  throw e;
}

/** A tool that is not listed: why, and what a person would have to do. */
function notOffered(
  name: string,
  tool: Tool | undefined,
  left: Map<string, string>,
  opts: ServeOptions,
): Outcome {
  let why: string;
  if (tool && rank(tool.effect) > rank(opts.allow))
    why = `${name} is ${tool.effect}, and this ece mcp server allows ${opts.allow === 'read' ? 'reads only' : `up to ${opts.allow}`}: a person must start it with --allow ${tool.effect} for this`;
  else if (tool) why = `${name} is not in the groups given to --only (${opts.only?.join(', ')})`;
  else {
    const line = [...left.keys()].find((l) => l.replace(/[ -]/g, '_') === name);
    why =
      line !== undefined
        ? `ece ${line} is not offered: ${left.get(line)}`
        : `there is no tool ${name}: tools/list says which there are`;
  }
  return {
    outcome: 'refused',
    exit: 2,
    text: `error: refused: ${why}; nothing was sent\n`,
    notes: '',
  };
}

function result(o: Outcome): CallToolResult {
  const content: CallToolResult['content'] = [{ type: 'text', text: o.text }];
  if (o.notes !== '') content.push({ type: 'text', text: o.notes });
  return { content, ...(o.outcome === 'ok' ? {} : { isError: true }) };
}

/**
 * Serves on the run's stdin and stdout until the client closes stdin, or
 * Ctrl-C / SIGTERM. The host and credential are checked first, so a server
 * that could not answer anything fails at start with the usual message.
 */
export async function serve(program: Command, ctx: Context, opts: ServeOptions): Promise<void> {
  if (!opts.dryRun) await ctx.api();
  const { server, tools, close } = await createServer(program, ctx, opts);
  const { StdioServerTransport } = await import('@modelcontextprotocol/sdk/server/stdio.js');
  const { stdin } = ctx.io;
  // stdout carries the protocol: written whole, through the run's masking.
  const stdout = {
    write: (s: string) => {
      ctx.io.stdout.write(s);
      return true;
    },
    once: () => undefined,
  };
  const transport: Transport = new StdioServerTransport(
    stdin as import('node:stream').Readable,
    stdout as unknown as import('node:stream').Writable,
  );
  ctx.serveUntilStopped();
  const stopped = new Promise<void>((resolve) => {
    stdin.once('end', resolve);
    stdin.once('close', resolve);
    ctx.signal?.addEventListener('abort', () => resolve(), { once: true });
  });
  await server.connect(transport);
  ctx.io.stderr.write(
    `ece mcp: ${tools.length} tools (${opts.allow === 'read' ? 'read-only' : `up to ${opts.allow}`}${opts.dryRun ? ', dry run' : ''}) on stdio; calls are logged ${opts.log ? `to ${opts.log}` : 'here'}\n`,
  );
  await stopped;
  await server.close();
  close();
}
