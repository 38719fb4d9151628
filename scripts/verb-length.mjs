#!/usr/bin/env node
// The median length of a verb file, the figure issue 21 asks to shrink.
//
//   npm run verb-length                 the working tree
//   npm run verb-length -- <commit>     any commit (read with git show; works
//                                       on the layouts before and after the
//                                       command model)
//   npm run verb-length -- --list …     also one line per file
//
// What counts as a verb file: a .ts file under src/commands/<group>/ (any
// depth, not src/commands/run/) that either exports `verb = defineVerb(…)`
// (the command model) or registers a command with an action, commander's
// `.command(` and `.action(` (before the model, and the verbs not moved
// yet; before the model `platform info` and `runners roles` lived in their
// group's index.ts). A group's index registers groups and loaders, no
// action; helpers shared by verbs (views, resolvers, payload builders)
// register nothing: neither counts.
// A file's length is its number of lines, as `wc -l` counts them.

import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const args = process.argv.slice(2);
const list = args.includes('--list');
const rev = args.find((a) => !a.startsWith('--'));

const MODEL = /export\s+const\s+verb\s*=\s*defineVerb\b/;
const COMMANDER = /\.command\(/;
const ACTION = /\.action\(/;

function candidate(path) {
  const parts = path.split('/');
  // src/commands/<group>/…/<file>.ts
  if (parts.length < 4 || parts[0] !== 'src' || parts[1] !== 'commands') return false;
  if (parts[2] === 'run') return false;
  const file = parts.at(-1) ?? '';
  return file.endsWith('.ts') && !file.endsWith('.d.ts');
}

function walk(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    return e.isDirectory() ? walk(p) : [p];
  });
}

function files() {
  if (rev === undefined) {
    return walk('src/commands')
      .map((p) => relative('.', p).split('\\').join('/'))
      .filter(candidate)
      .map((path) => ({ path, text: readFileSync(path, 'utf8') }));
  }
  const git = (...a) => execFileSync('git', a, { encoding: 'utf8', maxBuffer: 1 << 26 });
  return git('ls-tree', '-r', '--name-only', rev, 'src/commands')
    .split('\n')
    .filter(candidate)
    .map((path) => ({ path, text: git('show', `${rev}:${path}`) }));
}

const lines = (text) => text.split('\n').length - (text.endsWith('\n') ? 1 : 0);

const verbs = files()
  .filter((f) => MODEL.test(f.text) || (COMMANDER.test(f.text) && ACTION.test(f.text)))
  .map((f) => ({ path: f.path, lines: lines(f.text), model: MODEL.test(f.text) }))
  .sort((a, b) => a.lines - b.lines);

if (verbs.length === 0) {
  console.error(`verb-length: no verb file under src/commands${rev ? ` at ${rev}` : ''}`);
  process.exit(1);
}
const mid = Math.floor(verbs.length / 2);
const median =
  verbs.length % 2 === 1
    ? (verbs[mid]?.lines ?? 0)
    : ((verbs[mid - 1]?.lines ?? 0) + (verbs[mid]?.lines ?? 0)) / 2;
if (list) for (const v of verbs) console.log(`${v.lines}\t${v.model ? 'model' : 'old'}\t${v.path}`);
const onModel = verbs.filter((v) => v.model).length;
console.log(
  `${rev ?? 'working tree'}: ${verbs.length} verb files (${onModel} declared with defineVerb, ${verbs.length - onModel} registering a command with an action), median ${median} lines`,
);
