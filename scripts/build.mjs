// Bundles src/ into dist/ with esbuild: one entry plus a chunk per lazily
// imported command group or library, so a run loads only what it uses.

import { readFileSync, rmSync } from 'node:fs';
import { build } from 'esbuild';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

// commander requires node:child_process for executable sub-commands, which
// ece does not have; loading it (with net, dgram and streams) costs ~10 ms at
// every start. Its bundled copy gets a stub that fails loudly if ever used.
const noChildProcessForCommander = {
  name: 'no-child-process-for-commander',
  setup(b) {
    b.onResolve({ filter: /^(node:)?child_process$/ }, (args) =>
      args.importer.includes('/node_modules/commander/')
        ? { path: 'child_process', namespace: 'ece-stub' }
        : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'ece-stub' }, () => ({
      contents:
        "module.exports = new Proxy({}, { get() { throw new Error('ece has no executable sub-commands'); } });",
      loader: 'js',
    }));
  },
};

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
  plugins: [noChildProcessForCommander],
  logLevel: 'warning',
});
