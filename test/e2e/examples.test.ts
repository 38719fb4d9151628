// Every `ece …` line of README.md and docs/*.md runs against a sandbox and
// must exit 0; docs/testing.md ("Examples in the docs are tests") is the
// rule for doc writers, this header is how the test reads it.
//
// Which lines: `$ …` lines of ```console blocks, and every line of ```sh,
// ```bash and ```shell blocks, that have `ece` in a command position (first
// word, or after `&&`, `|`, `;`, `$(`, `<(`). Other lines (`npm ci`, `npx …`,
// output) are not ece lines. docs/commands.md is generated from the help
// texts, whose `Examples:` lines the command tests check; yaml blocks are CI
// configuration, not something a user pastes into a shell.
// `<!-- no-run: REASON -->` on the line before a block's fence skips every
// line of that block, and the REASON shows in the skip.
//
// How a line runs (in the doc's order, one sandbox, home and working
// directory per doc):
//   in-process, through the CLI's main(): `ece ARGS`, `&&` chains of them,
//     each optionally `> FILE`, `<<< WORD`, or fed by `printf FMT ARGS |` /
//     `echo ARGS |`; `ece ARGS | REST` runs ece in-process and REST in bash
//     on its output; `unset VAR` drops VAR; `export …` is skipped (the
//     sandbox is the connection);
//   in bash with `ece` on PATH as the built binary (a process each, so only
//     these): anything else (`$(…)`, `<(…)`, `VAR=… ece`), and a ```bash
//     block that starts with `#!`, which runs whole as one script.
// A console line whose shown output has an `error: ` line must fail (non-zero,
// an error line on stderr). A line whose comment says `# asks` runs at a
// terminal and is answered y; the others have no terminal, as in a script.
//
// The doc's variables (the substitution table): ECE_HOST and ECE_API_KEY
// (the sandbox; the environment of every line), ECE_PASSWORD and PW (its
// admin password), SECRET_KEY (a made-up secret), KEY_ID (the id of the API
// key described "ci-pipeline" when the line runs). An id a console block
// shows as a command's output (its first line, one word) stands, in later
// lines, for what that command really printed.
//
// The sandbox runs on a fake clock that moves only while a line waits
// (`--wait`, `plan watch`, `heap-dump`): every request such a line makes
// moves it past a whole plan, and the CLI's polls do not sleep, so the line
// finishes at once, while a plan a line starts without waiting is still
// pending for the next line (`plan cancel`).

