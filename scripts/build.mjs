// Bundles src/ into dist/ with esbuild, as CommonJS scripts that bin/ece.js
// runs through V8's code cache (src/boot.ts):
//   dist/ece.cjs        the entry: --version, the bundle loader
//   dist/cli.cjs        the CLI (commander, chalk and all of src/)
//   dist/lib/NAME.cjs   a library, loaded on first use: undici's agent and
//                       request API, all of undici (proxies), yaml, conf,
//                       jmespath, cli-table3, selfsigned
// No bundle keeps an import(): Node 20 loses the import callback of a script
// compiled from a code cache, so every import() becomes a require().

import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { build } from 'esbuild';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const dist = new URL('../dist/', import.meta.url);
const root = new URL('../', import.meta.url).pathname;

/** Library bundles: the name under dist/lib and what it exports. */
const LIBS = {
  undici: `module.exports = {
    Agent: require('undici/lib/dispatcher/agent.js'),
    request: require('undici/lib/api/api-request.js'),
  };`,
  'undici-full': "module.exports = require('undici');",
  yaml: "module.exports = require('yaml');",
  conf: "module.exports = require('conf');",
  jmespath: "module.exports = require('jmespath');",
  'cli-table3': "module.exports = require('cli-table3');",
  selfsigned: "module.exports = require('selfsigned');",
};
/** What src/ imports → the library bundle that provides it. */
const FROM_SRC = {
  undici: "module.exports = require('./lib/undici-full.cjs');",
  'undici/lib/dispatcher/agent.js': "module.exports = require('./lib/undici.cjs').Agent;",
  'undici/lib/api/api-request.js': "module.exports = require('./lib/undici.cjs').request;",
  yaml: "module.exports = require('./lib/yaml.cjs');",
  // An ES module: src/ takes its default export, which Node-mode interop maps to module.exports.
  conf: "module.exports = require('./lib/conf.cjs').default;",
  jmespath: "module.exports = require('./lib/jmespath.cjs');",
  'cli-table3': "module.exports = require('./lib/cli-table3.cjs');",
  selfsigned: "module.exports = require('./lib/selfsigned.cjs');",
};

const libsFromSrc = {
  name: 'libs-from-src',
  setup(b) {
    b.onResolve({ filter: /^[a-z@]/ }, (args) =>
      args.path in FROM_SRC && args.importer.includes('/src/')
        ? { path: args.path, namespace: 'ece-lib' }
        : undefined,
    );
    b.onResolve({ filter: /^\.\/lib\/[a-z0-9-]+\.cjs$/ }, (args) => ({
      path: args.path,
      external: true,
    }));
    b.onLoad({ filter: /.*/, namespace: 'ece-lib' }, (args) => ({
      contents: FROM_SRC[args.path],
      loader: 'js',
    }));
  },
};

/** A module replaced by one that throws if it is ever used. */
const stub = (name, filter, importer, message) => ({
  name,
  setup(b) {
    b.onResolve({ filter }, (args) =>
      args.importer.includes(importer) ? { path: args.path, namespace: name } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: name }, () => ({
      contents: `module.exports = new Proxy(function () {}, {
        get() { throw new Error(${JSON.stringify(message)}); },
        apply() { throw new Error(${JSON.stringify(message)}); },
      });`,
      loader: 'js',
    }));
  },
});
// commander requires node:child_process for executable sub-commands, which
// ece does not have; loading it (with net, dgram and streams) costs ~10 ms.
const noChildProcess = stub(
  'no-child-process',
  /^(node:)?child_process$/,
  '/node_modules/commander/',
  'ece has no executable sub-commands',
);
// undici's HTTP/2 client loads node:http2 (~10 ms); ece never allows h2.
const noHttp2 = stub(
  'no-http2',
  /^\.\/client-h2\.js$/,
  '/node_modules/undici/lib/dispatcher/',
  'ece does not use HTTP/2',
);

const common = {
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  sourcemap: false,
  legalComments: 'eof',
  // Less to read at every start; names stay, for readable internal errors.
  minifyWhitespace: true,
  minifySyntax: true,
  // import() → require(): see the top of this file.
  supported: { 'dynamic-import': false },
  logLevel: 'warning',
  write: false,
  absWorkingDir: root,
};

const outputs = new Map();
const collect = (result) => {
  for (const f of result.outputFiles) outputs.set(f.path, f.text);
};

collect(
  await build({
    ...common,
    entryPoints: ['src/main.ts'],
    outfile: 'dist/cli.cjs',
    define: { __ECE_VERSION__: JSON.stringify(pkg.version), 'import.meta.url': '""' },
    // A native addon: resolved from node_modules at run time, never bundled.
    external: ['@napi-rs/keyring'],
    plugins: [noChildProcess, libsFromSrc],
  }),
);
for (const [name, contents] of Object.entries(LIBS))
  collect(
    await build({
      ...common,
      stdin: { contents, resolveDir: root, loader: 'js', sourcefile: `lib/${name}.cjs` },
      outfile: `dist/lib/${name}.cjs`,
      plugins: name === 'undici' ? [noHttp2] : [],
    }),
  );

const bundles = {};
for (const [path, text] of outputs) {
  if (!path.endsWith('.cjs')) throw new Error(`unexpected output ${path}`);
  if (/(?<![.\w${])import\(\s*["'`]/.test(text))
    throw new Error(`${path} still has an import(); it would fail when run from a code cache`);
  const name = path.slice(path.indexOf('/dist/') + 6, -'.cjs'.length);
  bundles[name] = createHash('sha256').update(text).digest('hex').slice(0, 16);
}

rmSync(dist, { recursive: true, force: true });
mkdirSync(new URL('lib/', dist), { recursive: true });
for (const [path, text] of outputs) writeFileSync(path, text);

// The command names key the CLI's code caches; read them from the CLI itself.
const cli = createRequire(import.meta.url)('../dist/cli.cjs');
const commands = await cli.commandNames();

await build({
  ...common,
  write: true,
  entryPoints: ['src/boot.ts'],
  outfile: 'dist/ece.cjs',
  define: {
    __ECE_VERSION__: JSON.stringify(pkg.version),
    __ECE_BUNDLES__: JSON.stringify(bundles),
    __ECE_COMMANDS__: JSON.stringify(commands),
  },
});
