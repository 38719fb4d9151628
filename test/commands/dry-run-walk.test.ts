// Issue 21's acceptance: every command whose effect is write or destructive,
// taken from `ece help --json` (not from a hand list), runs with --dry-run
// against the sandbox, exits 0, and the sandbox sees no write — only reads
// (GET, and the POSTs that change nothing: `_search`, a validate_only move).
//
// A verb's arguments come from its declared arguments: SAMPLES has a value
// for each argument name, pointing at the sandbox's fixtures; OVERRIDES gives
// a value where one name means different things in different verbs (`<id>`
// of an allocator, of a template); EXTRA adds what a verb needs beyond its
// arguments (an option, stdin). A verb with an argument that has no sample
// fails the test by name: a new verb must be given values here.

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { HelpJson } from '../../src/reference.js';
import assert from '../helpers/assert.js';
import { run, tempDir } from '../helpers/cli.js';
import { createRequest, useSandbox } from '../helpers/sandbox.js';
import { makeRsaPki } from '../helpers/tls.js';
import { makeZip } from '../helpers/zip.js';

type CommandInfo = HelpJson['commands'][number];

const DEPLOYMENT = 'prod-logs';
/** The deployment given a plan that stays pending (for `plan cancel`). */
const PENDING = 'search-staging';
const SETTING = 'xpack.notification.email.account.work.smtp.secure_password';
const HOST = '192.168.44.10';

/** A sample value by argument name (as help --json names it). */
const SAMPLES: Record<string, string[]> = {
  deployment: [DEPLOYMENT],
  instances: ['instance-0000000000'],
  'on|off': ['on'],
  setting: [SETTING],
  ruleset: ['office-network'],
  extension: ['walk-plugin'],
  message: ['a note from the walk'],
  'comment-id': ['COMMENT'],
  allocator: [HOST],
  key: ['rack'],
  value: ['r1'],
  runner: [HOST],
  roles: ['allocator', 'proxy'],
  role: ['proxy'],
  version: ['8.14.3'],
  'token-id': ['TOKEN'],
  service: ['ui'],
  name: ['walk-name'],
  id: ['walk-id'],
};

/** Where an argument name means something else in one verb: `path argument`. */
const OVERRIDES: Record<string, string[]> = {
  'ece deployments plan cancel deployment': [PENDING],
  'ece allocators maintenance id': [HOST],
  'ece constructors maintenance id': [HOST],
  'ece templates update id': ['default'],
  'ece templates delete id': ['default'],
  'ece instance-configs update id': ['master'],
  'ece instance-configs delete id': ['master'],
  'ece snapshot-repos set name': ['ece-snapshots'],
  'ece snapshot-repos delete name': ['ece-snapshots'],
  'ece users create name': ['walk-user'],
  'ece users update name': ['readonly'],
  'ece users enable name': ['readonly'],
  'ece users disable name': ['readonly'],
  'ece users delete name': ['readonly'],
  'ece config set key': ['host'],
  'ece config set value': ['https://ece.example:12443'],
  'ece config unset key': ['host'],
  'ece config use name': ['default'],
  'ece config delete name': ['default'],
  // Methods that write: a GET would be a read (the call's effect is the method's).
  'ece deployments es method': ['POST'],
  'ece deployments es path': ['/_refresh'],
  'ece api path': ['/deployments/_search'],
  'ece platform domain-name set domain': ['ece.walk.example'],
  'ece platform api-base-url set url': ['https://ece.walk.example:12443'],
  'ece logging allocators set id': [HOST],
  'ece logging allocators update id': [HOST],
  'ece logging allocators delete id': [HOST],
  'ece logging constructors set id': [HOST],
  'ece logging constructors update id': [HOST],
  'ece logging constructors delete id': [HOST],
  'ece logging runners set id': [HOST],
  'ece logging runners update id': [HOST],
  'ece logging runners delete id': [HOST],
  'ece logging admin-consoles set id': [HOST],
  'ece logging admin-consoles update id': [HOST],
  'ece logging admin-consoles delete id': [HOST],
  'ece deployments appsearch-read-only deployment': ['walk-appsearch'],
  'ece security realms reorder ids': ['sso-okta', 'walk-ldap', 'walk-ad'],
  'ece security realms ldap update id': ['walk-ldap'],
  'ece security realms ldap delete id': ['walk-ldap'],
  'ece security realms saml update id': ['sso-okta'],
  'ece security realms saml delete id': ['sso-okta'],
  'ece security realms active-directory update id': ['walk-ad'],
  'ece security realms active-directory delete id': ['walk-ad'],
  'ece proxies filtered-groups update id': ['walk-group'],
  'ece proxies filtered-groups delete id': ['walk-group'],
  'ece coordinators candidates delete id': ['192.168.44.13'],
  'ece coordinators demote id': [HOST],
};

