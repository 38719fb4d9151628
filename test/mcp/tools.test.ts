// The tools' input schemas: valid JSON Schema (ajv, strict), and the same
// inputs as the verbs' options — checked against a second generation from
// `ece help --json` (arguments in order, options by flag, types, choices,
// required), so that neither can drift from the declarations. And the pages
// of a long answer.

import { describe, it } from 'node:test';
import type { Tool as McpTool } from '@modelcontextprotocol/sdk/types.js';
import { Ajv } from 'ajv';
import { Option } from 'commander';
import { PAGE_BYTES, page } from '../../src/mcp/call.js';
import { offered } from '../../src/mcp/server.js';
import { type JsonSchema, POLICY, type Tool } from '../../src/mcp/tools.js';
import { helpJson, reference } from '../../src/reference.js';
import assert from '../helpers/assert.js';

/** What the tool's schema should hold, from the help JSON's view of the command. */
function fromHelp(cmd: ReturnType<typeof helpJson>['commands'][number]): {
  args: { description: string; required: boolean; array: boolean; enum?: string[] }[];
  options: Map<string, { type: string; enum?: string[] }>;
} {
  const options = new Map<string, { type: string; enum?: string[] }>();
  for (const o of cmd.options) {
    if (o.global || o.long === '--yes' || o.long === null) continue;
    // Left out on purpose (POLICY, docs/mcp.md): stdin, prompts, local files, secrets.
    if (/-stdin$|^--(change-password|output-file|save)$/.test(o.long)) continue;
    if (/\b(show_security|show_metadata)\b/.test(o.description)) continue;
    const attr = new Option(o.flags).attributeName();
    const prop = attr.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
    if (options.has(prop)) continue; // --x and --no-x: one property
    options.set(prop, {
      type: o.type === 'boolean' ? 'boolean' : 'string',
      ...(o.choices ? { enum: o.choices } : {}),
    });
  }
  return {
    args: cmd.arguments.map((a) => ({
      description: a.description,
      required: a.required,
      array: a.variadic,
      ...(a.choices ? { enum: a.choices } : {}),
    })),
    options,
  };
}

describe('mcp tools', () => {
  it('every input schema is valid JSON Schema and matches the command as ece help --json sees it', async () => {
    const ref = await reference();
    const help = helpJson(ref);
    const { tools, left } = offered(ref.program, { allow: 'destructive' });
    const ajv = new Ajv({ strict: true });
    assert.ok(tools.length > 60, String(tools.length));
    for (const tool of tools) {
      assert.equal(ajv.validateSchema(tool.inputSchema), true, `${tool.name}: ${ajv.errorsText()}`);
      ajv.compile(tool.inputSchema);
      if (tool.name === 'api_get') continue;
      const cmd = help.commands.find((c) => c.path === `ece ${tool.words.join(' ')}`);
      assert.ok(cmd, tool.name);
      assert.equal(cmd.effect, tool.effect, tool.name);
      const want = fromHelp(cmd);
      const props = Object.entries(tool.inputSchema.properties ?? {});
      const required = tool.inputSchema.required ?? [];
      // Arguments first, in order.
      const args = props.slice(0, want.args.length);
      assert.deepEqual(
        args.map(([name, s]) => ({
          description: s.description,
          required: required.includes(name),
          array: s.type === 'array',
          ...((s.items ?? s).enum ? { enum: [...((s.items ?? s).enum ?? [])] } : {}),
        })),
        want.args,
        tool.name,
      );
      const options = new Map(
        props
          .slice(want.args.length)
          .filter(([name]) => !['confirm', 'result_offset', 'wait', 'wait_timeout'].includes(name))
          .map(([name, s]): [string, { type: string; enum?: string[] }] => {
            const one: JsonSchema = s.type === 'array' ? (s.items ?? {}) : s;
            return [name, { type: one.type ?? '?', ...(one.enum ? { enum: [...one.enum] } : {}) }];
          }),
      );
      want.options.delete('wait');
      want.options.delete('wait_timeout');
      assert.deepEqual(options, want.options, tool.name);
      assert.equal('confirm' in (tool.inputSchema.properties ?? {}), tool.effect === 'destructive');
      assert.equal(
        'wait' in (tool.inputSchema.properties ?? {}),
        cmd.options.some((o) => o.long === '--wait'),
        tool.name,
      );
    }
    // What is left out says why; no verb whose answer is a secret is a tool.
    for (const line of POLICY.secretAnswers.keys())
      assert.ok(!tools.some((t) => t.words.join(' ') === line), line);
    assert.equal(left.get('auth token'), 'its answer is the bearer token');
  });

  it('a listed tool is what an MCP client accepts as a Tool', async () => {
    const { ToolSchema } = await import('@modelcontextprotocol/sdk/types.js');
    const ref = await reference();
    for (const t of offered(ref.program, { allow: 'destructive' }).tools) {
      const listed: McpTool = {
        name: t.name,
        description: t.description,
        inputSchema: t.inputSchema as McpTool['inputSchema'],
        annotations: t.annotations,
      };
      assert.equal(ToolSchema.safeParse(listed).success, true, t.name);
    }
  });

  it('a long answer comes in pages of 100 KB, cut on character boundaries, each saying where the next starts', () => {
    const tool = { name: 'deployments_list', effect: 'read', pages: true } as Tool;
    const text = `${'é'.repeat(PAGE_BYTES)}\n`; // two bytes each: three pages
    const first = page(tool, text, 0);
    assert.equal(Buffer.byteLength(first.text), PAGE_BYTES);
    assert.equal(
      first.note,
      `note: the answer is ${2 * PAGE_BYTES + 1} bytes, cut into pages of ${PAGE_BYTES}: this is bytes 0 to ${PAGE_BYTES}; call deployments_list again with the same arguments and result_offset: ${PAGE_BYTES} for the next part\n`,
    );
    // An offset inside a character starts at the next whole one.
    const second = page(tool, text, PAGE_BYTES + 1);
    assert.ok(
      second.text === `${'é'.repeat(PAGE_BYTES / 2 - 1)}\n`,
      'starts at the next character',
    );
    assert.match(second.note, /this is bytes 102402 to 204801; this is the last part\n$/);
    const last = page(tool, text, 2 * PAGE_BYTES - 1);
    assert.equal(last.text, '\n');
    assert.match(last.note, /this is the last part\n$/);
    assert.deepEqual(page(tool, 'short', 0), { text: 'short', note: '' });
    assert.throws(
      () => page(tool, 'short', 10),
      /result_offset 10 is past the end of the answer \(5 bytes\)/,
    );
  });
});
