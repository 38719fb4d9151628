// The command tables of the platform administration verbs (templates,
// runners, roles, instance configs, snapshot repositories, proxies,
// constructors, license, platform): argv, exit code and stdout, run in order
// against one sandbox. The fast tier runs every row in-process
// (verb-tables.test.ts); the process tier runs a sample through the built
// binary (test/e2e/platform-admin.test.ts), which shows each group loads.

import assert from '../helpers/assert.js';

export type Row = [argv: string[], code: number, stdout: string | RegExp, stdin?: string];

export interface Ran {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs argv (in-process or the binary) with env and stdin. */
export type Exec = (argv: string[], env: Record<string, string>, stdin?: string) => Promise<Ran>;

/** Templates, runners and roles; the first row's stdin is the security template. */
export const TEMPLATES_RUNNERS_ROLES = (template: string): Row[] => [
  [['templates', 'create', '-f', '-', '--id', 'siem'], 0, 'siem\n', template],
  [['templates', 'update', 'siem', '--name', 'SIEM'], 0, ''],
  [['templates', 'show', 'siem', '--query', 'name'], 0, 'SIEM\n'],
  [['templates', 'delete', 'siem'], 2, ''],
  [['templates', 'delete', 'security', '--yes'], 5, ''],
  [['templates', 'delete', 'siem', '--yes'], 0, ''],
  [['templates', 'show', 'siem'], 3, ''],
  [['runners', 'show', '192.168.44.11', '--query', 'zone'], 0, 'ece-zone-2\n'],
  [['runners', 'search', '--query', 'zone:ece-zone-3 role:allocator'], 0, /^192\.168\.44\.12\t/],
  [['runners', 'resync', '--all'], 0, ''],
  [['runners', 'roles', 'set', '192.168.44.12', 'allocator'], 2, ''],
  [['runners', 'roles', 'set', '192.168.44.12', 'allocator', '--yes'], 0, ''],
  [['runners', 'delete', '192.168.44.10', '--yes'], 5, ''],
  [['runners', 'show', '10.9.9.9'], 3, ''],
  [['roles', 'list', '--query', 'values[].id'], 0, 'allocator\ncoordinator\ndirector\nproxy\n'],
  [
    ['roles', 'show', 'director', '--query', 'role.value.containers[].name'],
    0,
    'director\nzookeeper\n',
  ],
  [['roles', 'delete', 'allocator', '--yes'], 5, ''],
  [['roles', 'update', 'proxy', '--auto-blessed', 'maybe'], 2, ''],
];

export const TEMPLATES_RUNNERS_ROLES_HELP = [
  'templates create',
  'templates update',
  'templates delete',
  'runners show',
  'runners search',
  'runners resync',
  'runners roles set',
  'runners delete',
  'roles list',
  'roles show',
  'roles create',
  'roles update',
  'roles delete',
];

export const PLATFORM_ADMIN: Row[] = [
  [['instance-configs', 'show', 'kibana', '--query', 'instance_type'], 0, 'kibana\n'],
  [['snapshot-repos', 'list', '--query', 'configs[].repository_name'], 0, 'ece-snapshots\n'],
  [['proxies', 'show', '192.168.44.12', '--query', 'zone'], 0, 'ece-zone-3\n'],
  [['constructors', 'list'], 0, '192.168.44.10\tyes\tno\n'],
  [['license', 'show', '--query', 'license.type'], 0, 'enterprise\n'],
  [['platform', 'info'], 0, '3.8.0\tece-region\tece-zone-1,ece-zone-2,ece-zone-3\t3\t3\t3\tyes\n'],
  [['instance-configs', 'show', 'nope'], 3, ''],
  [['snapshot-repos', 'delete', 'ece-snapshots'], 2, ''],
];

export const PLATFORM_ADMIN_HELP = [
  'instance-configs list',
  'instance-configs show',
  'instance-configs create',
  'instance-configs update',
  'instance-configs delete',
  'snapshot-repos list',
  'snapshot-repos show',
  'snapshot-repos set',
  'snapshot-repos delete',
  'proxies list',
  'proxies show',
  'constructors list',
  'constructors show',
  'constructors maintenance',
  'license show',
  'license set',
  'platform info',
];

/** Each row: its exit code and stdout, one error line when it fails, never a stack trace. */
export async function checkRows(
  exec: Exec,
  env: Record<string, string>,
  rows: Row[],
): Promise<void> {
  for (const [argv, code, stdout, stdin] of rows) {
    const r = await exec(argv, env, stdin);
    const label = argv.join(' ');
    assert.equal(r.code, code, `${label}: ${r.stderr}`);
    if (typeof stdout === 'string') assert.equal(r.stdout, stdout, label);
    else assert.match(r.stdout, stdout, label);
    assert.ok(!/\n\s+at /.test(r.stderr), `${label}: a stack trace`);
    if (code !== 0) assert.match(r.stderr, /^(Runner .*\n( {2}.*\n)+)?error: [^\n]+\n$/, label);
  }
}

/** Each verb's --help: exit 0 and examples that start with the verb. */
export async function checkHelp(exec: Exec, verbs: string[]): Promise<void> {
  for (const verb of verbs) {
    const r = await exec([...verb.split(' '), '--help'], {});
    assert.equal(r.code, 0, verb);
    assert.match(r.stdout, new RegExp(`\\nExamples:\\n(  \\$ .*\\n)*  \\$ ece ${verb}`), verb);
  }
}
