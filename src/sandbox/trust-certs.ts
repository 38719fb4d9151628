// Trust relationships (/platform/configuration/trust-relationships: this
// installation's own seeded, `local`) and extra certificates
// (/platform/configuration/security/extra_certs: none at first; a PUT takes
// the bundle as text and keeps its certificates, never its key). Part of
// platform-config.ts's routes.

import { randomUUID, X509Certificate } from 'node:crypto';
import { type Versioned, versioned } from './config-version.js';
import { invalid, SandboxError } from './errors.js';
import { flag } from './params.js';
import type { Call, Route } from './world.js';

const TRUST = '/platform/configuration/trust-relationships';
const CERTS = '/platform/configuration/security/extra_certs';
const CERT = /-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g;

interface Trust {
  id: string;
  name: string;
  trust_by_default: boolean;
  local: boolean;
  account_ids?: string[];
  installation_id?: string;
  public_ca_cert?: string;
  last_modified: string;
}

export function trustRoutes(now: () => number): Route[] {
  const localId = 'a3c9d2e1-5b7f-4e08-9d61-2f4b8c0e7a15';
  const all = new Map<string, Versioned<Trust>>([
    [
      localId,
      {
        value: {
          id: localId,
          name: 'ECE sandbox (this installation)',
          trust_by_default: true,
          local: true,
          installation_id: localId,
          last_modified: new Date(now()).toISOString(),
        },
        version: 1,
      },
    ],
  ]);
  const find = (id: string) => {
    const t = all.get(id);
    if (!t)
      throw new SandboxError(
        404,
        'trust_relationships.not_found',
        `Trust relationship [${id}] cannot be found`,
      );
    return t;
  };
  const shown = (t: Trust, c: Call) => {
    const { public_ca_cert, ...rest } = t;
    return flag(c.query, 'include_certificate') && public_ca_cert !== undefined ? t : rest;
  };
  const answer = (t: Trust) => {
    const { public_ca_cert: _c, last_modified: _m, ...rest } = t;
    return rest;
  };
  const fields = (b: Record<string, unknown>, create: boolean): Partial<Trust> => {
    const out: Partial<Trust> = {};
    for (const k of ['name', 'public_ca_cert', 'installation_id'] as const) {
      const v = b[k];
      if (v === undefined) {
        if (create && k !== 'installation_id') throw invalid(`${k} is required`, [k]);
        continue;
      }
      if (typeof v !== 'string') throw invalid(`${k} must be a string`, [k]);
      out[k] = v;
    }
    if (out.public_ca_cert !== undefined && !isCertificate(out.public_ca_cert))
      throw invalid('public_ca_cert is not a PEM certificate', ['public_ca_cert']);
    if (b.trust_by_default !== undefined) {
      if (typeof b.trust_by_default !== 'boolean')
        throw invalid('trust_by_default must be a boolean', ['trust_by_default']);
      out.trust_by_default = b.trust_by_default;
    }
    if (b.account_ids !== undefined) {
      if (!Array.isArray(b.account_ids) || !b.account_ids.every((a) => typeof a === 'string'))
        throw invalid('account_ids must be a list of strings', ['account_ids']);
      out.account_ids = b.account_ids as string[];
    }
    return out;
  };
  return [
    {
      method: 'GET',
      path: TRUST,
      handle: (c) => ({
        body: { trust_relationships: [...all.values()].map((t) => shown(t.value, c)) },
      }),
    },
    {
      method: 'POST',
      path: TRUST,
      handle: (c) => {
        const id = randomUUID();
        const t = {
          value: {
            id,
            trust_by_default: false,
            local: false,
            ...fields(c.body, true),
            last_modified: new Date(now()).toISOString(),
          } as Trust,
          version: 1,
        };
        all.set(id, t);
        return versioned(t, answer(t.value), 201);
      },
    },
    {
      method: 'GET',
      path: `${TRUST}/{id}`,
      handle: (c) => {
        const t = find(c.params.id ?? '');
        return versioned(t, shown(t.value, c));
      },
    },
    {
      method: 'PUT',
      path: `${TRUST}/{id}`,
      handle: (c) => {
        const t = find(c.params.id ?? '');
        t.value = {
          ...t.value,
          ...fields(c.body, false),
          last_modified: new Date(now()).toISOString(),
        };
        t.version++;
        return versioned(t, answer(t.value));
      },
    },
    {
      method: 'DELETE',
      path: `${TRUST}/{id}`,
      handle: (c) => {
        const id = c.params.id ?? '';
        find(id);
        all.delete(id);
        return { body: {} };
      },
    },
  ];
}

function isCertificate(pem: string): boolean {
  try {
    new X509Certificate(pem);
    return true;
  } catch {
    return false;
  }
}

export function certRoutes(): Route[] {
  const certs = new Map<string, string[]>();
  const find = (id: string) => {
    const chain = certs.get(id);
    if (!chain)
      throw new SandboxError(
        404,
        'cert.not_found',
        `The extra certificate [${id}] cannot be found`,
      );
    return chain;
  };
  return [
    {
      method: 'GET',
      path: CERTS,
      handle: () => ({
        body: { certs: Object.fromEntries([...certs].map(([id, chain]) => [id, { chain }])) },
      }),
    },
    {
      method: 'GET',
      path: `${CERTS}/{id}`,
      handle: (c) => ({ body: { chain: find(c.params.id ?? '') } }),
    },
    {
      method: 'PUT',
      path: `${CERTS}/{id}`,
      stringBody: true,
      handle: (c) => {
        // The bundle is text (application/text); the public chain is kept, never the key.
        const chain = (c.text ?? '').match(CERT) ?? [];
        if (chain.length === 0 || !chain.every(isCertificate))
          throw new SandboxError(
            400,
            'cert.unknown_cert_algorithm',
            'The bundle holds no certificate that can be read',
          );
        certs.set(c.params.id ?? '', chain);
        return { body: {} };
      },
    },
    {
      method: 'DELETE',
      path: `${CERTS}/{id}`,
      handle: (c) => {
        const id = c.params.id ?? '';
        find(id);
        certs.delete(id);
        return { body: {} };
      },
    },
  ];
}
