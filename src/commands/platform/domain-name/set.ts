// `ece platform domain-name set <domain> [--kind KIND]`: destructive — every
// deployment's endpoint (`<id>.<domain>`) changes, so clients that use the
// old names stop reaching them, and ECE re-provisions the security
// deployment unless --skip-cascading. Reads the current value first and
// sends its version (?version=): a change in between is exit 5.

import {
  getDefaultDomainName,
  getKindDomainName,
  setDefaultDomainNameRequest,
  setKindDomainNameRequest,
} from '../../../api/platform-config.js';
import { ApiError, UsageError } from '../../../errors.js';
import { defineVerb } from '../../run/types.js';
import { changedSinceRead, versionOf } from '../../run/version-conflict.js';
import { KIND_OPTION } from './kind.js';

const DOMAIN =
  /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/i;

interface Input {
  domain: string;
  kind?: string;
  skipCascading?: boolean;
}

export const verb = defineVerb<Input>({
  effect: 'destructive',
  args: [{ name: 'domain', description: 'the domain name (ece.example.com)' }],
  options: [
    KIND_OPTION,
    {
      flags: '--skip-cascading',
      description: 'do not re-provision the security deployment (skip_cascading_operations)',
    },
  ],
  description: `Deployments' endpoints are named <id>.<domain>: changing the domain changes
every one of them (the wildcard DNS record and certificate must match it).
ECE answers 412 (exit 5) while the security deployment has a pending plan.`,
  examples: [
    'ece platform domain-name set ece.example.com',
    'ece platform domain-name set kb.example.com --kind kibana --yes',
  ],
  input(raw) {
    const domain = String(raw.domain);
    if (!DOMAIN.test(domain)) throw new UsageError(`invalid domain name "${domain}"`);
    return raw as unknown as Input;
  },
  async plan(input, ctx) {
    const api = await ctx.api();
    const { kind } = input;
    // None configured yet is a 404: then an unconditional upsert (no version).
    const current = await (kind === undefined
      ? getDefaultDomainName(api)
      : getKindDomainName(api, kind)
    ).catch((err: unknown) => {
      if (err instanceof ApiError && err.status === 404) return undefined;
      throw err;
    });
    const opts = {
      version: current && versionOf(current),
      skipCascading: input.skipCascading === true,
    };
    const which = kind === undefined ? 'the deployment domain name' : `the ${kind} domain name`;
    return {
      writes: [
        kind === undefined
          ? setDefaultDomainNameRequest(input.domain, opts)
          : setKindDomainNameRequest(kind, input.domain, opts),
      ],
      confirm: `Set ${which} to ${input.domain}? The endpoints of ${kind === undefined ? 'every deployment' : `every ${kind} resource`} change.`,
      fail: changedSinceRead(
        which,
        `ece platform domain-name show${kind ? ` --kind ${kind}` : ''}`,
      ),
      done: `Set ${which} to ${input.domain}.`,
    };
  },
});
