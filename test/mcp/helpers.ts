// An MCP client connected in-process to the server of `ece mcp` (the SDK's
// InMemoryTransport), against a sandbox: what the server logs is kept, and
// everything is closed when the test ends.

import { join } from 'node:path';
import type { TestContext } from 'node:test';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import type { CallToolResult, ClientCapabilities } from '@modelcontextprotocol/sdk/types.js';
import { Context } from '../../src/context.js';
import { createServer, type ServeOptions } from '../../src/mcp/server.js';
import { memoryIO } from '../../src/output/memory-io.js';
import { buildProgram } from '../../src/program.js';
import { tempDir } from '../helpers/temp.js';

export interface Connected {
  client: Client;
  /** What the server wrote on stderr (the call log, unless --log). */
  stderr(): string;
  call(name: string, args?: Record<string, unknown>): Promise<CallToolResult>;
}

export async function connect(
  t: TestContext,
  env: Record<string, string>,
  opts: Partial<ServeOptions> = {},
  capabilities: ClientCapabilities = {},
): Promise<Connected> {
  let err = '';
  const home = tempDir('ece-home-', t);
  const ctx = new Context({
    io: memoryIO({ err: (s) => (err += s) }),
    env: { HOME: home, ECE_CONFIG_DIR: join(home, 'config'), ...env },
  });
  const program = await buildProgram(ctx, [], { all: true });
  const { server, close } = await createServer(program, ctx, {
    allow: 'read',
    dryRun: false,
    ...opts,
  });
  const client = new Client({ name: 'test', version: '0' }, { capabilities });
  const [a, b] = InMemoryTransport.createLinkedPair();
  await Promise.all([server.connect(a), client.connect(b)]);
  t.after(async () => {
    await client.close();
    await server.close();
    close();
    await ctx.dispose();
  });
  return {
    client,
    stderr: () => err,
    call: async (name, args = {}) =>
      (await client.callTool({ name, arguments: args })) as CallToolResult,
  };
}

/** The text of a result's content items. */
export function texts(r: CallToolResult): string[] {
  return r.content.map((c) => (c.type === 'text' ? c.text : `<${c.type}>`));
}
