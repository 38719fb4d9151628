// Issue 14, item 9: a table is linear in its rows. Serves a list of
// 100,000 deployments from a loopback server and times the built binary
// drawing it as a table (`deployments list -o table`), end to end: the
// request, the parse, the fitting and the drawing. Fails past 5 s.
//
//   npm run build && node bench/table.mjs [rows] [runs]

import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';

const ROWS = Number(process.argv[2] ?? 100_000);
const RUNS = Number(process.argv[3] ?? 3);
const LIMIT_MS = 5_000;
const BIN = fileURLToPath(new URL('../bin/ece.js', import.meta.url));

function deployment(i) {
  const id = i.toString(16).padStart(32, '0');
  return {
    id,
    name: `deployment-${i}`,
    resources: [
      {
        ref_id: 'main-elasticsearch',
        id: `e${id.slice(1)}`,
        kind: 'elasticsearch',
        region: 'ece-region',
      },
      {
        ref_id: 'main-kibana',
        id: `k${id.slice(1)}`,
        kind: 'kibana',
        region: 'ece-region',
        elasticsearch_cluster_ref_id: 'main-elasticsearch',
      },
    ],
  };
}

const body = JSON.stringify({ deployments: Array.from({ length: ROWS }, (_, i) => deployment(i)) });
const server = createServer((_req, res) => {
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(body);
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const url = `http://127.0.0.1:${server.address().port}`;

function once() {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, [BIN, 'deployments', 'list', '-o', 'table'], {
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        ECE_HOST: url,
        ECE_API_KEY: 'bench-key',
        COLUMNS: '120',
        ECE_CACHE_DIR: process.env.ECE_CACHE_DIR ?? '',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let lines = 0;
    let err = '';
    child.stdout.on('data', (d) => {
      for (let i = 0; i < d.length; i++) if (d[i] === 10) lines++;
    });
    child.stderr.on('data', (d) => (err += d));
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      if (code !== 0) reject(new Error(`exit ${code}: ${err.slice(0, 300)}`));
      else resolve({ ms, lines });
    });
  });
}

const times = [];
let ok = true;
try {
  for (let i = 0; i < RUNS; i++) {
    const { ms, lines } = await once();
    if (lines !== ROWS + 1)
      throw new Error(`expected ${ROWS + 1} lines (header and rows), got ${lines}`);
    times.push(ms);
  }
} catch (err) {
  console.error(`table bench failed: ${err.message}`);
  ok = false;
} finally {
  server.close();
}
if (ok) {
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)];
  console.log(
    `table: ${ROWS.toLocaleString('en')} rows as a table in ${(median / 1000).toFixed(2)} s (median of ${RUNS}; runs ${times.map((t) => (t / 1000).toFixed(2)).join(', ')} s; limit ${LIMIT_MS / 1000} s)`,
  );
  if (median > LIMIT_MS) ok = false;
}
process.exit(ok ? 0 : 1);
