// `ece mcp` in-process: an MCP client (the SDK's) connected to the server
// through InMemoryTransport, against the sandbox. What is listed at each
// --allow, answers byte for byte as `ece … --json`, refusals that send
// nothing, a person's approval (elicitation, else confirm: true), the call
// log, --dry-run, and no secret anywhere.

import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ElicitRequestSchema } from '@modelcontextprotocol/sdk/types.js';
import { MASK } from '../../src/mask.js';
import assert from '../helpers/assert.js';
import { run } from '../helpers/cli.js';
import { createRequest, useSandbox } from '../helpers/sandbox.js';
import { registerSecret } from '../helpers/secrets.js';
import { tempDir } from '../helpers/temp.js';
import { connect, texts } from './helpers.js';

const writes = <E extends { method: string }>(ex: E[]) => ex.filter((e) => e.method !== 'GET');

describe('ece mcp', () => {
  const sb = useSandbox();
  /** A deployment of the sandbox that is not a system one. */
  const user = async (): Promise<{ id: string; name: string }> => {
    const r = await sb.call('GET', '/deployments');
    const all = (r.body as { deployments: { id: string; name: string }[] }).deployments;
    const found = all.find((d) => !/admin-console|logging-and-metrics|security/.test(d.name));
    assert.ok(found);
    return found;
  };

  it('lists only read tools by default, each named group_verb within 40 characters', async (t) => {
    const c = await connect(t, sb.env);
    const { tools } = await c.client.listTools();
    const names = tools.map((x) => x.name);
    assert.ok(names.includes('deployments_list'));
    assert.ok(names.includes('deployments_show'));
    assert.ok(names.includes('api_get'));
    assert.equal(new Set(names).size, names.length);
    for (const tool of tools) {
      assert.match(tool.name, /^[A-Za-z0-9_-]{1,40}$/);
      assert.equal(tool.annotations?.readOnlyHint, true, tool.name);
      assert.equal(tool.annotations?.destructiveHint, false, tool.name);
    }
    for (const name of ['deployments_shutdown', 'deployments_restart', 'auth_token', 'config_set'])
      assert.ok(!names.includes(name), name);
  });

  it('deployments_list and deployments_show answer what ece … --json prints, byte for byte', async (t) => {
    const c = await connect(t, sb.env);
    const { id } = await user();
    const list = await c.call('deployments_list');
    const cli = await run(['deployments', 'list', '--json'], { env: sb.env });
    assert.equal(cli.code, 0);
    assert.equal(list.isError, undefined);
    assert.deepEqual(texts(list), [cli.stdout]);
    const show = await c.call('deployments_show', { deployment: id, plan_history: true });
    const cliShow = await run(['deployments', 'show', id, '--plan-history', '--json'], {
      env: sb.env,
    });
    assert.equal(cliShow.code, 0);
    assert.deepEqual(texts(show), [cliShow.stdout]);
  });

  it('without --allow, a write or destructive tool called by name is refused and nothing is sent', async (t) => {
    const c = await connect(t, sb.env);
    const { id } = await user();
    const before = sb.exchanges.length;
    const r = await c.call('deployments_shutdown', { deployment: id, confirm: true });
    assert.equal(r.isError, true);
    assert.deepEqual(texts(r), [
      'error: refused: deployments_shutdown is destructive, and this ece mcp server allows reads only: a person must start it with --allow destructive for this; nothing was sent\n',
    ]);
    const w = await c.call('deployments_restart', { deployment: id });
    assert.match(
      texts(w)[0] ?? '',
      /^error: refused: deployments_restart is write, .*--allow write/,
    );
    assert.deepEqual(sb.exchanges.slice(before), []);
    const secret = await c.call('auth_token');
    assert.deepEqual(texts(secret), [
      'error: refused: ece auth token is not offered: its answer is the bearer token; nothing was sent\n',
    ]);
    const none = await c.call('deployments_frobnicate');
    assert.match(texts(none)[0] ?? '', /there is no tool deployments_frobnicate/);
  });

  it('--allow write lists writes but not destructive tools; a bad argument is refused by the schema', async (t) => {
    const c = await connect(t, sb.env, { allow: 'write' });
    const names = (await c.client.listTools()).tools.map((x) => x.name);
    assert.ok(names.includes('deployments_restart'));
    assert.ok(!names.includes('deployments_shutdown'));
    const before = sb.exchanges.length;
    const r = await c.call('deployments_restart', { deployment: 'x', kinds: 'kibana' });
    assert.equal(r.isError, true);
    assert.deepEqual(texts(r), [
      'error: invalid arguments for deployments_restart: data must NOT have additional properties\n',
    ]);
    assert.deepEqual(sb.exchanges.slice(before), []);
  });

  it('--allow destructive: deployments_shutdown without confirm is refused with the question, sending nothing; with confirm: true it shuts down', async (t) => {
    const c = await connect(t, sb.env, { allow: 'destructive' });
    const tools = (await c.client.listTools()).tools;
    const shutdown = tools.find((x) => x.name === 'deployments_shutdown');
    assert.deepEqual(shutdown?.annotations, {
      title: 'ece deployments shutdown',
      readOnlyHint: false,
      destructiveHint: true,
      idempotentHint: false,
      openWorldHint: false,
    });
    const { id } = await user();
    const before = sb.exchanges.length;
    const refused = await c.call('deployments_shutdown', { deployment: id });
    assert.equal(refused.isError, true);
    assert.equal(
      texts(refused)[0],
      `error: refused: this call is destructive and needs a person's approval: Shut down deployment ${id}? Its resources stop. Nothing was sent\nhint: show the person that question; only if they approve it, call deployments_shutdown again with the same arguments and confirm: true\n`,
    );
    assert.deepEqual(writes(sb.exchanges.slice(before)), []);
    const done = await c.call('deployments_shutdown', { deployment: id, confirm: true });
    assert.equal(done.isError, undefined, texts(done).join(''));
    const sent = writes(sb.exchanges.slice(before));
    assert.deepEqual(
      sent.map((e) => `${e.method} ${e.url}`),
      [`POST /api/v1/deployments/${id}/_shutdown`],
    );
    assert.deepEqual(texts(done), [
      `${JSON.stringify(sb.exchanges.at(-1)?.body)}\n`,
      `Shutting down deployment ${id}.\n`,
    ]);
  });

  it('deployments_create (--allow write): the new credentials are masked in the answer and the log; ECE sent them', async (t) => {
    const dir = tempDir('ece-mcp-create-', t);
    const file = join(dir, 'mcp-made.json');
    writeFileSync(file, JSON.stringify(createRequest('mcp-made')));
    const c = await connect(t, sb.env, { allow: 'write' });
    const before = sb.exchanges.length;
    const r = await c.call('deployments_create', { file });
    assert.equal(r.isError, undefined, texts(r).join(''));
    const sent = sb.exchanges.slice(before).filter((e) => e.method === 'POST');
    assert.deepEqual(
      sent.map((e) => e.url.split('?')[0]),
      ['/api/v1/deployments'],
    );
    const created = sent[0]?.body as {
      id: string;
      resources: { credentials?: { username: string; password: string } }[];
    };
    const password = created.resources.find((x) => x.credentials)?.credentials?.password ?? '';
    assert.ok(password.length > 8, 'the sandbox returned no password');
    registerSecret(password);
    const answer = JSON.parse(texts(r)[0] ?? '') as typeof created;
    assert.equal(answer.id, created.id);
    assert.deepEqual(answer.resources.find((x) => x.credentials)?.credentials, {
      username: 'elastic',
      password: MASK,
    });
    const everything = [...texts(r), c.stderr()].join('\n');
    assert.ok(!everything.includes(password), 'the new password reached the agent or the log');
  });

  it('a client that can ask the person (elicitation) is asked; a decline sends nothing', async (t) => {
    const asked: string[] = [];
    let answer = false;
    const c = await connect(t, sb.env, { allow: 'destructive' }, { elicitation: { form: {} } });
    c.client.setRequestHandler(ElicitRequestSchema, async (req) => {
      asked.push(req.params.message);
      return { action: 'accept', content: { approve: answer } };
    });
    const { id } = await user();
    const before = sb.exchanges.length;
    // confirm: true does not stand in for the person when the client can ask.
    const declined = await c.call('deployments_stop', { deployment: id, confirm: true });
    assert.equal(declined.isError, true);
    assert.match(texts(declined)[0] ?? '', /^error: refused: the person did not approve: /);
    assert.deepEqual(writes(sb.exchanges.slice(before)), []);
    answer = true;
    const approved = await c.call('deployments_stop', { deployment: id });
    assert.equal(approved.isError, undefined, texts(approved).join(''));
    assert.equal(asked.length, 2);
    assert.equal(
      asked[0],
      `Stop every instance of elasticsearch main-elasticsearch in deployment ${id}? Its data is unavailable until it starts again.\n\nAn AI agent asks ece to run ece deployments stop {"deployment":"${id}"}. This is destructive.`,
    );
    assert.equal(writes(sb.exchanges.slice(before)).length, 1);
    // effectOf: stopping Kibana is a write, and asks nobody.
    const kibana = await c.call('deployments_start', { deployment: id });
    assert.equal(kibana.isError, undefined, texts(kibana).join(''));
    await c.call('deployments_stop', { deployment: id, kind: 'kibana' });
    assert.equal(asked.length, 2);
  });

  it('the question the person sees cannot be reordered by a name from ECE (bidi override shown escaped)', async (t) => {
    const asked: string[] = [];
    const c = await connect(t, sb.env, { allow: 'destructive' }, { elicitation: { form: {} } });
    c.client.setRequestHandler(ElicitRequestSchema, async (req) => {
      asked.push(req.params.message);
      return { action: 'decline' };
    });
    const made = await sb.call('POST', '/deployments', {
      body: createRequest('staging\u202egol-dorp', ['elasticsearch']),
    });
    const id = (made.body as { id: string }).id;
    const r = await c.call('deployments_shutdown', { deployment: 'staging\u202egol-dorp' });
    assert.equal(r.isError, true);
    assert.equal(asked.length, 1);
    assert.ok(!(asked[0] ?? '').includes('\u202e'), asked[0]);
    assert.match(
      asked[0] ?? '',
      new RegExp(`^Shut down deployment "staging.+gol-dorp" \\(${id}\\)\\?`),
    );
  });

  it('a file option is a path here: - (standard input, the protocol) is refused before anything is sent', async (t) => {
    const c = await connect(t, sb.env, { allow: 'destructive' });
    const tool = (await c.client.listTools()).tools.find((x) => x.name === 'license_set');
    assert.equal(
      (tool?.inputSchema.properties?.file as { description?: string } | undefined)?.description,
      'the license file from Elastic (--file), a path on the machine ece mcp runs on',
    );
    const before = sb.exchanges.length;
    const r = await c.call('license_set', { file: '-', confirm: true });
    assert.deepEqual(texts(r), [
      'error: --file - would read standard input, which carries the protocol: give a file path\n',
    ]);
    assert.deepEqual(sb.exchanges.slice(before), []);
  });

  it('--dry-run: a write answers its curl line and is not sent', async (t) => {
    const c = await connect(t, sb.env, { allow: 'write', dryRun: true });
    const { id } = await user();
    const before = sb.exchanges.length;
    const r = await c.call('deployments_restart', { deployment: id, kind: 'kibana' });
    assert.equal(r.isError, undefined, texts(r).join(''));
    assert.match(
      texts(r)[0] ?? '',
      /\| curl -sS -g -K - -X POST http:\/\/127\.0\.0\.1:\d+\/api\/v1\/deployments\/[0-9a-f]+\/kibana\/main-kibana\/_restart /,
    );
    assert.deepEqual(writes(sb.exchanges.slice(before)), []);
  });

  it('api_get: GET only; the secret-adding query parameters are refused', async (t) => {
    const c = await connect(t, sb.env);
    const r = await c.call('api_get', { path: '/platform' });
    const cli = await run(['api', '/platform', '--json'], { env: sb.env });
    assert.deepEqual(texts(r), [cli.stdout]);
    const { id } = await user();
    for (const args of [
      { path: `/deployments/${id}`, query: { show_security: 'true' } },
      { path: `/deployments/${id}?show_metadata=true` },
    ]) {
      const refused = await c.call('api_get', args);
      assert.equal(refused.isError, true);
      assert.match(
        texts(refused)[0] ?? '',
        /query parameter show_(security|metadata) is not offered/,
      );
    }
    const listed = (await c.client.listTools()).tools.find((x) => x.name === 'api_get');
    assert.deepEqual(Object.keys(listed?.inputSchema.properties ?? {}).sort(), [
      'path',
      'query',
      'result_offset',
    ]);
  });

  it('--only narrows the tools to the groups named', async (t) => {
    const c = await connect(t, sb.env, { only: ['platform', 'dep'] });
    const names = (await c.client.listTools()).tools.map((x) => x.name);
    assert.ok(names.length > 2);
    assert.deepEqual(
      names.filter((n) => !n.startsWith('deployments_') && !n.startsWith('platform_')),
      [],
    );
    const r = await c.call('users_list');
    assert.match(texts(r)[0] ?? '', /users_list is not in the groups given to --only/);
  });

  it('logs every call to --log FILE (0600): time, tool, arguments, outcome; no secret anywhere', async (t) => {
    const dir = tempDir('ece-mcp-log-', t);
    const log = join(dir, 'calls.log');
    const c = await connect(t, sb.env, { allow: 'destructive', log });
    const { id } = await user();
    const results = [
      await c.call('deployments_list'),
      await c.call('deployments_show', { deployment: id }),
      await c.call('api_get', { path: '/users/auth/keys' }),
      await c.call('api_get', { path: `/deployments/${'0'.repeat(32)}` }),
      await c.call('deployments_delete', { deployment: id }),
      await c.call('auth_keys_show', { id: 'nope' }),
    ];
    const listing = JSON.stringify(await c.client.listTools());
    const lines = readFileSync(log, 'utf8').trimEnd().split('\n');
    assert.equal(statSync(log).mode & 0o777, 0o600);
    assert.equal(c.stderr(), '');
    assert.deepEqual(
      lines.map((l) => {
        const e = JSON.parse(l) as Record<string, unknown>;
        assert.match(String(e.time), /^\d{4}-\d\d-\d\dT/);
        return [e.tool, e.outcome, e.exit];
      }),
      [
        ['deployments_list', 'ok', 0],
        ['deployments_show', 'ok', 0],
        ['api_get', 'ok', 0],
        ['api_get', 'error', 3],
        ['deployments_delete', 'refused', 2],
        ['auth_keys_show', 'error', 3],
      ],
    );
    assert.deepEqual(JSON.parse(lines[1] ?? '').arguments, { deployment: id });
    const everything = [listing, ...results.flatMap(texts), ...lines].join('\n');
    assert.ok(!everything.includes(sb.sb.apiKey), 'the API key leaked');
    assert.ok(everything.includes('"deployments"'));
  });
});

