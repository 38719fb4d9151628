// `ece deployments versions`: the fleet report. Every deployment's stack
// version per kind (from one paged search: the hits carry each resource's
// current plan), grouped by the lowest version it runs. --below VERSION is a
// gate for CI: the deployments with a resource under it, and exit 10 when
// there are any (ECE 4 needs every deployment on 8.x first). System
// deployments only with --include-system (run/system.ts).

import { KINDS } from '../../api/kinds.js';
import { ExitCode } from '../../errors.js';
import type { Grid } from '../../output/table.js';
import { INCLUDE_SYSTEM, leftOutNote } from '../run/system.js';
import { defineVerb } from '../run/types.js';
import { type Member, select } from './fleet.js';
import { compareVersions, stackVersion } from './upgrade-rules.js';

export interface VersionsInput {
  below?: string;
  includeSystem?: boolean;
}

export const verb = defineVerb<VersionsInput>({
  effect: 'read',
  options: [
    {
      flags: '--below <version>',
      description: 'only the deployments with a resource below this version; exit 10 if any',
    },
    INCLUDE_SYSTEM,
  ],
  description: `One row per deployment: the lowest version it runs (VERSION), then each
kind's version, grouped by VERSION, oldest first. A deployment counts as
below a version when any of its resources is (an Integrations Server left
behind counts). With --below the command is a gate: exit 0 when none is
below, 10 when some are (listed, with a line on stderr saying how many).
--json: {"deployments": [{id, name, version, system_owned, resources:
[{kind, ref_id, version}]}], "versions": {VERSION: count}}. See docs/fleet.md.`,
  examples: [
    'ece deployments versions',
    'ece deployments versions --below 8.0.0',
    "ece deployments versions --json | jq '.versions'",
  ],
  input(raw) {
    return {
      ...(raw.below === undefined ? {} : { below: stackVersion(raw.below, '--below') }),
      ...(raw.includeSystem ? { includeSystem: true } : {}),
    };
  },
  async plan(input, ctx) {
    const api = await ctx.api();
    const { members, leftOut } = await select(api, {
      names: [],
      below: input.below,
      includeSystem: input.includeSystem,
    });
    const note = leftOutNote(leftOut);
    if (note) ctx.io.stderr.write(`note: ${note}\n`);
    const rows = [...members].sort(
      (a, b) =>
        compareVersions(a.lowest ?? '0.0.0', b.lowest ?? '0.0.0') ||
        (a.name < b.name ? -1 : a.name > b.name ? 1 : 0),
    );
    const body = `${JSON.stringify(report(rows), null, 2)}\n`;
    const n = rows.length;
    const below = input.below;
    return {
      output: {
        body,
        print: (renderer) => {
          if (n === 0) {
            if (ctx.io.stderrIsTTY && below === undefined) ctx.io.stderr.write('No deployments.\n');
            return;
          }
          renderer.grid(grid(rows));
        },
      },
      ...(below === undefined
        ? {}
        : n > 0
          ? {
              done: `${n} deployment${n === 1 ? ' runs' : 's run'} a version below ${below}.`,
              exitCode: ExitCode.DIFFERENCES,
            }
          : { done: `No deployment runs a version below ${below}.` }),
    };
  },
});

function report(rows: Member[]) {
  const versions: Record<string, number> = {};
  for (const m of rows) {
    const v = m.lowest ?? 'unknown';
    versions[v] = (versions[v] ?? 0) + 1;
  }
  return {
    deployments: rows.map((m) => ({
      id: m.id,
      name: m.name,
      version: m.lowest ?? null,
      system_owned: m.system,
      resources: m.resources.map((r) => ({
        kind: r.kind,
        ref_id: r.refId,
        version: r.version ?? null,
      })),
    })),
    versions,
  };
}

function grid(rows: Member[]): Grid {
  const kinds = KINDS.filter((k) => rows.some((m) => m.resources.some((r) => r.kind === k)));
  return {
    headers: ['VERSION', 'NAME', 'ID', ...kinds.map((k) => k.toUpperCase())],
    rows: rows.map((m) => [
      m.lowest ?? '-',
      m.system ? `${m.name} (system)` : m.name,
      m.id,
      ...kinds.map((k) => {
        const vs = [
          ...new Set(m.resources.filter((r) => r.kind === k).map((r) => r.version ?? '?')),
        ];
        return vs.length ? vs.join(',') : '-';
      }),
    ]),
    keep: [0, 1],
  };
}
