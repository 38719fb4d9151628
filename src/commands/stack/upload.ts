// `ece stack upload <zip>`: sends a stack pack (POST /stack/versions,
// multipart/form-data), streamed from disk with progress on a terminal. ECE
// answers with the versions it added and the ones it refused: stdout lists
// the added versions (--json: the body); refusals are errors (exit 5).

import { type ApiResponse, parseBody } from '../../api/body.js';
import { uploadStackPack } from '../../api/stack.js';
import { ApiError, CliError, ExitCode } from '../../errors.js';
import { defineVerb } from '../run/types.js';
import {
  describeSize,
  openUpload,
  sendUpload,
  type UploadFlags,
  uploadTimeoutMs,
} from '../upload.js';

interface Result {
  stacks?: { version?: string }[];
  errors?: {
    stack_version?: string;
    errors?: { errors?: { code?: string; message?: string }[] };
  }[];
}

export const verb = defineVerb<UploadFlags & { zip: string }>({
  effect: 'write',
  args: [{ name: 'zip', description: 'the stack pack, as downloaded from Elastic' }],
  options: [{ flags: '-q, --quiet', description: 'no progress' }],
  description: `The versions in the pack become available to deployments and templates.
Progress shows on a terminal (not with --json or --quiet); the request's
deadline is --timeout plus the time the file needs at 256 KiB/s.`,
  examples: [
    'ece stack upload 8.16.0.zip',
    "ece stack upload 8.16.0.zip --json | jq -r '.stacks[].version'",
  ],
  async plan(input, ctx) {
    const file = await openUpload(input.zip);
    const write = uploadStackPack(file, uploadTimeoutMs(ctx, file));
    await ctx.renderer();
    const added = (sent: ApiResponse[]) =>
      (parseBody<Result>(sent[0] as ApiResponse).stacks ?? []).map((s) => String(s.version));
    return {
      writes: [write],
      // Streamed from disk, with progress on a terminal.
      send: async (api) => [await sendUpload(ctx, api, write, file, input)],
      // A refused pack answers 400 with the processing result, not ECE's usual error list.
      onError: (err) => {
        const refused = err instanceof ApiError && err.status === 400 ? refusals(err.body) : [];
        return refused.length ? new CliError(refused.join('; '), ExitCode.REJECTED) : err;
      },
      output: (sent) => ({
        body: sent[0] as ApiResponse,
        print: (_renderer, io) => {
          for (const v of added(sent)) io.stdout.write(`${v}\n`);
        },
      }),
      done: (sent) => {
        const versions = added(sent);
        return `Uploaded ${file.filename} (${describeSize(file)}): ${versions.length ? `added ${versions.join(', ')}` : 'no versions added'}.`;
      },
      // Versions refused beside the ones added: exit 5 after the list.
      after: async (sent) => {
        const refused = refusals((sent[0] as ApiResponse).text);
        if (refused.length) throw new CliError(refused.join('; '), ExitCode.REJECTED);
      },
    };
  },
});

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
