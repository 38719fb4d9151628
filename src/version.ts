// The version is stamped in at build time (scripts/build.mjs); running from
// source (tests through tsx) reports the development marker.

declare const __ECE_VERSION__: string | undefined;

export const VERSION: string = typeof __ECE_VERSION__ === 'string' ? __ECE_VERSION__ : '0.0.0-dev';

export function userAgent(): string {
  return `ece-cli/${VERSION} (node ${process.versions.node}; ${process.platform})`;
}
