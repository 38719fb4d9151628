// Bundles src/ into dist/ with esbuild; bin/ece.js runs what it writes:
//   dist/boot.cjs        the launcher's helpers (src/boot.ts): the version, the
//                        compile-cache directory, the V8 flag
//   dist/cli.js          the CLI (src/main.ts)
//   dist/chunks/*.js     what a run loads only when it needs it: one chunk per
//                        dynamic import() in src/ (each command group, undici,
//                        yaml, jmespath, …) and the code such chunks share
// Every file is CommonJS (dist/package.json says so), loaded with require():
// Node's ES module loader costs a run ~9 ms to start on Node 24 and a package
// scope lookup per file, which a CLI that starts hundreds of times a day
// should not pay (docs/performance.md has the figures). esbuild splits only
// ES modules, so it bundles and splits in that format first, then converts
// each file with its own CommonJS output (`import()` becomes a `require()`
// in a promise, esbuild's documented lowering). Node's compile cache
// (module.enableCompileCache, bin/ece.js) caches these files like any other.

import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { build, transform } from 'esbuild';

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

const split = await build({
  ...common,
  entryPoints: { cli: 'src/main.ts' },
  outdir: 'dist',
  format: 'esm',
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  define: { __ECE_VERSION__: version },
  // A native addon: resolved from node_modules at run time, never bundled.
  external: ['@napi-rs/keyring'],
  write: false,
});

for (const file of split.outputFiles) {
  const { code } = await transform(file.text, {
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    supported: { 'dynamic-import': false },
    minifyWhitespace: true,
    minifySyntax: true,
    // src/output/table.ts reads import.meta.url only when run from source
    // (tests, through tsx); in the bundle its require() is the real one.
    logOverride: { 'empty-import-meta': 'silent' },
    logLevel: 'warning',
  });
  mkdirSync(dirname(file.path), { recursive: true });
  writeFileSync(file.path, code);
}
// package.json says "type": "module" for src/ and the tests; dist/ is CommonJS.
writeFileSync(new URL('../dist/package.json', import.meta.url), '{ "type": "commonjs" }\n');

await build({
  ...common,
  entryPoints: ['src/boot.ts'],
  outfile: 'dist/boot.cjs',
  format: 'cjs',
  define: { __ECE_VERSION__: version },
});
