// `ece deployments certificate-authority <d>`: the CA that signs the
// certificates of a deployment's Elasticsearch nodes, and the trust
// restriction another cluster uses to trust them (cross-cluster search or
// replication between installations). --pem prints the active certificate
// only, ready for a file.

import { parseBody } from '../../api/body.js';
import { getCertificateAuthority } from '../../api/resources.js';
import { ResponseError } from '../../errors.js';
import { listView } from '../../output/views.js';
import { defineVerb } from '../run/types.js';
import { target } from './target.js';

interface Certificate {
  active?: boolean;
  pem?: string;
  metadata?: { fingerprint?: string; valid_from?: string; valid_to?: string };
}
interface Authority {
  recommended_trust_restriction?: string;
  public_certificates?: Certificate[];
}

export const verb = defineVerb<{ deployment: string; pem?: boolean }>({
  effect: 'read',
  args: [{ name: 'deployment', description: 'deployment id or exact name' }],
  options: [{ flags: '--pem', description: 'print the active certificate (PEM) only' }],
  description: `A table of its certificates (ACTIVE, FINGERPRINT, VALID_FROM, VALID_TO); the
recommended trust restriction on stderr. --json prints ECE's answer, PEMs
included.`,
  examples: [
    'ece deployments certificate-authority prod-logs',
    'ece deployments certificate-authority prod-logs --pem > prod-logs-ca.pem',
  ],
  async plan(input, ctx) {
    const { api, id, label } = await target(ctx, input.deployment);
    const res = await getCertificateAuthority(api, id);
    const body = parseBody<Authority>(res);
    if (input.pem) {
      const active = body.public_certificates?.find((c) => c.active)?.pem;
      if (!active)
        throw new ResponseError(`ECE lists no active certificate for deployment ${label}`);
      return {
        output: {
          body: res,
          print: (_r, io) => void io.stdout.write(active.endsWith('\n') ? active : `${active}\n`),
        },
      };
    }
    const trust = body.recommended_trust_restriction;
    if (trust && !(await ctx.renderer()).raw) ctx.io.stderr.write(`Trust restriction: ${trust}\n`);
    return {
      output: {
        body: res,
        view: listView<Certificate>(
          (data) => (data as Authority).public_certificates,
          [
            ['ACTIVE', (c) => c.active],
            ['FINGERPRINT', (c) => c.metadata?.fingerprint],
            ['VALID_FROM', (c) => c.metadata?.valid_from],
            ['VALID_TO', (c) => c.metadata?.valid_to],
          ],
          `Deployment ${label} lists no certificates.`,
        ),
      },
    };
  },
});
