// Bundles src/ into dist/ with esbuild: one entry plus a chunk per lazily
// imported command group or library, so a run loads only what it uses.

import { readFileSync, rmSync } from 'node:fs';
import { build } from 'esbuild';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });
await build({
  entryPoints: { ece: 'src/main.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: false,
  legalComments: 'linked',
  chunkNames: 'chunks/[name]-[hash]',
  define: { __ECE_VERSION__: JSON.stringify(pkg.version) },
  // CommonJS dependencies call require(); give the ESM bundle one.
  banner: {
    js: "import { createRequire as __ece_createRequire } from 'node:module'; const require = __ece_createRequire(import.meta.url);",
  },
  // A native addon: resolved from node_modules at run time, never bundled.
  external: ['@napi-rs/keyring'],
  logLevel: 'warning',
});
