// Issue 14, item 1: text from the network never drives the terminal. A
// deployment named with OSC title and clipboard writes, a screen clear, a
// carriage return, a C1 CSI and a bidi override goes through every sink —
// table, TSV, show, error lines, --verbose traces, --wait progress, on a
// terminal and piped — and comes out as visible escapes; --json stays exact.

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import type { Target } from '../../src/api/plans.js';
import { makeChalk } from '../../src/output/color.js';
import { memoryIO } from '../../src/output/memory-io.js';
import { PlanProgress } from '../../src/output/progress.js';
import { sanitize, tsvField } from '../../src/output/sanitize.js';
import assert from '../helpers/assert.js';
import { run, tempDir } from '../helpers/cli.js';
import { createRequest, useSandbox } from '../helpers/sandbox.js';
import { startServer } from '../helpers/server.js';

export const EVIL = 'x\u001b]0;pwned\u0007\u001b[2J\u001b]52;c;aGk=\u0007\rOVER\u009b31m\u202eevil';
const SHOWN = 'x\\e]0;pwned\\a\\e[2J\\e]52;c;aGk=\\a\\rOVER\\u009b31m\\u202eevil';

/** Our own bold headers (colour on a terminal) are the only escapes allowed. */
function assertInert(label: string, text: string): void {
  const rest = text.replaceAll('\u001b[1m', '').replaceAll('\u001b[22m', '');
  const bad =
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it finds
    /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u.exec(
      rest,
    );
  assert.equal(
    bad,
    null,
    `${label}: a control character reached the output: ${JSON.stringify(bad?.[0])}`,
  );
}

describe('a hostile deployment name in every sink', () => {
  const t = useSandbox({ deployments: 0, systemDeployments: false });
  let id = '';
  before(async () => {
    const created = await t.call('POST', '/deployments', { body: createRequest(EVIL) });
    id = (created.body as { id: string }).id;
  });
  const env = () => t.env;

  for (const tty of [true, false]) {
    const how = tty ? 'on a terminal' : 'piped';
    it(`deployments list and show ${how}: visible escapes only`, async () => {
      for (const argv of [
        ['deployments', 'list'],
        ['deployments', 'show', id],
      ]) {
        const r = await run(argv, { env: env(), tty, columns: 400 });
        assert.equal(r.code, 0, r.stderr);
        assertInert(`${argv.join(' ')} ${how}`, r.stdout + r.stderr);
        // show's TSV is its resources' rows: the name is not among them.
        if (tty || argv[1] === 'list')
          assert.ok(r.stdout.includes(SHOWN), `${argv.join(' ')} ${how}:\n${r.stdout}`);
      }
    });
  }

  it("a command's own stderr lines (deployments create) are inert", async () => {
    const file = join(tempDir('ece-evil-'), 'd.json');
    writeFileSync(file, JSON.stringify(createRequest(`${EVIL}-2`)));
    for (const tty of [true, false]) {
      const r = await run(['deployments', 'create', '-f', file], { env: env(), tty });
      assert.equal(r.code, 0, r.stderr);
      assertInert('create', r.stdout + r.stderr);
      assert.ok(r.stderr.includes(`Created deployment ${SHOWN}-2 (`), r.stderr);
    }
  });

  it('--json is the body byte for byte (and one final newline)', async () => {
    const res = await fetch(`${t.sb.url}/api/v1/deployments`, {
      headers: { authorization: `ApiKey ${t.sb.apiKey}` },
    });
    const body = await res.text();
    assert.ok(body.includes('\\u001b') || body.includes(EVIL));
    const r = await run(['deployments', 'list', '--json'], { env: env() });
    assert.equal(r.stdout, body.endsWith('\n') ? body : `${body}\n`);
  });

  it('-o yaml and --query keep the name exact (YAML and JSON escape it themselves)', async () => {
    const yaml = await run(['deployments', 'show', id, '-o', 'yaml'], { env: env() });
    assert.equal(yaml.code, 0, yaml.stderr);
    const { parse } = await import('yaml');
    assert.equal((parse(yaml.stdout) as { name: string }).name, EVIL);
    const q = await run(['deployments', 'list', '--query', 'deployments[0].name', '--json'], {
      env: env(),
    });
    assert.equal(JSON.parse(q.stdout), EVIL);
  });
});

