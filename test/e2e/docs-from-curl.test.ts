// docs/from-curl.md is executable: every `$ …` line of its `console` blocks
// runs, in the document's order, with the built binary against a sandbox
// started here, and must exit 0; every curl line of its `sh` blocks must name
// an operation of the ECE API specification.
//
// The lines a console block may hold (nothing else is accepted, so a line the
// test cannot run is a failure, not a silent skip):
//   $ ece ARGS                                   run it
//   $ ece ARGS > FILE                            … and write its stdout to FILE
//   $ printf '%s\n' "$VAR" | ece ARGS            … with $VAR and a newline on stdin
//   $ unset VAR                                  drop VAR from the environment
// ARGS are split like a shell does (single and double quotes, $VAR in double
// quotes and bare words). A ```json NAME block is written to the file NAME in
// the working directory before the lines run.
//
// What the doc's variables are here (the substitution table):
//   ECE_HOST, ECE_API_KEY   the sandbox's URL and API key (the environment of every line)
//   ECE_PASSWORD            the sandbox's admin password
//   KEY_ID                  the id of the API key described "ci-pipeline" at the time the line runs
// The example deployment `my-deployment` is created by the doc's own create line.

// The sandbox runs on a fake clock that moves only while a line waits for a
// plan (`--wait`, `plan watch`): a plan started by a line without --wait is
// still pending when the next line (`plan cancel`) runs, whatever the load.

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import assert from '../helpers/assert.js';
import { tempDir } from '../helpers/cli.js';
import { ece } from '../helpers/e2e.js';
import {
  missingSecretService,
  type SecretService,
  startSecretService,
} from '../helpers/keyring.js';
import { type TestSandbox, testSandbox } from '../helpers/sandbox.js';
import { findOperation } from '../helpers/spec.js';

const LINE_TIMEOUT_MS = 60_000;
const DOC = fileURLToPath(new URL('../../docs/from-curl.md', import.meta.url));
const text = readFileSync(DOC, 'utf8');

interface Block {
  lang: string;
  name: string | undefined;
  body: string;
  line: number;
}

function blocks(md: string): Block[] {
  const out: Block[] = [];
  for (const m of md.matchAll(/^```(\S*)(?:[ \t]+(\S+))?\n([\s\S]*?)^```$/gm)) {
    const line = md.slice(0, m.index).split('\n').length;
    out.push({ lang: m[1] ?? '', name: m[2], body: m[3] ?? '', line });
  }
  return out;
}

