// `ece mcp`: serves the declared verbs as Model Context Protocol tools on
// stdio (src/mcp/). The program loads every verb for it (registry.ts:
// everyVerb); the SDK is loaded only here, when it runs.

import { type Command, Option } from 'commander';
import { act, type Contexts } from '../action.js';
import type { Effect } from '../run/types.js';

interface McpFlags {
  allow: Effect;
  only?: string[];
  log?: string;
}

export function register(cmd: Command, contexts: Contexts): void {
  cmd
    .usage('[options]')
    .addOption(
      new Option(
        '--allow <effect>',
        'offer tools up to this effect: read, write or destructive (each destructive call needs a person’s approval)',
      )
        .choices(['read', 'write', 'destructive'])
        .default('read'),
    )
    .option(
      '--only <group...>',
      'offer only the tools of these command groups (deployments, platform, api, …)',
    )
    .option('--log <file>', 'append the call log to this file (0600) instead of stderr')
    .addHelpText(
      'after',
      `
Runs an MCP server on stdin/stdout for an AI agent's client (Claude Desktop,
VS Code, …). Each command becomes a tool (deployments_list, …) whose answer is
its --json output; credentials come from the usual chain and never reach the
agent. Read-only unless --allow says otherwise. --dry-run makes every write
return its curl line instead of sending it. See docs/mcp.md.

Examples:
  $ ece mcp
  $ ece mcp --only deployments platform
  $ ece mcp --allow destructive --log ~/ece-mcp.log
  $ npx @modelcontextprotocol/inspector --cli ece mcp --method tools/list`,
    )
    .action(
      act(contexts, async (ctx, flags: McpFlags) => {
        const { serve } = await import('../../mcp/server.js');
        await serve(cmd.parent ?? cmd, ctx, {
          allow: flags.allow,
          ...(flags.only ? { only: flags.only } : {}),
          ...(flags.log !== undefined ? { log: flags.log } : {}),
          dryRun: ctx.flags.dryRun === true,
        });
      }),
    );
}
