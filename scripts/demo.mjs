// `npm run demo`: starts the local ECE sandbox, lists its deployments with
// the built CLI, and stops the sandbox. (npm runs the build first.)

import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const bin = fileURLToPath(new URL('../bin/ece.js', import.meta.url));
const env = { ...process.env };
for (const k of [
  'ECE_HOST',
  'COORDINATOR_HOST',
  'ECE_API_KEY',
  'ECE_TOKEN',
  'ECE_PROFILE',
  'ECE_CA_CERT',
  'ECE_INSECURE',
])
  delete env[k];

const sandbox = spawn(process.execPath, [bin, 'sandbox', '--deployments', '5'], {
  env,
  stdio: ['ignore', 'pipe', 'pipe'],
});
let stderr = '';
sandbox.stderr.on('data', (d) => (stderr += d));

const exports = await new Promise((resolve, reject) => {
  let out = '';
  const timer = setTimeout(
    () => reject(new Error(`the sandbox did not start in 15s\n${stderr}`)),
    15_000,
  );
  sandbox.stdout.on('data', (d) => {
    out += d;
    const vars = Object.fromEntries(
      [...out.matchAll(/^export (\w+)=(.*)$/gm)].map((m) => [m[1], m[2]]),
    );
    if (vars.ECE_HOST && vars.ECE_API_KEY) {
      clearTimeout(timer);
      resolve(vars);
    }
  });
  sandbox.on('exit', (code) => reject(new Error(`the sandbox exited with ${code}\n${stderr}`)));
}).catch((err) => {
  console.error(`demo: ${err.message}`);
  sandbox.kill('SIGKILL');
  process.exit(1);
});

console.log(`Started the local ECE sandbox at ${exports.ECE_HOST}.\n`);
console.log('$ ece deployments list');
const list = spawnSync(process.execPath, [bin, 'deployments', 'list', '-o', 'table'], {
  env: { ...env, ...exports },
  stdio: 'inherit',
});
sandbox.removeAllListeners('exit');
const stopped = new Promise((resolve) => sandbox.on('exit', resolve));
sandbox.kill('SIGINT');
const sandboxCode = await stopped;
console.log(
  `\nStopped the sandbox. Try it yourself: \`node bin/ece.js sandbox\` in one shell, then the export lines it prints and \`node bin/ece.js deployments list\` in another.`,
);
process.exit(list.status === 0 && sandboxCode === 0 ? 0 : list.status || 1);
