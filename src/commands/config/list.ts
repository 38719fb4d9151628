// `ece config list`: the profiles; * marks the active one.

import { stringifyLossless } from '../../lossless.js';
import { defineVerb } from '../run/types.js';

export const verb = defineVerb({
  effect: 'read',
  examples: ['ece config list', 'ece config list --json'],
  async plan(_input, ctx) {
    const config = ctx.config();
    const active = ctx.profile().name;
    const names = [...new Set([...Object.keys(config.profiles ?? {}), active])].sort();
    const rows = names.map((name) => {
      const p = config.profiles?.[name] ?? {};
      return {
        name,
        active: name === active,
        host: p.host ?? null,
        signed_in: p.credential ?? null,
      };
    });
    return {
      output: {
        // Not ECE's answer: the rows as JSON, for --json, -o yaml and --query.
        body: `${stringifyLossless(rows, 2)}\n`,
        print: (renderer) =>
          renderer.grid({
            headers: ['', 'NAME', 'HOST', 'CREDENTIAL'],
            rows: rows.map((r) => [r.active ? '*' : '', r.name, r.host ?? '-', r.signed_in ?? '-']),
          }),
      },
    };
  },
});
