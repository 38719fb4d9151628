// The built binary against the sandbox, one process per command: each
// platform administration group loads lazily from dist/, prints its rows and
// the documented exit codes (3 missing, 5 refused by ECE, 2 unconfirmed or bad
// input), never a stack trace, and help with examples. A sample of the tables
// in test/commands/verb-tables.ts, whose every row runs in-process in
// test/commands/verb-tables.test.ts.

import { describe, it } from 'node:test';
import {
  checkHelp,
  checkRows,
  type Exec,
  PLATFORM_ADMIN,
  TEMPLATES_RUNNERS_ROLES,
} from '../commands/verb-tables.js';
import { ece } from '../helpers/e2e.js';
import { useSandbox } from '../helpers/sandbox.js';

const exec: Exec = (argv, env, stdin) =>
  ece(argv, { env, ...(stdin === undefined ? {} : { input: stdin }) });

/** Rows that change nothing, one or two per command group. */
const READS = new Set([
  'templates show siem',
  'templates delete security --yes',
  'runners show 192.168.44.11 --query zone',
  'roles list --query values[].id',
  'roles update proxy --auto-blessed maybe',
  'instance-configs show kibana --query instance_type',
  'snapshot-repos list --query configs[].repository_name',
  'proxies show 192.168.44.12 --query zone',
  'constructors list',
  'license show --query license.type',
  'platform info',
  'snapshot-repos delete ece-snapshots',
]);

describe('platform administration commands, end to end', () => {
  const t = useSandbox({ deployments: 1 });

  it('each group answers, piped, with its rows and exit codes', async () => {
    const rows = [...TEMPLATES_RUNNERS_ROLES(''), ...PLATFORM_ADMIN].filter(([argv]) =>
      READS.has(argv.join(' ')),
    );
    await checkRows(exec, t.env, rows);
  });

  it('help with examples', () => checkHelp(exec, ['templates create', 'platform info']));
});