/** Shell-like words: quotes and $VAR expansion, no globbing, no command substitution. */
function words(line: string, vars: Record<string, string | undefined>): string[] {
  const expand = (s: string) =>
    s.replace(/\$(\w+)|\$\{(\w+)\}/g, (_, a: string | undefined, b: string | undefined) => {
      const name = a ?? b ?? '';
      const v = vars[name];
      if (v === undefined) throw new Error(`no value for $${name} in: ${line}`);
      return v;
    });
  const out: string[] = [];
  let cur: string | undefined;
  for (let i = 0; i < line.length; ) {
    const c = line[i] ?? '';
    if (c === ' ' || c === '\t') {
      if (cur !== undefined) out.push(cur);
      cur = undefined;
      i++;
    } else if (c === "'") {
      const end = line.indexOf("'", i + 1);
      if (end < 0) throw new Error(`unbalanced ' in: ${line}`);
      cur = (cur ?? '') + line.slice(i + 1, end);
      i = end + 1;
    } else if (c === '"') {
      const end = line.indexOf('"', i + 1);
      if (end < 0) throw new Error(`unbalanced " in: ${line}`);
      cur = (cur ?? '') + expand(line.slice(i + 1, end));
      i = end + 1;
    } else {
      const m = /^[^\s'"]+/.exec(line.slice(i))?.[0] ?? c;
      cur = (cur ?? '') + expand(m);
      i += m.length;
    }
  }
  if (cur !== undefined) out.push(cur);
  return out;
}

const all = blocks(text);
const consoleLines = all
  .filter((b) => b.lang === 'console')
  .flatMap((b) =>
    b.body
      .split('\n')
      .map((l, i) => ({ l, at: b.line + 1 + i }))
      .filter(({ l }) => l.startsWith('$ '))
      .map(({ l, at }) => ({ cmd: l.slice(2).trim(), at })),
  );
const files = all.filter((b) => b.lang === 'json' && b.name !== undefined);
const curlLines = all
  .filter((b) => b.lang === 'sh')
  .flatMap((b) => b.body.replace(/\\\n\s*/g, ' ').split('\n'))
  .filter((l) => /^\s*curl /.test(l));

describe('docs/from-curl.md', () => {
  test('has the lines the test relies on', () => {
    // A console block holds commands only: output shown in one would go unchecked.
    const strays = all
      .filter((b) => b.lang === 'console')
      .flatMap((b) => b.body.split('\n'))
      .filter((l) => l.trim() !== '' && !l.startsWith('$ '));
    assert.deepEqual(strays, []);
    assert.ok(consoleLines.length >= 40, `only ${consoleLines.length} console lines`);
    assert.ok(curlLines.length >= 25, `only ${curlLines.length} curl lines`);
    assert.deepEqual(
      files.map((f) => f.name),
      ['deployment.json', 'search.json', 'update.json'],
    );
  });

  test('every curl line is an operation of the ECE API specification', () => {
    const wrong: string[] = [];
    for (const line of curlLines) {
      const method = /-X (\w+)/.exec(line)?.[1] ?? 'GET';
      const url = /https:\/\/\$COORDINATOR_HOST:12443(\/api\/v1\/[^\s"?]*)/.exec(line)?.[1];
      if (!line.includes('-k ') || !line.includes('Authorization: ApiKey $ECE_API_KEY')) {
        if (!url?.endsWith('/users/auth/_login')) wrong.push(`not in ECE's docs' form: ${line}`);
      }
      if (!url) {
        wrong.push(`no https://$COORDINATOR_HOST:12443/api/v1 URL: ${line}`);
        continue;
      }
      const path = url.replace(/\$DEPLOYMENT_ID/g, 'd'.repeat(32)).replace(/\$KEY_ID/g, 'k');
      if (!findOperation(method, path)) wrong.push(`${method} ${url} is not in the spec`);
      if (/ -d /.test(line) && method === 'GET') wrong.push(`a body without -X: ${line}`);
    }
    assert.deepEqual(wrong, []);
  });
});

const missing = missingSecretService();

describe('every ece line of docs/from-curl.md exits 0 against the sandbox', {
  skip: missing,
}, () => {
  let t: TestSandbox;
  let keyring: SecretService;
  let ticker: NodeJS.Timeout | undefined;
  const cwd = tempDir('ece-from-curl-');
  const home = tempDir('ece-from-curl-home-');
  let env: Record<string, string> = {};

  before(async () => {
    t = await testSandbox({ fakeClock: true, planDurationMs: 30_000, deployments: 3 });
    keyring = await startSecretService();
    env = {
      ...keyring.env,
      HOME: home,
      ECE_CONFIG_DIR: join(home, 'config'),
      ECE_HOST: t.sb.url,
      ECE_API_KEY: t.sb.apiKey,
    };
    for (const f of files) writeFileSync(join(cwd, f.name ?? ''), f.body);
  });

  after(async () => {
    if (ticker) clearInterval(ticker);
    await keyring?.stop();
    await t?.close();
  });

  /** The substitution table (see the header). */
  async function vars(): Promise<Record<string, string | undefined>> {
    const keys = (await t.call('GET', '/users/auth/keys')).body as {
      keys: { id: string; description: string }[];
    };
    return {
      ...env,
      ECE_PASSWORD: t.sb.password,
      KEY_ID: keys.keys.find((k) => k.description === 'ci-pipeline')?.id,
    };
  }

  for (const { cmd, at } of consoleLines) {
    test(`line ${at}: ${cmd}`, async () => {
      const unset = /^unset (\w+)$/.exec(cmd);
      if (unset) {
        delete env[unset[1] ?? ''];
        return;
      }
      let rest = cmd;
      let input: string | undefined;
      let outFile: string | undefined;
      const v = await vars();
      const pipe = /^printf '%s\\n' "\$(\w+)" \| (.*)$/.exec(rest);
      if (pipe) {
        const value = v[pipe[1] ?? ''];
        assert.ok(value !== undefined, `no value for $${pipe[1]}`);
        input = `${value}\n`;
        rest = pipe[2] ?? '';
      }
      const redirect = /^(.*) > (\S+)$/.exec(rest);
      if (redirect) {
        rest = redirect[1] ?? '';
        outFile = redirect[2];
      }
      const argv = words(rest, v);
      assert.equal(argv[0], 'ece', `line ${at} is not an ece line the test can run: ${cmd}`);

      // The sandbox's plans advance only while a line waits for them.
      const waits = argv.includes('--wait') || cmd.includes(' plan watch ');
      if (waits) ticker = setInterval(() => t.advance(2_000), 20);
      // A line that hangs fails with its stderr instead of stalling the suite.
      let killer: NodeJS.Timeout | undefined;
      const r = await ece(argv.slice(1), {
        env,
        cwd,
        ...(input !== undefined ? { input } : {}),
        onSpawn: (child) => {
          killer = setTimeout(() => child.kill('SIGKILL'), LINE_TIMEOUT_MS);
        },
      }).finally(() => {
        clearTimeout(killer);
        if (ticker) clearInterval(ticker);
        ticker = undefined;
      });
      assert.equal(
        r.code,
        0,
        `line ${at} of docs/from-curl.md exited ${r.code}: ${cmd}\nstderr: ${r.stderr}`,
      );
      if (outFile) writeFileSync(join(cwd, outFile), r.stdout);
    });
  }
});
