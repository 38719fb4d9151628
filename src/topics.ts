// `ece help exit-codes | environment | formatting`: the contracts a script
// relies on, from the command line.

import { EXIT_CODES, SEVERITY } from './errors.js';

export const TOPICS = ['exit-codes', 'environment', 'formatting'] as const;
export type Topic = (typeof TOPICS)[number];

export function isTopic(name: string): name is Topic {
  return (TOPICS as readonly string[]).includes(name);
}

export const ENVIRONMENT: [string, string][] = [
  ['ECE_HOST', 'ECE host (name, name:port or URL); after --host, before the profile'],
  ['COORDINATOR_HOST', 'the host, as ECE documentation names it; after ECE_HOST'],
  ['ECE_API_KEY', 'API key; after --api-key, before the stored credential'],
  ['ECE_TOKEN', 'bearer token; after --token, before the stored credential'],
  ['ECE_PROFILE', 'the profile to use; after --profile'],
  ['ECE_CONFIG_DIR', 'where config.json (and credentials.json with --insecure-storage) live'],
  ['ECE_CA_CERT', 'a PEM file of the CA to trust for TLS; after --ca-cert'],
  ['ECE_INSECURE', '1 or true skips TLS verification (with a warning); after -k'],
  ['ECE_TIMEOUT', 'timeout for each request (30s, 2m); after --timeout'],
  ['ECE_MAX_ATTEMPTS', 'attempts for requests that are retried, 1 to 10 (default 4)'],
  ['ECE_DEBUG', 'set to print the stack of an internal error (for bug reports)'],
  [
    'HTTPS_PROXY, HTTP_PROXY, NO_PROXY',
    'proxies (lower-case names too); HTTPS goes through CONNECT',
  ],
  ['NO_COLOR', 'any value turns colour off'],
  ['FORCE_COLOR', '0 turns colour off; 1, 2 or 3 forces it on'],
  [
    'TERM, COLORTERM',
    'TERM=dumb turns colour off; they also tell how many colours the terminal has',
  ],
  ['COLUMNS', 'the width of tables when stdout is not a terminal (default: no limit)'],
  [
    'XDG_CONFIG_HOME, HOME, APPDATA',
    'where the config directory is when ECE_CONFIG_DIR is not set',
  ],
  ['ECE_CACHE_DIR', "ece's cache directory, absolute (default: ece in the user cache dir)"],
  ['ECE_NO_CODE_CACHE', 'any value: no compile cache (Node 22+ keeps one in the cache directory)'],
  [
    'XDG_CACHE_HOME, LOCALAPPDATA, USERPROFILE',
    'where the cache directory is when ECE_CACHE_DIR is not set',
  ],
  [
    'DBUS_SESSION_BUS_ADDRESS',
    'the D-Bus session the Linux keychain (Secret Service) is reached on',
  ],
];

export function topic(name: Topic): string {
  switch (name) {
    case 'exit-codes':
      return `Exit codes (a public contract: scripts may rely on them)

${EXIT_CODES.map(([, code, meaning]) => `  ${String(code).padEnd(5)}${meaning}`).join('\n')}

Errors are printed on stderr as "error: <message>", one line each; API errors
as "error: <message> (<code>)". No stack trace is printed.

A run over many targets (a directory of files, a fleet, several allocators)
prints one result line per target and exits with the most severe code of
them all, in this order: ${SEVERITY.join(' > ')}.
`;
    case 'environment': {
      const width = Math.max(...ENVIRONMENT.map(([k]) => k.length)) + 2;
      return `Environment variables ece reads

${ENVIRONMENT.map(([k, v]) => `  ${k.padEnd(width)}${v}`).join('\n')}

Flags win over environment variables, which win over the active profile.
`;
    }
    case 'formatting':
      return `Output formats

  stdout carries results only; progress, warnings, prompts and errors go to
  stderr.

  On a terminal      a table: bold header, fitted to the width, colour
  In a pipe          tab-separated rows, no header, no colour, no truncation
  --json, -o json    the API's response body, unchanged (byte for byte)
  -o yaml            the body as YAML
  -o table, -o tsv   force a table in a pipe, or TSV on a terminal
  -o wide            more columns where a command has them (deployments list:
                     region, template, endpoint): a table on a terminal, TSV
                     with the extra columns last in a pipe

  Tables fit the width (COLUMNS for -o table in a pipe): long values are cut
  first, then low-value columns hidden (a note on stderr names them), then
  names cut; ids are cut last and shown whole whenever they fit.

  --query EXPR       a JMESPath expression applied to the data before it is
                     rendered, in any format:
                       ece deployments list --query 'deployments[].name'
                     (in \`ece deployments search\`, --query is the search)

  An empty result is exit 0: --json prints the API's body, a terminal gets a
  note on stderr, a pipe gets nothing.

  Colour: off with --no-color, NO_COLOR, FORCE_COLOR=0, TERM=dumb, or when
  stdout is not a terminal; FORCE_COLOR=1 forces it on. Colour never carries
  meaning on its own.
`;
  }
}