/** What a verb needs beyond its arguments (options, stdin), from the fixtures. */
type Extra = Record<string, { argv?: string[]; stdin?: string }>;

/** Files and things the verbs name, made before the walk (these writes are not the walk's). */
async function fixtures(env: Record<string, string>, dir: string): Promise<Extra> {
  const ok = async (argv: string[], stdin?: string) => {
    const r = await run(argv, { env, ...(stdin === undefined ? {} : { stdin }) });
    assert.equal(r.code, 0, `${argv.join(' ')}: ${r.stderr}`);
    return r.stdout;
  };
  const file = (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };
  await ok([
    'extensions',
    'create',
    '--name',
    'walk-plugin',
    '--type',
    'plugin',
    '--version',
    '8.*',
    '--download-url',
    'https://example.com/walk.zip',
  ]);
  const comment = JSON.parse(await ok(['comments', 'add', DEPLOYMENT, 'first', '--json'])).id;
  await ok(['deployments', 'keystore', 'set', DEPLOYMENT, SETTING, '-f', '-'], 'secret-value');
  const token = JSON.parse(await ok(['enrollment-tokens', 'create', '--role', 'proxy', '--json']));
  await ok(['deployments', 'restart', PENDING]);
  await ok(['config', 'set', 'host', 'https://ece.example:12443']);
  const pki = await makeRsaPki(['ece.example']);
  SAMPLES['comment-id'] = [String(comment)];
  SAMPLES['token-id'] = [String(token.token_id ?? token.id)];
  const template = await ok(['templates', 'show', 'default', '--json']);
  const config = await ok(['instance-configs', 'show', 'master', '--json']);
  const role = await ok(['roles', 'show', 'proxy', '--json']);
  const zip = file('walk.zip', '');
  writeFileSync(zip, makeZip({ '8.16.0/stackpack.json': '{"version":"8.16.0"}' }));
  SAMPLES.zip = [zip];
  const definition = await ok(['deployments', 'show', DEPLOYMENT, '--update-payload']);
  await ok(
    ['deployments', 'create', '-f', '-'],
    JSON.stringify(createRequest('walk-appsearch', ['elasticsearch', 'appsearch'])),
  );
  const trust = JSON.stringify({
    name: 'walk',
    public_ca_cert: pki.caCert,
    installation_id: 'walk-installation',
  });
  const trusted = JSON.parse(
    await ok(['platform', 'trust-relationships', 'create', '-f', '-', '--json'], trust),
  );
  OVERRIDES['ece platform trust-relationships update id'] = [String(trusted.id)];
  OVERRIDES['ece platform trust-relationships delete id'] = [String(trusted.id)];
  await ok(['platform', 'config-store', 'create', 'walk-name', '--value', 'first']);
  const ldap = file(
    'ldap.json',
    JSON.stringify({
      id: 'walk-ldap',
      name: 'Walk LDAP',
      urls: ['ldaps://ldap.example.com:636'],
      bind_anonymously: true,
      bind_type: 'user_search',
    }),
  );
  const ad = file(
    'ad.json',
    JSON.stringify({
      id: 'walk-ad',
      name: 'Walk AD',
      urls: ['ldaps://ad.example.com:636'],
      bind_anonymously: true,
      domain_name: 'example.com',
    }),
  );
  const saml = JSON.parse(
    await ok(['security', 'realms', 'saml', 'show', 'sso-okta', '--json']),
  ) as Record<string, unknown>;
  const samlFile = file('saml.json', JSON.stringify({ ...saml, id: 'walk-saml' }));
  await ok(['security', 'realms', 'ldap', 'create', '-f', ldap]);
  await ok(['security', 'realms', 'active-directory', 'create', '-f', ad]);
  await ok([
    'proxies',
    'filtered-groups',
    'create',
    'walk-group',
    '--filter',
    'zone=ece-zone-1',
    '--expected',
    '1',
  ]);
  const proxySettings = await ok(['proxies', 'settings', 'show', '--json']);
  const level = ['--level', 'org.elasticsearch=DEBUG'];
  return {
    'ece api': { argv: ['-X', 'PUT', '--input', '-'], stdin: '{}' },
    'ece deployments create': { argv: ['--template-id', 'default', '--name', 'walk'] },
    'ece deployments update': { argv: ['-f', '-'], stdin: definition },
    'ece deployments apply': {
      argv: ['-f', file('walk.json', JSON.stringify({ name: 'walk-new', resources: {} }))],
    },
    'ece deployments enable-ilm': {
      argv: ['-f', '-'],
      stdin: JSON.stringify({ index_patterns: [{ index_pattern: 'logs-*', policy_name: 'walk' }] }),
    },
    'ece deployments instances thread-dump': { argv: ['--instance', 'instance-0000000000'] },
    'ece deployments instances heap-dump': {
      argv: ['--instance', 'instance-0000000000', '-O', join(dir, 'walk.hprof')],
    },
    'ece deployments resource shutdown': { argv: ['--kind', 'kibana'] },
    'ece deployments resource restore': { argv: ['--kind', 'kibana'] },
    'ece deployments resource delete': { argv: ['--kind', 'kibana'] },
    'ece deployments resource diagnostics': {
      argv: ['--kind', 'elasticsearch', '-O', join(dir, 'walk.zip.out')],
    },
    'ece deployments resource overrides': { argv: ['--size', '8g'] },
    'ece extensions create': {
      argv: [
        '--name',
        'walk-2',
        '--type',
        'bundle',
        '--version',
        '8.*',
        '--download-url',
        'https://example.com/b.zip',
      ],
    },
    'ece platform config-store create': { argv: ['--value', 'walked'] },
    'ece platform config-store update': { argv: ['--value', 'walked'] },
    'ece platform trust-relationships create': { argv: ['-f', '-'], stdin: trust },
    'ece platform trust-relationships update': { argv: ['-f', '-'], stdin: '{"name":"walked"}' },
    'ece platform extra-certificates set': { argv: ['-f', file('extra.pem', pki.caCert)] },
    'ece logging allocators set': { argv: level },
    'ece logging allocators update': { argv: level },
    'ece logging constructors set': { argv: level },
    'ece logging constructors update': { argv: level },
    'ece logging runners set': { argv: level },
    'ece logging runners update': { argv: level },
    'ece logging admin-consoles set': { argv: level },
    'ece logging admin-consoles update': { argv: level },
    'ece login': { argv: ['--username', 'admin', '--host', 'https://ece.walk.example:12443'] },
    'ece auth keys create': { argv: ['--description', 'walk'] },
    'ece proxies filtered-groups create': {
      argv: ['--filter', 'zone=ece-zone-2', '--expected', '1'],
    },
    'ece proxies filtered-groups update': { argv: ['--expected', '1'] },
    'ece proxies settings set': { argv: ['-f', '-'], stdin: proxySettings },
    'ece proxies settings patch': { argv: ['-f', '-'], stdin: '{}' },
    'ece security realms ldap create': { argv: ['-f', ldap, '--id', 'walk-ldap-2'] },
    'ece security realms ldap update': { argv: ['-f', ldap] },
    'ece security realms saml create': { argv: ['-f', samlFile] },
    'ece security realms saml update': { argv: ['-f', file('okta.json', JSON.stringify(saml))] },
    'ece security realms active-directory create': { argv: ['-f', ad, '--id', 'walk-ad-2'] },
    'ece security realms active-directory update': { argv: ['-f', ad] },
    'ece security deployment update': { argv: ['--zones', '2'] },
    'ece deployments resize': { argv: ['--zones', '3'] },
    'ece deployments upgrade': { argv: ['--version', '8.15.1'] },
    'ece deployments remote-clusters set': {
      argv: ['-f', file('remote.json', '{"resources":[]}')],
    },
    'ece traffic-filters create': { argv: ['--name', 'walk', '--source', '10.0.0.0/8'] },
    'ece traffic-filters update': { argv: ['--description', 'walked'] },
    'ece traffic-filters delete': { argv: ['--ignore-associations'] },
    'ece extensions update': { argv: ['--description', 'walked'] },
    'ece roles create': { argv: ['-f', '-'], stdin: role.replace('"proxy"', '"walk-role"') },
    'ece roles update': { argv: ['--auto-blessed', 'true'] },
    'ece templates create': { argv: ['-f', '-'], stdin: template },
    'ece templates update': { argv: ['--description', 'walked'] },
    'ece instance-configs create': { argv: ['-f', '-'], stdin: config },
    'ece instance-configs update': { argv: ['-f', '-'], stdin: config },
    'ece snapshot-repos set': {
      argv: ['-f', '-'],
      stdin: '{"type":"s3","settings":{"bucket":"walk","region":"us-east-1"}}',
    },
    'ece license set': {
      argv: ['-f', '-'],
      stdin: JSON.stringify({
        license: {
          uid: 'walk',
          type: 'enterprise',
          issue_date_in_millis: 0,
          expiry_date_in_millis: 4_102_444_800_000,
          max_instances: 10,
          issued_to: 'walk',
          issuer: 'Elastic',
          signature: 'AAAA',
          start_date_in_millis: 0,
        },
      }),
    },
    'ece users create': { argv: ['--role', 'ece_platform_viewer'] },
    'ece users update': { argv: ['--full-name', 'Walked'] },
    'ece tls set': {
      argv: [
        '--chain',
        file('chain.pem', pki.cert + pki.caCert),
        '--key',
        file('key.pem', pki.key),
      ],
    },
  };
}

