// The sandbox's deployment bodies against the ones recorded from real ECE
// (../shared/ece-real/), in one direction: every field the sandbox sends
// exists, with the same JSON type, in a recorded body, or is listed in
// docs/sandbox.md under "Fields real responses were not seen to send".
// Paths name the resource kind (resources.kibana[].info…), so a field is
// compared with recorded bodies of the same kind.

import { readdirSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import assert from '../helpers/assert.js';
import { createRequest, testSandbox } from '../helpers/sandbox.js';
import { specPath } from '../helpers/spec.js';

const REAL = new URL('../ece-real/', pathToFileURL(specPath()));
const DOC = new URL('../../docs/sandbox.md', import.meta.url);

/** Every path of a JSON value with its type; array positions collapse to []. */
export function shape(value: unknown, path = '', out = new Map<string, Set<string>>()) {
  const type = value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
  if (path) {
    const types = out.get(path) ?? new Set<string>();
    types.add(type);
    out.set(path, types);
  }
  if (Array.isArray(value)) for (const v of value) shape(v, `${path}[]`, out);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) shape(v, path ? `${path}.${k}` : k, out);
  }
  return out;
}

/** The `- \`path\`` entries of the section of docs/sandbox.md that lists known differences. */
function documented(): string[] {
  const text = readFileSync(DOC, 'utf8');
  const start = text.indexOf('## Fields real responses were not seen to send');
  assert.ok(start >= 0, 'docs/sandbox.md has no list of fields real responses lack');
  const section = text.slice(start).split(/\n## /)[0] ?? '';
  return [...section.matchAll(/^- `([^`]+)`/gm)].map((m) => m[1] ?? '');
}

/** An entry covers its path and everything below it; `*` stands for one name (a kind, current/pending). */
const covered = (path: string, entries: string[]) =>
  entries.some((e) => {
    const pattern = e.replace(/[.[\]]/g, (c) => `\\${c}`).replace(/\*/g, '[a-z_]+');
    return new RegExp(`^${pattern}($|\\.|\\[)`).test(path);
  });

describe('the sandbox against recorded real responses', () => {
  it('every field the sandbox sends is in a recorded body with the same type, or documented', async () => {
    const recorded = new Map<string, Set<string>>();
    for (const f of readdirSync(fileURLToPath(REAL)).filter((x) => x.endsWith('.json')))
      shape(JSON.parse(readFileSync(new URL(f, REAL), 'utf8')), '', recorded);

    const t = await testSandbox({ fakeClock: true, planDurationMs: 10_000, deployments: 7 });
    const ours = new Map<string, Set<string>>();
    try {
      // A running plan, a failed one, and a deployment of every kind.
      const created = await t.call('POST', '/deployments', {
        body: createRequest('every-kind', [
          'elasticsearch',
          'kibana',
          'apm',
          'enterprise_search',
          'integrations_server',
        ]),
      });
      assert.equal(created.status, 201);
      await t.call('POST', '/deployments', { body: createRequest('checkout-fail-plan') });
      t.advance(4_000);
      const list = (await t.call('GET', '/deployments')).body as { deployments: { id: string }[] };
      for (const query of ['', '?show_plan_logs=true&show_plan_history=true&show_metadata=true']) {
        for (const { id } of list.deployments) {
          const r = await t.call('GET', `/deployments/${id}${query}`);
          shape(r.body, '', ours);
        }
      }
      t.advance(20_000);
      for (const { id } of list.deployments) {
        const r = await t.call(
          'GET',
          `/deployments/${id}?show_plan_logs=true&show_plan_history=true`,
        );
        shape(r.body, '', ours);
      }
    } finally {
      await t.close();
    }

    const entries = documented();
    const problems: string[] = [];
    for (const [path, types] of ours) {
      if (covered(path, entries)) continue;
      const real = recorded.get(path);
      if (!real) problems.push(`${path}: not in any recorded body`);
      else {
        const odd = [...types].filter((x) => !real.has(x));
        if (odd.length)
          problems.push(`${path}: ${odd.join('/')} here, ${[...real].join('/')} recorded`);
      }
    }
    assert.deepEqual(problems, [], `not in docs/sandbox.md:\n${problems.join('\n')}`);
    // The list stays honest: every documented entry is something the sandbox sends.
    const unused = entries.filter((e) => ![...ours.keys()].some((p) => covered(p, [e])));
    assert.deepEqual(unused, []);
  });
});
