// `ece help --json` (every command as data) and `ece help <command…>` at any
// depth; the drift test against docs/commands.md.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { EXIT_CODES } from '../../src/errors.js';
import type { HelpJson } from '../../src/reference.js';
import assert from '../helpers/assert.js';
import { run } from '../helpers/cli.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Each `## ece …` section of docs/commands.md: the command and the long (else short) flags it lists. */
function documented(): Map<string, string[]> {
  const md = readFileSync(join(ROOT, 'docs/commands.md'), 'utf8');
  const out = new Map<string, string[]>();
  for (const m of md.matchAll(/^## (ece[^\n]*)\n\n```text\n([\s\S]*?)\n```/gm)) {
    const flags: string[] = [];
    let inOptions = false;
    for (const line of (m[2] ?? '').split('\n')) {
      if (/^\S/.test(line)) inOptions = /^(Global )?Options:$/.test(line);
      const f = inOptions ? /^ {2}(-\w)?(?:, )?(--[\w-]+)?/.exec(line) : null;
      if (f && (f[1] || f[2])) flags.push((f[2] ?? f[1]) as string);
    }
    out.set(m[1] ?? '', flags);
  }
  return out;
}

async function helpJson(args: string[] = []): Promise<HelpJson> {
  const r = await run(['help', '--json', ...args]);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stderr, '');
  return JSON.parse(r.stdout) as HelpJson;
}

describe('ece help --json', () => {
  it('lists every command of docs/commands.md, and every option of each', async () => {
    const tree = await helpJson();
    const docs = documented();
    assert.ok(docs.size >= 40, `only ${docs.size} commands found in docs/commands.md`);
    const globals = tree.commands[0]?.options.filter((o) => o.global) ?? [];
    for (const [path, flags] of docs) {
      const cmd = tree.commands.find((c) => c.path === path);
      assert.ok(cmd, `${path} is in docs/commands.md but not in ece help --json`);
      const known = [...cmd.options, ...globals].flatMap((o) => [o.long, o.short]);
      for (const f of flags) assert.ok(known.includes(f), `${path}: ${f} is missing`);
    }
    assert.deepEqual(
      tree.commands.map((c) => c.path),
      [...docs.keys()],
      'the same commands, in the same order',
    );
  });

  it('says the type, default and environment variable of options, and the exit codes', async () => {
    const tree = await helpJson();
    assert.deepEqual(
      tree.exit_codes,
      EXIT_CODES.map(([name, code, meaning]) => ({ code, name, meaning })),
    );
    const root = tree.commands[0];
    const opt = (long: string) => root?.options.find((o) => o.long === long);
    assert.deepEqual(opt('--host'), {
      flags: '--host <host>',
      long: '--host',
      short: null,
      description: 'ECE host: name, name:port or URL (env: ECE_HOST)',
      type: 'string',
      default: null,
      env: 'ECE_HOST',
      global: true,
    });
    assert.deepEqual([opt('--timeout')?.default, opt('--timeout')?.env], ['30s', 'ECE_TIMEOUT']);
    assert.deepEqual([opt('--insecure')?.type, opt('--insecure')?.short], ['boolean', '-k']);
    assert.deepEqual(
      [opt('--output')?.type, opt('--output')?.choices],
      ['choices', ['table', 'tsv', 'wide', 'json', 'yaml']],
    );
    assert.deepEqual([opt('--no-color')?.default, opt('--no-color')?.env], [true, 'NO_COLOR']);
    assert.equal(opt('--version')?.global, false);
  });

  it('with a command: that command and the ones below it, with arguments and examples', async () => {
    const tree = await helpJson(['allocators', 'maintenance']);
    assert.deepEqual(tree.commands, [
      {
        path: 'ece allocators maintenance',
        name: 'maintenance',
        aliases: [],
        summary: 'Turn maintenance mode on or off (no new instances are placed there)',
        effect: 'write',
        usage: 'ece allocators maintenance [options] <id> <on|off>',
        arguments: [
          { name: 'id', description: 'allocator id', required: true, variadic: false },
          { name: 'on|off', description: 'on or off', required: true, variadic: false },
        ],
        options: [
          {
            flags: '-y, --yes',
            long: '--yes',
            short: '-y',
            description: 'do not ask for confirmation',
            type: 'boolean',
            default: false,
            env: null,
            global: false,
          },
        ],
        examples: [
          'ece allocators maintenance 192.168.44.10 on',
          'ece allocators maintenance 192.168.44.10 off --dry-run',
        ],
        subcommands: [],
      },
    ]);
    const keys = await helpJson(['auth', 'keys']);
    assert.deepEqual(
      keys.commands.map((c) => c.path),
      [
        'ece auth keys',
        'ece auth keys list',
        'ece auth keys show',
        'ece auth keys create',
        'ece auth keys delete',
      ],
    );
  });
});

describe('ece help <command…>', () => {
  it("shows the named command's own help, at any depth, by name or alias", async () => {
    for (const words of [
      ['deployments', 'list'],
      ['dep', 'ls'],
      ['auth', 'keys', 'create'],
      ['allocators', 'show'],
      ['deployments'],
    ]) {
      const viaHelp = await run(['help', ...words]);
      const viaFlag = await run([...words, '--help']);
      assert.deepEqual([viaHelp.code, viaHelp.stderr], [0, ''], words.join(' '));
      assert.equal(viaHelp.stdout, viaFlag.stdout, words.join(' '));
    }
    const flagged = await run(['help', '--no-color', 'deployments', '-o', 'json', 'list']);
    assert.equal(flagged.stdout, (await run(['deployments', 'list', '--help'])).stdout);
    const list = await run(['help', 'deployments', 'list']);
    assert.match(list.stdout, /^Usage: ece deployments list\|ls \[options\]\n/);
  });

  it('an unknown topic or command: exit 2, one error line, what there is', async () => {
    const r = await run(['help', 'nonsense']);
    assert.deepEqual(
      [r.code, r.stdout, r.stderr],
      [
        2,
        '',
        'error: unknown help topic or command "nonsense"\n' +
          'hint: help topics: exit-codes, environment, formatting\n' +
          'hint: commands: deployments, traffic-filters, extensions, comments, platform, allocators, runners, roles, proxies, coordinators, constructors, templates, instance-configs, stack, snapshot-repos, license, users, security, enrollment-tokens, tls, logging, login, logout, auth, config, api, completion, sandbox, mcp\n',
      ],
    );
    const deep = await run(['help', 'auth', 'keys', 'rotate']);
    assert.deepEqual(
      [deep.code, deep.stdout, deep.stderr],
      [
        2,
        '',
        'error: unknown help topic or command "auth keys rotate"\nhint: commands of ece auth keys: list, show, create, delete\n',
      ],
    );
    const after = await run(['--no-color', '--host', 'x', 'help', 'nonsense']);
    assert.deepEqual([after.code, after.stderr], [2, r.stderr]);
    const flag = await run(['help', '--bogus']);
    assert.deepEqual(
      [flag.code, flag.stderr],
      [2, "error: unknown option '--bogus' for ece help\n"],
    );
  });

  it('ece help alone is the root help, exit 0', async () => {
    const r = await run(['help']);
    assert.equal(r.code, 0);
    assert.match(r.stdout, /^Usage: ece \[options\] \[command\]\n/);
    assert.match(r.stdout, /ece help --json\n$/);
  });
});
