// `npm run bench`: every figure of docs/performance.md, each against its
// baseline in the same run. `--quick` runs each pair twice and checks only
// that they work (used by npm test). Results: bench/results.json.

import { once as onceEvent } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compare, round } from './lib.mjs';

const quick = process.argv.includes('--quick');
const RUNS = quick ? 1 : 20;
const WARMUP = quick ? 1 : 3;
const bin = fileURLToPath(new URL('../bin/ece.js', import.meta.url));
const node = process.execPath;
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
// A code cache of the bench's own (written by the warm-up runs), not the user's.
const cacheDir = mkdtempSync(join(tmpdir(), 'ece-bench-cache-'));
const env = {
  ECE_API_KEY: 'bench-key',
  NO_COLOR: '1',
  ECE_CONFIG_DIR: '/nonexistent-ece-bench',
  ECE_CACHE_DIR: cacheDir,
};
const getScript = `const h=require('node:http');h.get(process.argv[1],{headers:{authorization:'ApiKey bench-key'}},r=>{let b='';r.on('data',d=>b+=d);r.on('end',()=>process.stdout.write(b))})`;

const figures = [];
const run = async (spec, target) => {
  const r = await compare({ ...spec, runs: RUNS, warmup: WARMUP, env: { ...env, ...spec.env } });
  r.target = target;
  figures.push(r);
  const rss = r.rssMiB
    ? `  RSS ${r.rssMiB.ours} / ${r.rssMiB.baseline} MiB = ${r.rssMiB.ratio}`
    : '';
  console.log(
    `${r.name.padEnd(44)} ${String(r.ms.ours).padStart(7)} / ${String(r.ms.baseline).padStart(7)} ms = ${r.ms.ratio}${rss}  (target ${target})`,
  );
};

console.log(
  `ece benchmarks (${quick ? 'quick check' : `${RUNS} runs each after ${WARMUP} warm-up, medians`}), node ${process.version}\n`,
);
await run(
  {
    name: '1. ece --version vs node -e 0',
    ours: `${node} ${bin} --version`,
    baseline: `${node} -e 0`,
  },
  '≤ 1.25, RSS ≤ 1.3',
);
await run(
  { name: '2a. ece --help vs node -e 0', ours: `${node} ${bin} --help`, baseline: `${node} -e 0` },
  '≤ 1.4',
);
await run(
  {
    name: '2b. ece deployments --help vs node -e 0',
    ours: `${node} ${bin} deployments --help`,
    baseline: `${node} -e 0`,
  },
  '≤ 1.4',
);
await run(
  {
    name: '3. list --json (20) vs node:http GET',
    ours: `${node} ${bin} deployments list --json --host ${base}`,
    baseline: `${node} -e "${getScript}" ${base}/api/v1/deployments`,
    check: (a, b) => {
      // ece ends the body with one newline (issue 14); the bodies are the same.
      if (a !== `${b}\n`)
        throw new Error('figure 3: ece and the baseline printed different bodies');
    },
  },
  '≤ 1.5',
);
await run(
  {
    name: '3c. as 3, without the code cache',
    ours: `${node} ${bin} deployments list --json --host ${base}`,
    baseline: `${node} -e "${getScript}" ${base}/api/v1/deployments`,
    env: { ECE_NO_CODE_CACHE: '1' },
  },
  'none (what a first run costs)',
);
const jq = `jq -r '.deployments[] | [.id,.name] | @tsv'`;
await run(
  {
    name: `4a. list TSV (${quick ? 500 : '10k'}) vs curl | jq`,
    ours: `${node} ${bin} deployments list --host ${base}/large > /dev/null`,
    baseline: `curl -s -H 'Authorization: ApiKey bench-key' ${base}/large/api/v1/deployments | ${jq} > /dev/null`,
  },
  '≤ 1.5, RSS ≤ 200 MiB',
);
await run(
  {
    name: `4b. list --json (${quick ? 500 : '10k'}) vs curl | jq`,
    ours: `${node} ${bin} deployments list --json --host ${base}/large > /dev/null`,
    baseline: `curl -s -H 'Authorization: ApiKey bench-key' ${base}/large/api/v1/deployments | ${jq} > /dev/null`,
  },
  '≤ 1.5, RSS ≤ 200 MiB',
);
connections = 0;
const started = performance.now();
const { once } = await import('./lib.mjs');
const search = await once(`${node} ${bin} deployments search --all --size 500 --host ${base}`, env);
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
  `${'5. search --all --size 500'.padEnd(44)} ${String(searchMs).padStart(7)} ms, ${rows} deployments, ${connections} TCP connection(s)  (target 1 connection)`,
);

server.close();
rmSync(cacheDir, { recursive: true, force: true });
if (!quick) {
  writeFileSync(
    new URL('./results.json', import.meta.url),
    `${JSON.stringify({ date: new Date().toISOString(), node: process.version, figures }, null, 2)}\n`,
  );
  console.log('\nwrote bench/results.json');
}
