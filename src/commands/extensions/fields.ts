// The metadata flags `create` and `update` share, and the body they make
// (CreateExtensionRequest / UpdateExtensionRequest: name, extension_type and
// version always; description and download_url when given).

import type { ExtensionFields } from '../../api/extensions.js';
import { UsageError } from '../../errors.js';
import { readDocument } from '../../input.js';
import type { IOStreams } from '../../output/iostreams.js';
import type { OptionSpec } from '../run/types.js';

export interface FieldFlags {
  file?: string;
  name?: string;
  type?: string;
  version?: string;
  description?: string;
  downloadUrl?: string;
}

/** The metadata options of create and update. */
export const FIELD_OPTIONS: OptionSpec[] = [
  {
    flags: '-f, --file <file>',
    description: 'the extension as JSON or YAML (CreateExtensionRequest; - for stdin)',
  },
  { flags: '--name <name>', description: 'its name: ASCII letters, digits and _ . -' },
  { flags: '--type <type>', description: 'bundle or plugin' },
  {
    flags: '--version <version>',
    description: 'the Elasticsearch version(s) it is for, e.g. 8.15.1 or 8.*',
  },
  { flags: '--description <text>', description: 'a description' },
  {
    flags: '--download-url <url>',
    description: 'where ECE downloads the archive from (instead of an upload)',
  },
];

const NAME = /^[A-Za-z0-9_.-]+$/;

/** The body from -f and/or flags (flags win), over `base` (the current extension for update). */
export async function extensionFields(
  io: IOStreams,
  flags: FieldFlags,
  base: Partial<ExtensionFields> = {},
): Promise<ExtensionFields> {
  const doc = flags.file ? await readDocument(io, flags.file) : {};
  const pick = (flag: string | undefined, key: keyof ExtensionFields) => {
    const v = flag ?? (doc[key] as unknown) ?? base[key];
    if (v !== undefined && typeof v !== 'string')
      throw new UsageError(`${key} must be a string in ${flags.file ?? 'the input'}`);
    return v as string | undefined;
  };
  const name = pick(flags.name, 'name');
  const type = pick(flags.type, 'extension_type');
  const version = pick(flags.version, 'version');
  const description = pick(flags.description, 'description');
  const downloadUrl = pick(flags.downloadUrl, 'download_url');
  if (!name) throw new UsageError('give the extension a --name');
  if (!NAME.test(name))
    throw new UsageError(`invalid --name "${name}": use ASCII letters, digits and _ . - only`);
  if (type !== 'bundle' && type !== 'plugin')
    throw new UsageError(
      type === undefined
        ? 'give --type bundle or --type plugin'
        : `invalid --type "${type}": use bundle or plugin`,
    );
  if (!version)
    throw new UsageError('give the Elasticsearch --version it is for, e.g. 8.15.1 or 8.*');
  if (downloadUrl !== undefined && !/^https?:\/\//i.test(downloadUrl))
    throw new UsageError(`invalid --download-url "${downloadUrl}": give an http(s) URL`);
  return {
    name,
    extension_type: type,
    version,
    ...(description !== undefined ? { description } : {}),
    ...(downloadUrl !== undefined ? { download_url: downloadUrl } : {}),
  };
}