import {
  chmodSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { ProfileCredentials } from '../../src/auth/store.js';
import { readConfig } from '../../src/config/store.js';
import { KEY_USER } from '../../src/sandbox/server.js';
import assert from '../helpers/assert.js';
import { run, tempDir } from '../helpers/cli.js';
import { BIN, spawnProc } from '../helpers/e2e.js';
import { createRequest, type TestSandbox, testSandbox } from '../helpers/sandbox.js';
import { makeZip } from '../helpers/zip.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const PLAN_MS = 30_000;

// ---------------------------------------------------------------------------
// Reading the docs

interface Block {
  lang: string;
  name: string | undefined;
  body: string;
  /** The line of the fence's first body line. */
  line: number;
  noRun: string | undefined;
}

function blocks(md: string): Block[] {
  const out: Block[] = [];
  for (const m of md.matchAll(/^```(\S*)(?:[ \t]+(\S+))?\n([\s\S]*?)^```$/gm)) {
    const before = md.slice(0, m.index);
    const line = before.split('\n').length + 1;
    const prev = before.trimEnd().split('\n').at(-1) ?? '';
    const noRun = /^<!-- no-run: (.+?) -->$/.exec(prev.trim())?.[1];
    out.push({ lang: m[1] ?? '', name: m[2], body: m[3] ?? '', line, noRun });
  }
  return out;
}

interface DocLine {
  doc: string;
  at: number;
  cmd: string;
  /** A whole script (a ```bash block starting with #!). */
  script?: boolean;
  noRun?: string;
  /** The output the doc shows has an `error:` line: the line must fail. */
  fails?: boolean;
  /** The doc shows a single word as the line's output (an id it made). */
  shows?: string;
}

const SHELLS = new Set(['sh', 'bash', 'shell']);
/** `ece` where a shell looks for a command. */
const ECE_COMMAND = /(?:^|&&|\|\||[|;(`]|\$\()\s*(?:\w+=\S*\s+)*ece(?:\s|$)/;

function docLines(doc: string, md: string): DocLine[] {
  const out: DocLine[] = [];
  for (const b of blocks(md)) {
    if (b.lang !== 'console' && !SHELLS.has(b.lang)) continue;
    const noRun = b.noRun === undefined ? {} : { noRun: b.noRun };
    if (b.lang === 'bash' && b.body.startsWith('#!')) {
      if (ECE_COMMAND.test(b.body.replace(/\n/g, ';')))
        out.push({ doc, at: b.line, cmd: b.body, script: true, ...noRun });
      continue;
    }
    const raw = b.body.split('\n');
    for (let i = 0; i < raw.length; i++) {
      const at = b.line + i;
      let l = raw[i] ?? '';
      // A trailing backslash continues the line.
      while (l.endsWith('\\') && i + 1 < raw.length) l = `${l.slice(0, -1)} ${raw[++i]?.trim()}`;
      let fails = false;
      let shows: string | undefined;
      if (b.lang === 'console') {
        if (!l.startsWith('$ ')) continue;
        l = l.slice(2);
        const shown = raw.slice(i + 1);
        const next = shown.findIndex((x) => x.startsWith('$ '));
        const output = next < 0 ? shown : shown.slice(0, next);
        fails = output.some((x) => x.startsWith('error: '));
        if (/^[\w.-]{8,}$/.test(output[0] ?? '')) shows = output[0];
      }
      l = l.trim();
      if (l === '' || l.startsWith('#')) continue;
      if (ECE_COMMAND.test(l) || /^unset \w+$/.test(l))
        out.push({
          doc,
          at,
          cmd: l,
          ...noRun,
          ...(fails ? { fails } : {}),
          ...(shows ? { shows } : {}),
        });
    }
  }
  return out;
}

// ---------------------------------------------------------------------------
// Parsing one line

/** An operator keeps where it ends in the line: a pipe's right side runs in bash. */
type Token = { word: string } | { op: string; end: number };

/** What needs a shell to run. */
class NeedsShell extends Error {}

/** Shell-like tokens: quotes, $VAR, operators, a trailing comment; no globbing. */
function tokenize(line: string, vars: Record<string, string | undefined>): Token[] {
  const expand = (s: string) => {
    if (/\$\(|`/.test(s)) throw new NeedsShell();
    return s.replace(/\$(\w+)|\$\{(\w+)\}/g, (_, a: string | undefined, b: string | undefined) => {
      const name = a ?? b ?? '';
      const v = vars[name];
      if (v === undefined)
        throw new Error(`no value for $${name} (add it to the table in ${HERE})`);
      return v;
    });
  };
  const out: Token[] = [];
  let cur: string | undefined;
  const end = () => {
    if (cur !== undefined) out.push({ word: cur });
    cur = undefined;
  };
  for (let i = 0; i < line.length; ) {
    const c = line[i] ?? '';
    const rest = line.slice(i);
    if (c === ' ' || c === '\t') {
      end();
      i++;
    } else if (c === '#' && cur === undefined) {
      break;
    } else if (c === "'") {
      const close = line.indexOf("'", i + 1);
      if (close < 0) throw new Error(`unbalanced ' in: ${line}`);
      cur = (cur ?? '') + line.slice(i + 1, close);
      i = close + 1;
    } else if (c === '"') {
      const close = line.indexOf('"', i + 1);
      if (close < 0) throw new Error(`unbalanced " in: ${line}`);
      cur = (cur ?? '') + expand(line.slice(i + 1, close));
      i = close + 1;
    } else if (/^(\$\(|<\(|`|\\)/.test(rest)) {
      throw new NeedsShell();
    } else {
      const op = /^(&&|\|\||<<<|>>|2>&1|2>|[|;&<>()])/.exec(rest)?.[0];
      if (op) {
        end();
        i += op.length;
        out.push({ op, end: i });
        continue;
      }
      const m = /^[^\s'"|;&<>()#`\\]+/.exec(rest)?.[0] ?? c;
      // `VAR=value cmd`: an assignment where a command starts.
      const atCommand = out.length === 0 || 'op' in (out.at(-1) as Token);
      if (cur === undefined && atCommand && /^\w+=/.test(m)) throw new NeedsShell();
      cur = (cur ?? '') + expand(m);
      i += m.length;
    }
  }
  end();
  return out;
}

interface Step {
  argv: string[];
  stdin?: string;
  /** Write stdout to this file (`> FILE`). */
  out?: string;
  /** Pipe stdout into this (`| jq …`), run by bash. */
  pipeTo?: string;
}

type Plan =
  | { kind: 'steps'; steps: Step[] }
  | { kind: 'unset'; name: string }
  | { kind: 'ignore' }
  | { kind: 'shell' };

/** printf with %s and the escapes \n and \t, as the docs use it. */
function printf(args: string[]): string {
  const [fmt = '', ...rest] = args;
  let i = 0;
  return fmt
    .replace(/%s/g, () => rest[i++] ?? '')
    .replace(/\\n/g, '\n')
    .replace(/\\t/g, '\t');
}

function parse(line: string, vars: Record<string, string | undefined>): Plan {
  let toks: Token[];
  try {
    toks = tokenize(line, vars);
  } catch (err) {
    if (err instanceof NeedsShell) return { kind: 'shell' };
    throw err;
  }
  const parts: Token[][] = [[]];
  for (const t of toks) {
    if ('op' in t && t.op === '&&') parts.push([]);
    else parts.at(-1)?.push(t);
  }
  const steps: Step[] = [];
  for (const part of parts) {
    let stdin: string | undefined;
    let tokens = part;
    const pipes = tokens.flatMap((t, i) => ('op' in t && t.op === '|' ? [i] : []));
    const first = tokens[pipes[0] ?? -1];
    const left = tokens.slice(0, pipes[0]);
    const right = first && 'op' in first ? line.slice(first.end) : '';
    if (
      parts.length === 1 &&
      pipes.length === 1 &&
      left[0] &&
      'word' in left[0] &&
      left[0].word === 'ece' &&
      left.every((t) => 'word' in t) &&
      !ECE_COMMAND.test(right)
    ) {
      // `ece … | jq …`: ece in-process, what reads its output in bash.
      const argv = left.map((t) => ('word' in t ? t.word : ''));
      return { kind: 'steps', steps: [{ argv: argv.slice(1), pipeTo: right.trim() }] };
    }
    if (pipes.length > 1) return { kind: 'shell' };
    if (pipes.length === 1) {
      if (left.some((t) => 'op' in t)) return { kind: 'shell' };
      const [cmd, ...args] = left.map((t) => ('word' in t ? t.word : ''));
      if (cmd === 'printf') stdin = printf(args);
      else if (cmd === 'echo') stdin = `${args.join(' ')}\n`;
      else return { kind: 'shell' };
      tokens = tokens.slice((pipes[0] ?? 0) + 1);
    }
    const argv: string[] = [];
    let out: string | undefined;
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i] as Token;
      if ('word' in t) {
        argv.push(t.word);
        continue;
      }
      const next = tokens[i + 1];
      if (!next || !('word' in next)) return { kind: 'shell' };
      if (t.op === '>') out = next.word;
      else if (t.op === '<<<') stdin = `${next.word}\n`;
      else return { kind: 'shell' };
      i++;
    }
    if (parts.length === 1 && argv[0] === 'unset' && argv.length === 2)
      return { kind: 'unset', name: argv[1] ?? '' };
    if (parts.length === 1 && argv[0] === 'export') return { kind: 'ignore' };
    if (argv[0] !== 'ece') return { kind: 'shell' };
    steps.push({
      argv: argv.slice(1),
      ...(stdin === undefined ? {} : { stdin }),
      ...(out ? { out } : {}),
    });
  }
  return { kind: 'steps', steps };
}

const HERE = 'test/e2e/examples.test.ts';

// ---------------------------------------------------------------------------
// The fixtures: what the docs take for granted in the working directory and
// in the installation, beyond what the sandbox seeds (deployments prod-logs,
// search-staging, metrics; users admin, readonly; allocators 192.168.44.10-12).
// A doc that makes one of these itself (`users create jdoe`) gets none.

function writeFixtures(cwd: string, doc: Block[]): void {
  const files: Record<string, string | Buffer> = {
    'deployment.json': `${JSON.stringify(createRequest('new-logs'), null, 2)}\n`,
    'index.json': '{"settings": {"number_of_shards": 1}}\n',
    'query.json': '{"query": {"match_all": {}}}\n',
    'key.txt': 'example-secret-key\n',
    'access-key.txt': 'example-access-key\n',
    'sa.json': '{"type": "service_account"}\n',
    'synonyms.zip': makeZip({ 'synonyms.txt': 'laptop, notebook\n' }),
    '8.16.0.zip': makeZip({ '8.16.0/stackpack.json': '{"version":"8.16.0"}' }),
    // What the CI job of docs/deployments.md runs against the new deployment.
    'run-integration-tests.sh': '#!/bin/sh\ntest -n "$1" && test -n "$2"\n',
  };
  for (const [name, body] of Object.entries(files)) writeFileSync(join(cwd, name), body);
  chmodSync(join(cwd, 'run-integration-tests.sh'), 0o755);
  // A ```json NAME block is the file NAME.
  for (const b of doc) if (b.lang === 'json' && b.name) writeFileSync(join(cwd, b.name), b.body);
}

async function seed(t: TestSandbox, md: string, env: Record<string, string>): Promise<void> {
  const create = async (name: string, version?: string) => {
    const body = createRequest(name);
    if (version) {
      const resources = body.resources as Record<string, { plan: Record<string, unknown> }[]>;
      for (const [kind, list] of Object.entries(resources))
        for (const r of list) (r.plan[kind] as { version: string }).version = version;
    }
    const r = await t.call('POST', '/deployments', { body });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    return (r.body as { id: string }).id;
  };
  await create('old-logs');
  await create('logs-78', '7.17.24');
  await create('search-hub');
  const staging = await create('staging');
  t.advance(10 * PLAN_MS);
  const shut = await t.call('POST', `/deployments/${staging}/_shutdown`);
  assert.equal(shut.status, 200, JSON.stringify(shut.body));
  t.advance(10 * PLAN_MS);
  if (!md.includes('users create jdoe')) {
    const user = await t.call('POST', '/users', {
      body: {
        user_name: 'jdoe',
        security: { password: 'jdoe-Passw0rd', roles: ['ece_platform_viewer'] },
      },
    });
    assert.equal(user.status, 200, JSON.stringify(user.body));
    // The ids docs/authentication.md deletes.
    for (const id of ['2a1b3c4d5e6f', '7f8e9d0c1b2a'])
      t.sb.auth.addKey('jdoe', 'laptop', undefined, id);
  }
  if (!md.includes('--description ci-pipeline')) t.sb.auth.addKey(KEY_USER, 'ci-pipeline');
  // A newer stack version than the deployments run, to upgrade to.
  const up = await run(['stack', 'upload', '8.16.0.zip'], { env });
  assert.equal(up.code, 0, up.stderr);
  // Files the docs take from an earlier step that is not theirs: resize.json
  // changes prod-logs (an update that changes nothing waits for no plan).
  const payload = await run(['deployments', 'show', 'prod-logs', '--update-payload'], { env });
  assert.equal(payload.code, 0, payload.stderr);
  for (const name of ['update.json', 'resize.json']) {
    if (existsSync(name)) continue;
    const p = JSON.parse(payload.stdout) as {
      resources: { elasticsearch: { plan: { cluster_topology: { size: { value: number } }[] } }[] };
    };
    const top = p.resources.elasticsearch[0]?.plan.cluster_topology[0];
    if (name === 'resize.json' && top) top.size.value *= 2;
    writeFileSync(name, `${JSON.stringify(p, null, 2)}\n`);
  }
}

// ---------------------------------------------------------------------------
// The runs

const docs = [
  'README.md',
  ...readdirSync(join(ROOT, 'docs'))
    .filter((f) => f.endsWith('.md') && f !== 'commands.md')
    .map((f) => `docs/${f}`),
];

const allLines = docs.flatMap((doc) => docLines(doc, readFileSync(join(ROOT, doc), 'utf8')));

test('the docs hold the lines this test runs', () => {
  // Walking every doc: a parser that found nothing would pass vacuously.
  const runnable = allLines.filter((l) => !l.noRun);
  assert.ok(runnable.length >= 200, `only ${runnable.length} lines run`);
  const byReason = new Map<string, number>();
  for (const l of allLines) if (l.noRun) byReason.set(l.noRun, (byReason.get(l.noRun) ?? 0) + 1);
  console.log(
    `${runnable.length} lines run; no-run: ${JSON.stringify(Object.fromEntries(byReason))}`,
  );
});

test('a line runs in-process unless it needs a shell', () => {
  const v = { ID: 'abc' };
  const steps = (line: string) => {
    const p = parse(line, v);
    return p.kind === 'steps' ? p.steps : p.kind;
  };
  assert.deepEqual(steps(`ece api /x -F size=50 --query '[].id'   # a comment`), [
    { argv: ['api', '/x', '-F', 'size=50', '--query', '[].id'] },
  ]);
  assert.deepEqual(steps('ece a "$ID" > out.json && ece b <<< \'{"x": 1}\''), [
    { argv: ['a', 'abc'], out: 'out.json' },
    { argv: ['b'], stdin: '{"x": 1}\n' },
  ]);
  assert.deepEqual(steps(`printf '%s\\n' "$ID" | ece login --password-stdin`), [
    { argv: ['login', '--password-stdin'], stdin: 'abc\n' },
  ]);
  assert.deepEqual(steps(`ece list --json | jq -r '.[] | .id'`), [
    { argv: ['list', '--json'], pipeTo: `jq -r '.[] | .id'` },
  ]);
  assert.equal(steps('ECE_PROFILE=x ece list'), 'shell');
  assert.equal(steps('id=$(ece create -f d.json)'), 'shell');
  assert.equal(steps('source <(ece completion bash)'), 'shell');
  assert.equal(steps('ece a | ece b'), 'shell');
  assert.equal(steps('unset ECE_API_KEY'), 'unset');
  assert.throws(() => parse('ece show "$NOPE"', v), /no value for \$NOPE/);
  assert.deepEqual(
    docLines(
      'x.md',
      [
        '```console',
        '$ ece a',
        'out',
        '$ ece b',
        'error: no',
        '```',
        '```sh',
        'npm ci',
        'ece c && \\',
        '  ece d',
        '```',
      ].join('\n'),
    ).map((l) => [l.at, l.cmd, l.fails === true]),
    [
      [2, 'ece a', false],
      [4, 'ece b', true],
      [9, 'ece c &&  ece d', false],
    ],
  );
});

for (const doc of docs) {
  const md = readFileSync(join(ROOT, doc), 'utf8');
  const lines = docLines(doc, md);
  if (lines.length === 0) continue;

  describe(`every ece line of ${doc}`, () => {
    let t: TestSandbox;
    let waiting = false;
    const cwd = tempDir('ece-docs-');
    const home = tempDir('ece-docs-home-');
    const bin = join(home, 'bin');
    const configDir = join(home, 'config');
    const keychain = new Map<string, string>();
    const store = new ProfileCredentials(
      configDir,
      (name) => readConfig(configDir).profiles?.[name],
      {
        keychain: {
          where: 'the test keychain',
          get: async (a) => keychain.get(a),
          set: async (a, s) => void keychain.set(a, s),
          delete: async (a) => keychain.delete(a),
        },
      },
    );
    let env: Record<string, string> = {};
    const startedIn = process.cwd();

    before(async () => {
      t = await testSandbox({
        fakeClock: true,
        planDurationMs: PLAN_MS,
        deployments: 3,
        onExchange: () => {
          if (waiting) t.advance(2 * PLAN_MS);
        },
      });
      env = { HOME: home, ECE_CONFIG_DIR: configDir, ...t.env };
      mkdirSync(bin);
      symlinkSync(BIN, join(bin, 'ece'));
      writeFixtures(cwd, blocks(md));
      // In-process, `-f deployment.json` and `> out.json` resolve against this
      // process's directory (node:test runs each test file in its own process).
      process.chdir(cwd);
      await seed(t, md, env);
    });

    after(async () => {
      process.chdir(startedIn);
      await t?.close();
      rmSync(cwd, { recursive: true, force: true });
      rmSync(home, { recursive: true, force: true });
    });

    /** Ids the doc shows as a line's output → what that line printed here. */
    const shown = new Map<string, string>();

    async function vars(line: string): Promise<Record<string, string | undefined>> {
      const keys = line.includes('KEY_ID')
        ? ((await t.call('GET', '/users/auth/keys')).body as {
            keys: { id: string; description: string }[];
          })
        : { keys: [] };
      return {
        ...env,
        ECE_PASSWORD: t.sb.password,
        PW: t.sb.password,
        SECRET_KEY: 'example-secret-key',
        KEY_ID: keys.keys.find((k) => k.description === 'ci-pipeline')?.id,
      };
    }

    for (const l of lines) {
      const title = `${doc}:${l.at}: ${l.script ? '(script)' : l.cmd}`;
      test(title, { skip: l.noRun ? `no-run: ${l.noRun}` : false, timeout: 60_000 }, async () => {
        const expectExit = (code: number, stderr: string, how: string) => {
          if (l.fails) {
            // The doc shows an error: a clear one, and a non-zero exit.
            assert.notEqual(code, 0, `${title}\nexited 0 ${how}, but the doc shows an error`);
            assert.match(stderr, /^error: /m, `${title}\n${how}: no error line on stderr`);
          } else assert.equal(code, 0, `${title}\nexited ${code} ${how}\nstderr: ${stderr}`);
        };
        const v = await vars(l.cmd);
        /** A bash line's environment: the doc's variables, `ece` the built binary. */
        const shellEnv = (): Record<string, string> => ({
          ...Object.fromEntries(
            Object.entries(v).filter((e): e is [string, string] => e[1] !== undefined),
          ),
          ...env,
          PATH: `${bin}:${process.env.PATH ?? '/usr/bin:/bin'}`,
          ECE_CACHE_DIR: join(home, 'cache'),
        });
        let cmd = l.cmd;
        for (const [doc, real] of shown) cmd = cmd.replaceAll(doc, real);
        const plan: Plan = l.script ? { kind: 'shell' } : parse(cmd, v);
        waiting = /--wait\b| plan watch | heap-dump /.test(l.cmd);
        try {
          if (plan.kind === 'ignore') return;
          if (plan.kind === 'unset') {
            delete env[plan.name];
            return;
          }
          if (plan.kind === 'shell') {
            const r = await spawnProc('bash', ['-o', 'pipefail', '-c', cmd], {
              env: shellEnv(),
              exactEnv: true,
              cwd,
            });
            expectExit(r.code ?? -1, r.stderr, 'in bash');
            return;
          }
          // A line whose comment says it asks is typed at a terminal, and answered y.
          const asks = /#\s*asks\b/.test(cmd);
          for (const s of plan.steps) {
            const r = await run(s.argv, {
              env,
              store,
              // The sandbox's clock moves with each request of a waiting line: no need to sleep.
              client: { pause: async () => {} },
              ...(asks ? { stdinTTY: true, stderrTTY: true, stdin: 'y\n' } : {}),
              ...(s.stdin === undefined ? {} : { stdin: s.stdin }),
            });
            expectExit(r.code, r.stderr, `(ece ${s.argv.join(' ')})`);
            if (s.pipeTo) {
              const p = await spawnProc('bash', ['-o', 'pipefail', '-c', s.pipeTo], {
                env: shellEnv(),
                exactEnv: true,
                cwd,
                input: r.stdout,
              });
              assert.equal(p.code, 0, `${title}\n| ${s.pipeTo} exited ${p.code}: ${p.stderr}`);
            }
            if (s.out) writeFileSync(join(cwd, s.out), r.stdout);
            const word = /^\S+/.exec(r.stdout)?.[0];
            if (l.shows && word) shown.set(l.shows, word);
          }
        } finally {
          waiting = false;
        }
      });
    }
  });
}
