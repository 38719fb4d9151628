// Name lookups and the short search syntax against a per-test server that
// evaluates queries with ECE's real index semantics: `name` is analysed
// (lower-cased tokens), `name.keyword` is exact, and `resources.<kind>` are
// nested documents that only a `nested` query reaches (a plain term on them
// matches nothing).

import { after, before, describe, it } from 'node:test';
import assert from '../helpers/assert.js';
import { run } from '../helpers/cli.js';
import { eceError, json, startServer, type TestServer } from '../helpers/server.js';

type Doc = Record<string, unknown>;
type Query = Record<string, unknown>;

const tokens = (s: string) =>
  s
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);

function at(doc: unknown, path: string): unknown[] {
  let current: unknown[] = [doc];
  for (const part of path.split('.')) {
    current = current.flatMap((v) => {
      const next = v && typeof v === 'object' ? (v as Doc)[part] : undefined;
      return next === undefined ? [] : Array.isArray(next) ? next : [next];
    });
  }
  return current;
}

/** Values of a field; nothing below a nested root unless inside its nested query. */
function values(doc: Doc, field: string, scope: string | undefined): unknown[] {
  if (scope) {
    if (!field.startsWith(`${scope}.`)) return [];
    return at(doc, field.slice(scope.length + 1));
  }
  if (field.startsWith('resources.')) return [];
  if (field === 'name') return tokens(String(doc.name));
  if (field === 'name.keyword') return [doc.name];
  return at(doc, field);
}

function one(body: unknown): [string, Record<string, unknown>] {
  const [field, spec] = Object.entries(body as Doc)[0] as [string, Record<string, unknown>];
  return [field, spec];
}

function matches(q: Query, doc: Doc, scope?: string): boolean {
  const [type, body] = Object.entries(q)[0] as [string, Doc];
  switch (type) {
    case 'term': {
      const [field, spec] = one(body);
      return values(doc, field, scope).some((v) => String(v) === String(spec.value));
    }
    case 'prefix': {
      const [field, spec] = one(body);
      return values(doc, field, scope).some((v) => String(v).startsWith(String(spec.value)));
    }
    case 'match': {
      const [field, spec] = one(body);
      const have = new Set(values(doc, field, scope).map(String));
      const want = tokens(String(spec.query));
      return spec.operator === 'and'
        ? want.every((t) => have.has(t))
        : want.some((t) => have.has(t));
    }
    case 'exists':
      return values(doc, String(body.field), scope).length > 0;
    case 'nested': {
      const path = String(body.path);
      return at(doc, path).some((inner) => matches(body.query as Query, inner as Doc, path));
    }
    case 'bool': {
      const list = (k: string) => (body[k] ?? []) as Query[];
      if (![...list('must'), ...list('filter')].every((c) => matches(c, doc, scope))) return false;
      if (list('must_not').some((c) => matches(c, doc, scope))) return false;
      const should = list('should');
      const min = Number(body.minimum_should_match ?? (should.length ? 1 : 0));
      return should.filter((c) => matches(c, doc, scope)).length >= min;
    }
    default:
      throw new Error(`query type ${type} is not handled by this test server`);
  }
}

function resource(ref: string, id: string, status: string, region: string, version: string) {
  return {
    ref_id: ref,
    id: id.repeat(32).slice(0, 32),
    region,
    info: {
      healthy: true,
      status,
      // The plan holds the version under its kind: plan.elasticsearch.version.
      plan_info: { healthy: true, current: { plan: { [ref.slice(5)]: { version } } }, history: [] },
    },
  };
}

function deployment(id: string, name: string, resources: Record<string, unknown[]>) {
  return {
    id: id.repeat(32).slice(0, 32),
    name,
    healthy: true,
    resources: {
      elasticsearch: [],
      kibana: [],
      apm: [],
      integrations_server: [],
      enterprise_search: [],
      appsearch: [],
      ...resources,
    },
  };
}

const DOCS = [
  deployment('1', 'observability-generate-payload', {
    elasticsearch: [resource('main-elasticsearch', 'a', 'started', 'us-east', '8.15.1')],
    kibana: [resource('main-kibana', 'b', 'stopped', 'eu-west', '8.14.3')],
  }),
  deployment('2', 'Prod-Logs EU', {
    elasticsearch: [resource('main-elasticsearch', 'c', 'stopped', 'us-east', '8.15.1')],
    kibana: [resource('main-kibana', 'd', 'stopped', 'us-east', '8.15.1')],
  }),
  deployment('3', 'prod-logs', {
    elasticsearch: [resource('main-elasticsearch', 'e', 'started', 'us-east', '8.15.1')],
  }),
  deployment('4', 'prod logs archive', {
    elasticsearch: [resource('main-elasticsearch', 'f', 'stopped', 'us-east', '8.15.1')],
    integrations_server: [
      resource('main-integrations_server', '9', 'started', 'us-east', '8.15.1'),
    ],
  }),
];

