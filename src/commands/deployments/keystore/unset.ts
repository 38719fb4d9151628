// `ece deployments keystore unset <d> <setting…>`: remove settings from the
// Elasticsearch keystore. It reads the keystore first, so a setting that is
// not there is exit 3 (nothing sent); it asks first (a value cannot be read
// back), --yes skips that; --dry-run shows the PATCH.

import { parseBody } from '../../../api/body.js';
import { getKeystore, unsetSecretsRequest } from '../../../api/keystore.js';
import { CliError, ExitCode } from '../../../errors.js';
import { defineVerb } from '../../run/types.js';
import { checkSetting, entries, esTarget, REF_ID_HELP } from './common.js';

export const verb = defineVerb<{ deployment: string; setting: string[]; refId?: string }>({
  effect: 'destructive',
  args: [
    { name: 'deployment', description: 'deployment id or exact name' },
    { name: 'setting', description: 'setting names', variadic: true },
  ],
  options: [{ flags: '--ref-id <ref_id>', description: REF_ID_HELP }],
  description: `A setting the keystore does not have is an error (exit 3) and nothing is
removed.`,
  examples: [
    'ece deployments keystore unset prod-logs s3.client.default.access_key s3.client.default.secret_key --yes',
  ],
  input(raw) {
    const settings = raw.setting as string[];
    return {
      deployment: String(raw.deployment),
      setting: [...new Set(settings.map(checkSetting))],
      refId: raw.refId as string | undefined,
    };
  },
  async plan(input, ctx) {
    const wanted = input.setting;
    const t = await esTarget(ctx, input.deployment, input.refId);
    const have = new Set(
      entries(parseBody<unknown>(await getKeystore(t.api, t.id, t.refId))).map((e) => e.setting),
    );
    const missing = wanted.filter((s) => !have.has(s));
    if (missing.length > 0) {
      throw new CliError(
        `the keystore of ${t.label} has no ${missing.length === 1 ? 'setting' : 'settings'} ${missing.join(', ')}; nothing was removed`,
        ExitCode.NOT_FOUND,
      );
    }
    return {
      writes: [unsetSecretsRequest(t.id, t.refId, wanted)],
      confirm: `Remove ${wanted.join(', ')} from the keystore of ${t.label}? ${wanted.length === 1 ? 'Its value' : 'Their values'} cannot be read back.`,
      done: `Removed ${wanted.join(', ')} from the keystore of ${t.label}.`,
    };
  },
});
