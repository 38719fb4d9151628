// `ece mcp` as a process: the SDK's Client over stdio (StdioClientTransport)
// spawning the built binary, against the sandbox — the tools listed, answers
// the same as `ece … --json`, the call log on stderr with no secret, and a
// clean end when the client closes stdin. And start-up: no other command
// loads the MCP SDK.

import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import assert from '../helpers/assert.js';
import { BIN, baseEnv, ece, spawnProc } from '../helpers/e2e.js';
import { useSandbox } from '../helpers/sandbox.js';
import { tempDir } from '../helpers/temp.js';

describe('ece mcp over stdio', () => {
  const sb = useSandbox();

  it('lists tools and answers deployments_list and deployments_show as ece … --json does', async (t) => {
    const env = { ...baseEnv(), ...sb.env };
    const transport = new StdioClientTransport({
      command: process.execPath,
      args: [BIN, 'mcp'],
      env,
      stderr: 'pipe',
    });
    let stderr = '';
    transport.stderr?.on('data', (d: Buffer) => {
      stderr += d.toString('utf8');
    });
    const client = new Client({ name: 'e2e', version: '0' });
    await client.connect(transport);
    t.after(() => client.close());
    const { tools } = await client.listTools();
    assert.ok(tools.some((x) => x.name === 'deployments_list'));
    assert.ok(!tools.some((x) => x.annotations?.readOnlyHint !== true));
    const list = (await client.callTool({ name: 'deployments_list' })) as CallToolResult;
    const cli = await ece(['deployments', 'list', '--json'], { env: sb.env });
    assert.equal(cli.code, 0);
    assert.deepEqual(list.content, [{ type: 'text', text: cli.stdout }]);
    const id = (JSON.parse(cli.stdout) as { deployments: { id: string }[] }).deployments[0]?.id;
    assert.ok(id);
    const show = (await client.callTool({
      name: 'deployments_show',
      arguments: { deployment: id },
    })) as CallToolResult;
    const cliShow = await ece(['deployments', 'show', id, '--json'], { env: sb.env });
    assert.deepEqual(show.content, [{ type: 'text', text: cliShow.stdout }]);
    await client.close();
    const lines = stderr.trimEnd().split('\n');
    assert.match(
      lines[0] ?? '',
      /^ece mcp: \d+ tools \(read-only\) on stdio; calls are logged here$/,
    );
    assert.deepEqual(
      lines.slice(1).map((l) => {
        const e = JSON.parse(l) as { tool: string; outcome: string };
        return `${e.tool} ${e.outcome}`;
      }),
      ['deployments_list ok', 'deployments_show ok'],
    );
    assert.ok(!stderr.includes(sb.sb.apiKey));
  });

  it('a bad --allow or --only is a usage error before serving (exit 2)', async () => {
    const r = await ece(['mcp', '--allow', 'everything'], { env: sb.env });
    assert.equal(r.code, 2);
    assert.equal(
      r.stderr,
      "error: option '--allow <effect>' argument 'everything' is invalid. Allowed choices are read, write, destructive.\n",
    );
    const only = await ece(['mcp', '--only', 'nothing'], { env: sb.env });
    assert.equal(only.code, 2);
    assert.match(only.stderr, /^error: unknown group "nothing" for --only \(groups: deployments, /);
  });
});

describe('start-up without the MCP SDK', () => {
  const dir = tempDir('ece-mcp-lazy-');
  after(() => rmSync(dir, { recursive: true, force: true }));
  const hook = join(dir, 'hook.cjs');
  writeFileSync(
    hook,
    `const M = require('node:module');
const load = M._load;
const seen = new Set();
M._load = function (request, parent) {
  const out = load.apply(this, arguments);
  try { seen.add(M._resolveFilename(request, parent)); } catch {}
  return out;
};
process.on('exit', () => {
  process.stderr.write('LOADED ' + [...seen].filter((f) => f.includes('/dist/')).join(' ') + '\\n');
});
`,
  );
  /** Whether a run loaded code of the SDK (its protocol's method names are in it, minified or not). */
  const loadsSdk = async (argv: string[]): Promise<boolean> => {
    const r = await spawnProc(process.execPath, ['--require', hook, BIN, ...argv], {
      env: baseEnv(),
      exactEnv: true,
    });
    assert.equal(r.code, 0, r.stderr);
    const files = (r.stderr.split('\n').find((l) => l.startsWith('LOADED ')) ?? '')
      .slice('LOADED '.length)
      .split(' ');
    return files.some((f) => readFileSync(f, 'utf8').includes('elicitation/create'));
  };

  it('ece --help, a verb’s help and ece mcp --help load none of it; serving does', async () => {
    assert.equal(await loadsSdk(['--help']), false);
    assert.equal(await loadsSdk(['deployments', 'list', '--help']), false);
    assert.equal(await loadsSdk(['mcp', '--help']), false);
    // The check can fail: serving (here until stdin ends at once) loads it.
    assert.equal(await loadsSdk(['mcp', '--dry-run']), true);
  });
});
