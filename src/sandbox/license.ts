// The platform license (/platform/license): an enterprise license seeded,
// replaced by PUT after the checks ECE makes (required fields, not expired).

import { invalid, SandboxError } from './errors.js';
import type { Route } from './world.js';

const DAY = 86_400_000;
const REQUIRED = [
  'uid',
  'issuer',
  'issued_to',
  'issue_date_in_millis',
  'type',
  'signature',
  'start_date_in_millis',
  'expiry_date_in_millis',
];

export function seedLicense(now: number): Record<string, unknown> {
  const start = Math.floor(now / DAY) * DAY - 30 * DAY;
  return {
    license: {
      version: 4,
      uid: '9a4e2f1c-8d3b-4c6a-b5e7-2f0d1c3b4a59',
      issuer: 'Elastic',
      issued_to: 'ECE sandbox',
      issue_date_in_millis: start,
      start_date_in_millis: start,
      expiry_date_in_millis: start + 365 * DAY,
      type: 'enterprise',
      signature: 'AAAABAAAAA2sandbox-license-signature',
      max_instances: 128,
      max_resource_units: 64,
    },
  };
}

export function licenseRoutes(now: () => number): Route[] {
  let current: Record<string, unknown> | undefined = seedLicense(now());
  return [
    {
      method: 'GET',
      path: '/platform/license',
      handle: () => {
        if (!current)
          throw new SandboxError(404, 'license.license_not_found', 'No license is installed');
        return { body: current };
      },
    },
    {
      method: 'PUT',
      path: '/platform/license',
      handle: (c) => {
        const license = c.body.license;
        if (typeof license !== 'object' || license === null || Array.isArray(license))
          throw invalid('The body must hold a license object', ['license']);
        const l = license as Record<string, unknown>;
        const missing = REQUIRED.filter((k) => l[k] === undefined || l[k] === '');
        if (missing.length)
          throw new SandboxError(
            400,
            'license.invalid_license',
            `The license lacks ${missing.join(', ')}`,
            missing.map((k) => `license.${k}`),
          );
        if (typeof l.expiry_date_in_millis !== 'number' || l.expiry_date_in_millis <= now())
          throw new SandboxError(400, 'license.expired_license', 'The license has expired');
        current = { license: l };
        return { body: {} };
      },
    },
  ];
}
