// `ece stack upload <zip>`: sends a stack pack (POST /stack/versions,
// multipart/form-data), streamed from disk with progress on a terminal. ECE
// answers with the versions it added and the ones it refused: stdout lists
// the added versions (--json: the body); refusals are errors (exit 5).

import type { Command } from 'commander';
import { type ApiResponse, parseBody } from '../../api/body.js';
import { uploadStackPack } from '../../api/stack.js';
import type { Context } from '../../context.js';
import { ApiError, CliError, ExitCode } from '../../errors.js';
import { RAW } from '../../output/raw.js';
import { act, type Contexts } from '../action.js';
import {
  describeSize,
  openUpload,
  sendUpload,
  type UploadFlags,
  uploadTimeoutMs,
} from '../upload.js';
import { showDryRun } from '../write.js';

interface Result {
  stacks?: { version?: string }[];
  errors?: {
    stack_version?: string;
    errors?: { errors?: { code?: string; message?: string }[] };
  }[];
}

export function register(group: Command, contexts: Contexts): void {
  group
    .command('upload')
    .description('Upload a stack pack (a zip of Elastic Stack versions)')
    .argument('<zip>', 'the stack pack, as downloaded from Elastic')
    .option('-q, --quiet', 'no progress')
    .addHelpText(
      'after',
      `
The versions in the pack become available to deployments and templates.
Progress shows on a terminal (not with --json or --quiet); the request's
deadline is --timeout plus the time the file needs at 256 KiB/s.

Examples:
  $ ece stack upload 8.16.0.zip
  $ ece stack upload 8.16.0.zip --json | jq -r '.stacks[].version'`,
    )
    .action(act(contexts, (ctx, zip: string, flags: UploadFlags) => run(zip, flags, ctx)));
}

export async function run(zip: string, flags: UploadFlags, ctx: Context): Promise<void> {
  const file = await openUpload(zip);
  const api = await ctx.api();
  const write = uploadStackPack(file, uploadTimeoutMs(ctx, file));
  if (showDryRun(ctx, api, write)) return;
  const renderer = await ctx.renderer();
  let res: ApiResponse;
  try {
    res = await sendUpload(ctx, api, write, file, flags);
  } catch (err) {
    // A refused pack answers 400 with the processing result, not ECE's usual error list.
    const refused = err instanceof ApiError && err.status === 400 ? refusals(err.body) : [];
    if (refused.length) throw new CliError(refused.join('; '), ExitCode.REJECTED);
    throw err;
  }
  const result = parseBody<Result>(res);
  const added = (result.stacks ?? []).map((s) => String(s.version));
  if (renderer.raw) await renderer.body(res, RAW);
  else for (const v of added) ctx.io.stdout.write(`${v}\n`);
  ctx.io.stderr.write(
    `Uploaded ${file.filename} (${describeSize(file)}): ${added.length ? `added ${added.join(', ')}` : 'no versions added'}.\n`,
  );
  const refused = refusals(res.text);
  if (refused.length) throw new CliError(refused.join('; '), ExitCode.REJECTED);
}

/**
 * One `version: message (code)` per error in a processing result. A pack
 * zipped on macOS holds a `__MACOSX` folder that ECE reports as a version it
 * cannot parse, beside the versions it added: not a refusal (cloud-sdk-go's
 * stackapi/upload.go ignores exactly those).
 */
function refusals(text: string): string[] {
  let result: Result;
  try {
    result = JSON.parse(text) as Result;
  } catch {
    return [];
  }
  if (!Array.isArray(result?.errors)) return [];
  return result.errors.flatMap((e) =>
    (e.errors?.errors ?? [])
      .filter((x) => !String(x.message ?? '').includes('__MACOSX'))
      .map((x) => `${e.stack_version || 'the stack pack'}: ${x.message} (${x.code})`),
  );
}
