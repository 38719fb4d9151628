// docs/from-curl.md puts ECE's curl examples beside the ece commands: every
// curl line of its `sh` blocks must name an operation of the ECE API
// specification, and its console blocks hold commands only. Its ece lines run
// against the sandbox with every other doc's, in test/e2e/examples.test.ts.

import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import assert from '../helpers/assert.js';
import { findOperation } from '../helpers/spec.js';

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