describe('error lines and --verbose traces', () => {
  it('an ECE error quoting the name, and a non-JSON body in a trace, are inert (terminal and piped)', async () => {
    const server = await startServer((req, res) => {
      if (req.url.endsWith('/_search')) {
        res.writeHead(502, { 'content-type': 'text/plain' });
        res.end(`bad gateway ${EVIL}`);
        return;
      }
      res.writeHead(409, {
        'content-type': 'application/json',
        'x-cloud-error-codes': 'deployments.conflict',
      });
      res.end(
        JSON.stringify({
          errors: [{ code: 'deployments.conflict', message: `name ${EVIL} is taken` }],
        }),
      );
    });
    try {
      for (const tty of [true, false]) {
        const r = await run(['deployments', 'list', '--verbose'], {
          env: { ECE_HOST: server.url, ECE_API_KEY: 'terminal-test-key' },
          tty,
        });
        assert.equal(r.code, 5);
        assertInert('error line', r.stderr);
        assert.ok(r.stderr.includes(`error: name ${SHOWN} is taken`), r.stderr);
        const api = await run(['api', '/deployments/_search', '-X', 'POST', '--verbose'], {
          env: { ECE_HOST: server.url, ECE_API_KEY: 'terminal-test-key', ECE_MAX_ATTEMPTS: '1' },
          tty,
        });
        assertInert('verbose trace', api.stderr);
        assert.ok(api.stderr.includes(`bad gateway ${SHOWN}`), api.stderr);
      }
    } finally {
      await server.close();
    }
  });
});

describe('--wait progress', () => {
  for (const tty of [true, false]) {
    it(`step ids and plan errors are inert ${tty ? 'on a terminal' : 'in a log'}`, async () => {
      let err = '';
      const io = memoryIO({ err: (s) => (err += s), stderrIsTTY: tty });
      const target: Target = {
        kind: 'elasticsearch',
        refId: `main${EVIL}`,
        before: { ids: new Set(), count: 0, anonymous: false },
      };
      const p = new PlanProgress(io, [target], await makeChalk(0));
      p.event({ type: 'step', target, step: `step-${EVIL}` });
      p.event({ type: 'retry', message: `reset ${EVIL}`, delayMs: 1000 });
      p.event({
        type: 'done',
        target,
        ok: false,
        step: `step-${EVIL}`,
        message: `boom ${EVIL}`,
        ms: 5,
      });
      p.stop();
      // The live display draws with its own cursor escapes; none come from the text.
      // biome-ignore lint/suspicious/noControlCharactersInRegex: our own cursor escapes
      const text = tty ? err.replace(/\u001b\[(\?25[lh]|2K|\d+A)/g, '').replaceAll('\r', '') : err;
      assertInert('progress', text);
      assert.ok(
        text.includes(`failed at step-${SHOWN}`) ||
          text.includes(`failed at step step-${SHOWN}: boom ${SHOWN}`),
        text,
      );
    });
  }
});

describe('the sanitiser', () => {
  it('shows controls, DEL, C1 and bidi marks as escapes; TSV escapes backslash, tab and newline', () => {
    assert.equal(sanitize(EVIL), SHOWN);
    assert.equal(
      sanitize('\u0000\b\t\n\u000b\f\u007f\u0085\u061c\u200e\u200f\u202a\u2066\u2069 é 日本'),
      '\\0\\b\\t\\n\\v\\f\\x7f\\u0085\\u061c\\u200e\\u200f\\u202a\\u2066\\u2069 é 日本',
    );
    assert.equal(tsvField('a\\e\tb\r\nc\u001b'), 'a\\\\e\\tb\\nc\\e');
    assert.notEqual(tsvField('\\e'), tsvField('\u001b'), 'a literal \\e stays distinguishable');
    assert.equal(sanitize('plain text'), 'plain text');
  });
});
