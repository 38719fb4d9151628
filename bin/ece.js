#!/usr/bin/env node
'use strict';
// The launcher. CommonJS, like everything in dist/ (scripts/build.mjs says
// why): `--version` answers at once. Everything else: Node's compile cache in
// ece's own cache directory where Node has one (22.1+; src/boot.ts says why
// never Node's default), then the built CLI, loaded with require().

const cannotStart = (err) => {
  // A broken install (dist/ missing or unreadable): one line, no stack.
  process.stderr.write(
    `error: ece cannot start: ${String(err?.message).split('\n')[0]} (reinstall ece)\n`,
  );
  process.exitCode = 1;
};

let boot;
try {
  boot = require('../dist/boot.cjs');
} catch (err) {
  cannotStart(err);
}
const argv = process.argv.slice(2);
if (!boot) {
  // reported above
} else if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
  process.stdout.write(`${boot.VERSION}\n`);
} else {
  const { enableCompileCache } = require('node:module');
  const dir = enableCompileCache && boot.compileCacheDir(process.env);
  if (dir) enableCompileCache(dir);
  boot.tuneV8();
  let cli;
  try {
    cli = require('../dist/cli.js');
  } catch (err) {
    cannotStart(err);
  }
  cli?.start();
}