interface Case {
  path: string;
  argv: string[];
  stdin?: string;
}

/** The argv for one verb, or the reason it cannot be filled. */
function fill(c: CommandInfo, extras: Extra): Case | string {
  const argv = c.path.split(' ').slice(1);
  for (const a of c.arguments) {
    const value = OVERRIDES[`${c.path} ${a.name}`] ?? SAMPLES[a.name];
    if (!value) {
      if (!a.required) continue;
      return `${c.path}: no sample value for its argument <${a.name}>: add one to SAMPLES or OVERRIDES`;
    }
    argv.push(...(a.variadic ? value : value.slice(0, 1)));
  }
  const extra = extras[c.path];
  return {
    path: c.path,
    argv: [...argv, ...(extra?.argv ?? [])],
    ...(extra?.stdin === undefined ? {} : { stdin: extra.stdin }),
  };
}

/** A request that changes nothing in ECE. */
const isRead = (method: string, url: string) =>
  method === 'GET' ||
  method === 'HEAD' ||
  (method === 'POST' && /\/_search(\?|$)/.test(url)) ||
  (method === 'POST' && /[?&]validate_only=true\b/.test(url));

describe('every write and destructive verb of help --json under --dry-run', () => {
  // Plans that last an hour: the one started for `plan cancel` stays pending.
  const t = useSandbox({ deployments: 2, planDurationMs: 3_600_000 });

  it('exits 0 and the sandbox sees no write', async (ctx) => {
    const help = await run(['help', '--json']);
    assert.equal(help.code, 0, help.stderr);
    const verbs = (JSON.parse(help.stdout) as HelpJson).commands.filter(
      (c) => c.effect === 'write' || c.effect === 'destructive',
    );
    assert.ok(verbs.length > 50, `only ${verbs.length} changing verbs in help --json`);
    const home = tempDir('ece-walk-');
    const env = { ...t.env, HOME: home, ECE_CONFIG_DIR: join(home, 'config') };
    const extras = await fixtures(env, home);
    const cases = verbs.map((v) => fill(v, extras));
    const unfilled = cases.filter((c): c is string => typeof c === 'string');
    assert.deepEqual(unfilled, [], 'verbs the walk cannot fill');

    const problems: string[] = [];
    for (const c of cases as Case[]) {
      const start = t.exchanges.length;
      const r = await run([...c.argv, '--dry-run'], {
        env,
        ...(c.stdin === undefined ? {} : { stdin: c.stdin }),
      });
      const writes = t.exchanges
        .slice(start)
        .filter((x) => !isRead(x.method, x.url))
        .map((x) => `${x.method} ${x.url}`);
      if (r.code !== 0) problems.push(`${c.argv.join(' ')}: exit ${r.code}: ${r.stderr.trim()}`);
      if (writes.length > 0) problems.push(`${c.argv.join(' ')}: sent ${writes.join(', ')}`);
    }
    ctx.diagnostic(`${cases.length} verbs walked`);
    assert.deepEqual(problems, []);
  });

  it('a verb with an argument the table has no value for fails the walk by name', () => {
    const verb: CommandInfo = {
      path: 'ece widgets frob',
      name: 'frob',
      aliases: [],
      summary: '',
      effect: 'write',
      usage: 'ece widgets frob <widget>',
      arguments: [{ name: 'widget', description: '', required: true, variadic: false }],
      options: [],
      examples: [],
      subcommands: [],
    };
    assert.equal(
      fill(verb, {}),
      'ece widgets frob: no sample value for its argument <widget>: add one to SAMPLES or OVERRIDES',
    );
    assert.deepEqual(
      fill(
        {
          ...verb,
          arguments: [{ ...verb.arguments[0], name: 'deployment' }] as CommandInfo['arguments'],
        },
        {},
      ),
      {
        path: 'ece widgets frob',
        argv: ['widgets', 'frob', DEPLOYMENT],
      },
    );
  });
});
