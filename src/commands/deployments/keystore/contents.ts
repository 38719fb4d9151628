// `keystore set <d> -f secrets.json`: several settings from one document, in
// the shape ecctl's `deployment elasticsearch keystore set --file` takes and
// ECE's PATCH sends (KeystoreContents: {"secrets": {name: {value, as_file?}}}),
// JSON or YAML. A value is a string or an object (stored as a file: a GCS
// credentials file). An entry without a value would remove the setting: that
// is `keystore unset`'s job (it checks and asks), so `set` refuses it.

import { UsageError } from '../../../errors.js';
import { checkSetting } from './common.js';

export interface Contents {
  /** The body to PATCH, as read (names checked, nothing added). */
  body: { secrets: Record<string, { value: string | Record<string, unknown>; as_file?: boolean }> };
  /** The settings, in the document's order. */
  settings: string[];
  /** Every string beneath a value: what is masked everywhere. */
  secrets: string[];
}

export function checkContents(doc: Record<string, unknown>, name: string): Contents {
  const extra = Object.keys(doc).filter((k) => k !== 'secrets');
  if (extra.length > 0)
    throw new UsageError(
      `${name}: unknown field ${extra[0]} (expected {"secrets": {"<setting>": {"value": …}}})`,
    );
  const secrets = doc.secrets;
  if (typeof secrets !== 'object' || secrets === null || Array.isArray(secrets))
    throw new UsageError(
      `${name}: expected {"secrets": {"<setting>": {"value": …}}} (the shape of ecctl's keystore set --file)`,
    );
  const entries = Object.entries(secrets as Record<string, unknown>);
  if (entries.length === 0) throw new UsageError(`${name}: secrets is empty: nothing to set`);
  const out: Contents = { body: { secrets: {} }, settings: [], secrets: [] };
  for (const [setting, entry] of entries) {
    checkSetting(setting);
    const at = `${name}: secrets.${setting}`;
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry))
      throw new UsageError(
        entry === null
          ? `${at} is null, which would remove it: use ece deployments keystore unset`
          : `${at} must be an object ({"value": …})`,
      );
    const { value, as_file: asFile, ...rest } = entry as Record<string, unknown>;
    const unknown = Object.keys(rest)[0];
    if (unknown !== undefined)
      throw new UsageError(`${at}: unknown field ${unknown} (value and as_file only)`);
    if (value === undefined || value === null)
      throw new UsageError(
        `${at} has no value, which would remove it: use ece deployments keystore unset`,
      );
    if (typeof value === 'string') {
      if (value === '') throw new UsageError(`${at}.value is empty`);
    } else if (typeof value !== 'object' || Array.isArray(value))
      throw new UsageError(`${at}.value must be a string or an object`);
    if (asFile !== undefined && typeof asFile !== 'boolean')
      throw new UsageError(`${at}.as_file must be true or false`);
    out.body.secrets[setting] = {
      value: value as string | Record<string, unknown>,
      ...(asFile === undefined ? {} : { as_file: asFile }),
    };
    out.settings.push(setting);
    collect(value, out.secrets);
  }
  return out;
}

/** Every string (and number) beneath a value. */
function collect(v: unknown, into: string[]): void {
  if (typeof v === 'string' || typeof v === 'number') into.push(String(v));
  else if (v !== null && typeof v === 'object') for (const x of Object.values(v)) collect(x, into);
}
