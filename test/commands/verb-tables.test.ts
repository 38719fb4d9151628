// Every row of the platform administration tables (verb-tables.ts) in-process
// against the sandbox: rows, exit codes, one error line, no stack trace, and
// help with examples for every verb (a sample runs through the built binary:
// test/e2e/platform-admin.test.ts).

import { describe, it } from 'node:test';
import { run } from '../helpers/cli.js';
import { useSandbox } from '../helpers/sandbox.js';
import {
  checkHelp,
  checkRows,
  type Exec,
  PLATFORM_ADMIN,
  PLATFORM_ADMIN_HELP,
  TEMPLATES_RUNNERS_ROLES,
  TEMPLATES_RUNNERS_ROLES_HELP,
} from './verb-tables.js';

const exec: Exec = (argv, env, stdin) =>
  run(argv, { env, ...(stdin === undefined ? {} : { stdin }) });

describe('templates, runners and roles against the sandbox', () => {
  const t = useSandbox({ deployments: 1 });

  it('each verb answers, piped, with its rows and exit codes', async () => {
    const template = (await run(['templates', 'show', 'security', '--json'], { env: t.env }))
      .stdout;
    await checkRows(exec, t.env, TEMPLATES_RUNNERS_ROLES(template));
  });

  it('every verb has help with examples', () => checkHelp(exec, TEMPLATES_RUNNERS_ROLES_HELP));
});

describe('platform administration commands against the sandbox', () => {
  const t = useSandbox({ deployments: 1 });

  it('each group answers, piped, with its rows and exit codes', () =>
    checkRows(exec, t.env, PLATFORM_ADMIN));

  it('every verb has help with examples', () => checkHelp(exec, PLATFORM_ADMIN_HELP));
});
