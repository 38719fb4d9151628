// Bundles src/ into dist/ with esbuild; bin/ece.js runs what it writes:
//   dist/boot.cjs        the launcher's helpers (src/boot.ts): the version, the
//                        compile-cache directory, the V8 flag; CommonJS, so
//                        bin/ece.js loads it before any ES module loader
//   dist/cli.js          the CLI (src/main.ts), an ES module
//   dist/chunks/*.js     what a run loads only when it needs it: one chunk per
//                        dynamic import() in src/ (each command group, undici,
//                        yaml, jmespath, …) and the code such chunks share
// Plain esbuild: no stubs, no rewriting of import(); Node's own compile cache
// (module.enableCompileCache, bin/ece.js) caches these files like any other.

import { readFileSync, rmSync } from 'node:fs';
import { build } from 'esbuild';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const root = new URL('../', import.meta.url).pathname;
const version = JSON.stringify(pkg.version);

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  sourcemap: false,
  legalComments: 'eof',
  // Less to read at every start; names stay, for readable internal errors.
  minifyWhitespace: true,
  minifySyntax: true,
  logLevel: 'warning',
  absWorkingDir: root,
};

rmSync(new URL('../dist/', import.meta.url), { recursive: true, force: true });

await build({
  ...common,
  entryPoints: { cli: 'src/main.ts' },
  outdir: 'dist',
  format: 'esm',
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  define: { __ECE_VERSION__: version },
  // A native addon: resolved from node_modules at run time, never bundled.
  external: ['@napi-rs/keyring'],
  // The CommonJS libraries in the bundle (undici, yaml, …) require Node's
  // modules; an ES module has no `require` of its own, so each file gets one.
  banner: {
    js: "import { createRequire as __eceRequire } from 'node:module'; const require = __eceRequire(import.meta.url);",
  },
});

await build({
  ...common,
  entryPoints: ['src/boot.ts'],
  outfile: 'dist/boot.cjs',
  format: 'cjs',
  define: { __ECE_VERSION__: version },
});
