// `ece security realms <type> update <id> -f realm.json`: replaces a realm's
// configuration. The realm is read first (it must exist, and its version
// goes back as ?version=, so that a change made in between is refused with
// 409, exit 5, instead of being lost). Secrets as for create.

import { REALM_CALLS, type RealmKind } from '../../../api/security.js';
import { UsageError } from '../../../errors.js';
import { defineVerb } from '../../run/types.js';
import {
  changedHint,
  checkCanAsk,
  checkSecretInput,
  LABEL,
  maskedRealm,
  realmBody,
  SECRET_OPTIONS,
  type SecretInput,
  secretsHelp,
} from './realm.js';

type Input = SecretInput & { id: string; file: string };

export const verbFor = (kind: RealmKind) =>
  defineVerb<Input>({
    effect: 'write',
    args: [{ name: 'id', description: 'realm id' }],
    options: [
      {
        flags: '-f, --file <file>',
        description: 'the whole realm, JSON or YAML (- for stdin)',
        required: true,
      },
      ...SECRET_OPTIONS,
    ],
    description: `The file replaces the realm (start from \`show --json\`). The version read
first goes with the update: a change made in between fails with exit 5.
${secretsHelp(kind)}`,
    examples: [
      `ece security realms ${kind} show corp-realm --json > realm.json   # edit realm.json`,
      `ece security realms ${kind} update corp-realm -f realm.json`,
      ...(kind === 'saml'
        ? []
        : [`ece security realms ${kind} update corp-realm -f realm.json --ask bind_password`]),
    ],
    input(raw) {
      const input = raw as unknown as Input;
      checkSecretInput(kind, input);
      return input;
    },
    async plan(input, ctx) {
      const { id } = input;
      checkCanAsk(ctx, input);
      // Read first: a realm that is not there is said before any question.
      const { version } = maskedRealm(kind, await REALM_CALLS[kind].get(await ctx.api(), id));
      const { body, variables } = await realmBody(ctx, kind, input);
      if (body.id === undefined) body.id = id;
      if (body.id !== id)
        throw new UsageError(`the file is realm "${String(body.id)}", not "${id}"`);
      return {
        writes: [REALM_CALLS[kind].update(id, body, version, variables)],
        hint: changedHint(`${LABEL[kind]} realm ${id}`),
        done: `Updated ${LABEL[kind]} realm ${id}.`,
      };
    },
  });