describe('ece mcp with a bearer session', () => {
  const sb = useSandbox();

  it('no token or password in the listing, any answer, or the log on stderr', async (t) => {
    const login = await sb.call('POST', '/users/auth/_login', {
      body: { username: sb.sb.user, password: sb.sb.password },
      auth: null,
    });
    const token = (login.body as { token: string }).token;
    assert.ok(token.length > 20);
    const c = await connect(
      t,
      { ECE_HOST: sb.env.ECE_HOST ?? '', ECE_TOKEN: token },
      {
        allow: 'destructive',
      },
    );
    const results = [
      await c.call('deployments_list'),
      await c.call('users_show', { name: sb.sb.user }),
      await c.call('users_list'),
      await c.call('api_get', { path: '/users/auth/keys' }),
      await c.call('api_get', { path: '/platform' }),
      await c.call('auth_keys_show', { id: 'nope' }),
      await c.call('users_delete', { name: sb.sb.user }),
      await c.call('auth_token'),
    ];
    const everything = [
      JSON.stringify(await c.client.listTools()),
      ...results.flatMap(texts),
      c.stderr(),
    ].join('\n');
    assert.equal(c.stderr().trimEnd().split('\n').length, results.length);
    for (const secret of [token, sb.sb.password, sb.sb.apiKey])
      assert.ok(!everything.includes(secret), 'a secret leaked');
    assert.ok(everything.includes(`"${sb.sb.user}"`));
  });
});

