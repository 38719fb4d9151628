// `ece mcp`: serves the declared verbs as Model Context Protocol tools on
// stdio (src/mcp/). The program loads every verb for it (registry.ts:
// everyVerb); the SDK is loaded only here, when it runs.

import type { Command } from 'commander';
import type { Contexts } from '../action.js';
import { verbCommand } from '../run/command.js';
import { defineVerb, type Effect } from '../run/types.js';

interface McpFlags {
  allow: Effect;
  only?: string[];
  log?: string;
}

/** The program whose verbs become tools: the one this command was registered in. */
let program: Command | undefined;

export const verb = defineVerb<McpFlags>({
  // It changes nothing itself; what its tools may change is --allow's, and
  // each of those calls goes through the executor with its own effect.
  effect: 'read',
  usage: '[options]',
  options: [
    {
      flags: '--allow <effect>',
      description:
        'offer tools up to this effect: read, write or destructive (each destructive call needs a person’s approval)',
      choices: ['read', 'write', 'destructive'],
      default: 'read',
    },
    {
      flags: '--only <group...>',
      description: 'offer only the tools of these command groups (deployments, platform, api, …)',
    },
    {
      flags: '--log <file>',
      description: 'append the call log to this file (0600) instead of stderr',
    },
  ],
  description: `Runs an MCP server on stdin/stdout for an AI agent's client (Claude Desktop,
VS Code, …). Each command becomes a tool (deployments_list, …) whose answer is
its --json output; credentials come from the usual chain and never reach the
agent. Read-only unless --allow says otherwise. --dry-run makes every write
return its curl line instead of sending it. See docs/mcp.md.`,
  examples: [
    'ece mcp',
    'ece mcp --only deployments platform',
    'ece mcp --allow destructive --log ~/ece-mcp.log',
    'npx @modelcontextprotocol/inspector --cli ece mcp --method tools/list',
  ],
  async plan(flags, ctx) {
    const { serve } = await import('../../mcp/server.js');
    if (!program) throw new Error('ece mcp was not registered in a program');
    await serve(program, ctx, {
      allow: flags.allow,
      ...(flags.only ? { only: flags.only } : {}),
      ...(flags.log !== undefined ? { log: flags.log } : {}),
      dryRun: ctx.flags.dryRun === true,
    });
    return {};
  },
});

const command = verbCommand(verb);

export function register(cmd: Command, contexts: Contexts): void {
  program = cmd.parent ?? cmd;
  command.register(cmd, contexts);
}
