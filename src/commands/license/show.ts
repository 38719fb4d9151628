// `ece license show`: the platform license, its limits and when it expires.

import { getLicense } from '../../api/license.js';
import { fieldsView } from '../../output/views.js';
import { defineVerb } from '../run/types.js';

interface License {
  uid: string;
  type: string;
  issuer: string;
  issued_to: string;
  start_date_in_millis: number;
  expiry_date_in_millis: number;
  max_instances?: number;
  max_resource_units?: number;
  max_allocators?: number;
}

const DAY = 86_400_000;
const time = (ms: unknown) =>
  typeof ms === 'number' && Number.isFinite(ms) ? new Date(ms).toISOString() : undefined;

export const verb = defineVerb({
  effect: 'read',
  examples: ['ece license show', 'ece license show --query license.expiry_date_in_millis'],
  async plan(_input, ctx) {
    const res = await getLicense(await ctx.api());
    const now = Date.now();
    const l = (d: unknown) => ((d as { license?: License }).license ?? {}) as License;
    return {
      output: {
        body: res,
        view: fieldsView<unknown>([
          ['TYPE', (d) => l(d).type],
          ['ISSUED_TO', (d) => l(d).issued_to],
          ['ISSUER', (d) => l(d).issuer],
          ['UID', (d) => l(d).uid],
          ['STARTS', (d) => time(l(d).start_date_in_millis)],
          ['EXPIRES', (d) => time(l(d).expiry_date_in_millis)],
          [
            'DAYS_LEFT',
            (d) => {
              const end = l(d).expiry_date_in_millis;
              return typeof end === 'number'
                ? Math.max(0, Math.floor((end - now) / DAY))
                : undefined;
            },
          ],
          ['MAX_INSTANCES', (d) => l(d).max_instances],
          ['MAX_RESOURCE_UNITS', (d) => l(d).max_resource_units],
          ['MAX_ALLOCATORS', (d) => l(d).max_allocators],
        ]),
      },
    };
  },
});
