// `ece users create NAME`: the password is asked for on a terminal or read
// from stdin. A dry run shows it as "$ECE_PASSWORD" and never prompts: without
// --password-stdin it asks for nothing and the curl line takes the variable.

import { createUserRequest } from '../../api/platform.js';
import { UsageError } from '../../errors.js';
import { defineVerb } from '../run/types.js';
import { NAME_ARG } from './columns.js';
import { checkPasswordSource, PASSWORD_STDIN, readPassword } from './password.js';

export interface CreateInput {
  name: string;
  role: string[];
  fullName?: string;
  email?: string;
  passwordStdin?: boolean;
}

export const verb = defineVerb<CreateInput>({
  effect: 'write',
  args: [NAME_ARG],
  options: [
    {
      flags: '--role <role>',
      description: 'a role, e.g. ece_platform_admin or ece_platform_viewer (repeatable)',
      repeatable: true,
    },
    { flags: '--full-name <name>', description: 'full name' },
    { flags: '--email <address>', description: 'email address' },
    { ...PASSWORD_STDIN, description: 'read the password from standard input' },
  ],
  examples: ['ece users create jdoe --role ece_platform_viewer --full-name "Jane Doe"'],
  input(raw) {
    const input = raw as unknown as CreateInput;
    if (input.role.length === 0)
      throw new UsageError('give at least one --role (e.g. ece_platform_viewer)');
    return input;
  },
  async plan(input, ctx) {
    checkPasswordSource(ctx, input.passwordStdin);
    const api = await ctx.api();
    const password = await readPassword(ctx, input.passwordStdin);
    api.addSecret(password);
    return {
      writes: [
        createUserRequest({
          user_name: input.name,
          ...(input.fullName ? { full_name: input.fullName } : {}),
          ...(input.email ? { email: input.email } : {}),
          security: { password, roles: input.role, enabled: true },
        }),
      ],
      done: `Created user ${input.name}.`,
    };
  },
});