describe('the executor with an approver (what ece mcp runs verbs with)', () => {
  const sb = useSandbox();

  it('asks the approver in place of the terminal: no sends nothing (cancelled), yes sends without --yes', async (t) => {
    const { execute } = await import('../../src/commands/run/execute.js');
    const { verb } = await import('../../src/commands/deployments/shutdown.js');
    const { Context } = await import('../../src/context.js');
    const { memoryIO } = await import('../../src/output/memory-io.js');
    const home = tempDir('ece-home-', t);
    const ctx = new Context({
      io: memoryIO(),
      env: { HOME: home, ECE_CONFIG_DIR: join(home, 'config'), ...sb.env },
      flags: { json: true },
    });
    t.after(() => ctx.dispose());
    const r = await sb.call('GET', '/deployments');
    const id = (r.body as { deployments: { id: string; name: string }[] }).deployments.find(
      (d) => d.name === 'prod-logs',
    )?.id;
    assert.ok(id);
    const questions: string[] = [];
    const before = sb.exchanges.length;
    await assert.rejects(
      execute(verb, { deployment: id }, ctx, {
        approve: async (q) => {
          questions.push(q);
          return false;
        },
      }),
      { name: 'UsageError', message: 'cancelled' },
    );
    assert.deepEqual(writes(sb.exchanges.slice(before)), []);
    await execute(verb, { deployment: id }, ctx, { approve: async () => true });
    assert.deepEqual(
      writes(sb.exchanges.slice(before)).map((e) => `${e.method} ${e.url}`),
      [`POST /api/v1/deployments/${id}/_shutdown`],
    );
    assert.deepEqual(questions, [`Shut down deployment ${id}? Its resources stop.`]);
  });

  it('--log refuses a symlink at its name (nothing is written through it)', async (t) => {
    const { symlinkSync, writeFileSync } = await import('node:fs');
    const dir = tempDir('ece-mcp-log-', t);
    const target = join(dir, 'elsewhere');
    writeFileSync(target, '');
    const link = join(dir, 'calls.log');
    symlinkSync(target, link);
    await assert.rejects(connect(t, sb.env, { log: link }), {
      name: 'CliError',
      message: `cannot open the log ${link}: ELOOP`,
    });
    assert.equal(readFileSync(target, 'utf8'), '');
  });
});