describe('name lookups and search with ECE index semantics', () => {
  let server: TestServer;
  let env: Record<string, string>;
  before(async () => {
    server = await startServer((req, res) => {
      if (req.method === 'POST' && req.url === '/api/v1/deployments/_search') {
        const body = JSON.parse(req.body || '{}') as { query?: Query };
        const hits = DOCS.filter((d) => (body.query ? matches(body.query, d) : true));
        return json(res, 200, {
          return_count: hits.length,
          match_count: hits.length,
          deployments: hits,
        });
      }
      const m = /^\/api\/v1\/deployments\/([0-9a-f]{32})\?/.exec(req.url);
      const doc = DOCS.find((d) => d.id === m?.[1]);
      if (req.method === 'GET' && doc) return json(res, 200, doc);
      return eceError(res, 404, 'root.resource_not_found', 'not found');
    });
    env = { ECE_HOST: server.url, ECE_API_KEY: 'index-key-1' };
  });
  after(() => server.close());

  const shown = (stdout: string) => stdout.split('\n')[0]?.split('\t').slice(0, 3).join('\t');

  for (const [name, id, es] of [
    ['observability-generate-payload', '1', 'a'],
    ['Prod-Logs EU', '2', 'c'],
    ['prod-logs', '3', 'e'],
  ] as const) {
    it(`show "${name}" resolves to exactly that deployment`, async () => {
      const from = server.requests.length;
      const r = await run(['deployments', 'show', name], { env });
      assert.equal(r.code, 0, r.stderr);
      assert.equal(r.stderr, '');
      assert.equal(shown(r.stdout), `elasticsearch\tmain-elasticsearch\t${es.repeat(32)}`);
      const sent = server.requests.slice(from);
      assert.deepEqual(JSON.parse(sent[0]?.body ?? ''), {
        query: { term: { 'name.keyword': { value: name } } },
        size: 50,
      });
      assert.equal(sent.length, 2);
      assert.match(sent[1]?.url ?? '', new RegExp(`^/api/v1/deployments/${id.repeat(32)}\\?`));
    });
  }

  it('show "observability" (a token of a name, not a name) is exit 3', async () => {
    const r = await run(['deployments', 'show', 'observability'], { env });
    assert.deepEqual(
      [r.code, r.stdout, r.stderr],
      [3, '', 'error: no deployment has the id or name "observability"\n'],
    );
  });

  const ids = (stdout: string) =>
    stdout
      .trim()
      .split('\n')
      .filter(Boolean)
      .map((l) => l.split('\t')[1]);

  for (const [query, names] of [
    ['status:started', ['observability-generate-payload', 'prod-logs', 'prod logs archive']],
    ['region:eu-west', ['observability-generate-payload']],
    [
      'status:stopped region:us-east',
      ['observability-generate-payload', 'Prod-Logs EU', 'prod logs archive'],
    ],
    ['es.status:started', ['observability-generate-payload', 'prod-logs']],
    ['integrations_server.status:started', ['prod logs archive']],
    ['kind:kibana', ['observability-generate-payload', 'Prod-Logs EU']],
    ['version:8.14.3', ['observability-generate-payload']],
    ['kibana.version:8.15.1', ['Prod-Logs EU']],
    ['name:prod*', ['prod-logs', 'prod logs archive']],
    ['name:Prod*', ['Prod-Logs EU']],
    ['prod logs', ['Prod-Logs EU', 'prod-logs', 'prod logs archive']],
    ['resources.kibana.info.status:stopped', ['observability-generate-payload', 'Prod-Logs EU']],
  ] as const) {
    it(`search --query '${query}' finds ${names.length} deployments`, async () => {
      const r = await run(['deployments', 'search', '--query', query], { env });
      assert.equal(r.code, 0, r.stderr);
      assert.deepEqual(ids(r.stdout), [...names]);
    });
  }

  it('bad terms are exit 2 naming the problem, and nothing is sent', async () => {
    const from = server.requests.length;
    for (const [query, message] of [
      ['healthy:yes', 'invalid --query term "healthy:yes": healthy is true or false'],
      [
        'kind:logstash',
        'invalid --query term "kind:logstash": the kind is one of elasticsearch, kibana, apm, integrations_server, enterprise_search, appsearch',
      ],
      [
        'colour:red',
        'invalid --query field "colour" (known: name, id, alias, healthy, status, region, version, kind, KIND.status|region|version|healthy, or a dotted field)',
      ],
    ] as const) {
      const r = await run(['deployments', 'search', '--query', query], { env });
      assert.deepEqual([r.code, r.stderr], [2, `error: ${message}\n`]);
    }
    assert.equal(server.requests.length, from);
  });
});
