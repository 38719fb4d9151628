// A credential as the request layer sees it, and its wire form. auth/ finds
// and stores credentials; this is only what travels in a request.

export type CredentialType = 'apikey' | 'bearer';

export interface Credential {
  type: CredentialType;
  secret: string;
  /** What the user would name as the source: `--api-key`, `ECE_TOKEN`, `keychain`. */
  source: string;
  /** For stored credentials: the origin they may be sent to. */
  origin?: string;
  /** For stored bearer tokens: when they expire (ISO). */
  expiresAt?: string | undefined;
}

/** The Authorization header value: `ApiKey KEY` or `Bearer TOKEN`. */
export function authorizationHeader(credential: Credential): string {
  return credential.type === 'apikey'
    ? `ApiKey ${credential.secret}`
    : `Bearer ${credential.secret}`;
}
