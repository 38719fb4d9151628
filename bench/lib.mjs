// Shared by the bench scripts: run commands alternately against their
// baselines, take medians of wall time and peak RSS, print ratios.

import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';

const GNU_TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

/**
 * Runs a shell command once in exactly `env` (the caller builds it from a
 * cleaned environment); wall time in ms and peak RSS in KiB (when GNU time is there).
 */
export function once(command, env) {
  return new Promise((resolve, reject) => {
    const args = GNU_TIME ? ['-f', '__RSS__%M', 'sh', '-c', command] : ['-c', command];
    const started = process.hrtime.bigint();
    const child = spawn(GNU_TIME ?? 'sh', args, {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      const m = /__RSS__(\d+)/.exec(err);
      if (code !== 0)
        return reject(
          new Error(
            `\`${command}\` exited ${code}: ${err.replace(/__RSS__\d+\n?/, '').slice(0, 500)}`,
          ),
        );
      resolve({ ms, rssKiB: m ? Number(m[1]) : undefined, stdout: out });
    });
  });
}

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};

/**
 * Alternates A (ours) and B (baseline) `runs` times after `warmup` rounds.
 * Returns medians and the ratios A/B.
 */
export async function compare({ name, ours, baseline, runs = 10, warmup = 2, env, check }) {
  const a = [];
  const b = [];
  for (let i = 0; i < warmup + runs; i++) {
    const ra = await once(ours, env);
    const rb = await once(baseline, env);
    if (i === 0 && check) check(ra.stdout, rb.stdout);
    if (i >= warmup) {
      a.push(ra);
      b.push(rb);
    }
  }
  const ms = [median(a.map((r) => r.ms)), median(b.map((r) => r.ms))];
  const rss =
    a[0]?.rssKiB !== undefined
      ? [median(a.map((r) => r.rssKiB)), median(b.map((r) => r.rssKiB))]
      : [undefined, undefined];
  return {
    name,
    ours,
    baseline,
    runs,
    ms: { ours: round(ms[0]), baseline: round(ms[1]), ratio: round(ms[0] / ms[1], 2) },
    rssMiB:
      rss[0] === undefined
        ? null
        : {
            ours: round(rss[0] / 1024),
            baseline: round(rss[1] / 1024),
            ratio: round(rss[0] / rss[1], 2),
          },
  };
}

export function round(x, digits = 1) {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

/**
 * Variables that change how Node starts or what a run does, cleared from the
 * bench's environment: extra CA certificates are read and parsed at every
 * start (NODE_EXTRA_CA_CERTS: ~10 ms), NODE_OPTIONS can add anything, a
 * compile cache (NODE_COMPILE_CACHE) would speed up the baselines too, and a
 * developer's ECE_* or proxy settings would change what ece does.
 */
export function cleanEnv(env) {
  const clean = {};
  const cleared = [];
  for (const [k, v] of Object.entries(env)) {
    const startUp = /^(NODE_|UV_|ECE_)/.test(k) && k !== 'NODE_ENV';
    const proxy = /^(https?_proxy|no_proxy|all_proxy)$/i.test(k);
    if (startUp || proxy || k === 'SSL_CERT_FILE' || k === 'SSL_CERT_DIR') cleared.push(k);
    else clean[k] = v;
  }
  return { env: clean, cleared: cleared.sort() };
}
