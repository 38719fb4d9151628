// `ece __complete WORDS…`: candidates for the word being typed, one per line
// as `value<TAB>description`, for the scripts of `ece completion`. Commands,
// sub-commands and flags at every depth; profile names, formats and kinds for
// the flags that take them; deployment ids and names from the API, asked with
// a short deadline. It never prints an error: a completion that fails is empty.

import type { Command, Option } from 'commander';
import { KINDS } from './api/kinds.js';
import type { Context } from './context.js';
import { FORMATS } from './output/formats.js';

const API_DEADLINE_MS = 2_000;

export async function complete(
  ctx: Context,
  words: string[],
  build: (ctx: Context) => Promise<Command>,
): Promise<void> {
  try {
    const out = await candidates(ctx, words, await build(ctx));
    if (out.length)
      ctx.io.stdout.write(`${out.map(([v, d]) => (d ? `${v}\t${d}` : v)).join('\n')}\n`);
  } catch {
    // Silence: a shell prompt is no place for errors.
  }
}

export async function candidates(
  ctx: Context,
  words: string[],
  program: Command,
): Promise<[string, string][]> {
  const cur = words.at(-1) ?? '';
  const done = words.slice(0, -1);
  let cmd = program;
  let args = 0;
  const flags: Record<string, string | boolean> = {};
  for (let i = 0; i < done.length; i++) {
    const w = done[i] ?? '';
    if (w.startsWith('-') && w !== '-') {
      const [name, inline] = w.split('=', 2) as [string, string | undefined];
      const opt = findOption(cmd, name);
      const key = opt?.attributeName();
      if (opt && (opt.required || opt.optional) && inline === undefined) {
        if (key) flags[key] = done[i + 1] ?? '';
        i++;
      } else if (key) flags[key] = inline ?? true;
      continue;
    }
    const sub = cmd.commands.find((c) => c.name() === w || c.aliases().includes(w));
    if (sub && args === 0) cmd = sub;
    else args++;
  }
  const prev = done.at(-1) ?? '';
  const prevOpt = prev.startsWith('-') && !prev.includes('=') ? findOption(cmd, prev) : undefined;
  const match = (list: [string, string][]) => list.filter(([v]) => v.startsWith(cur));

  if (prevOpt && (prevOpt.required || prevOpt.optional)) {
    switch (prevOpt.long) {
      case '--profile':
        return match(Object.keys(ctx.config().profiles ?? {}).map((p) => [p, 'profile']));
      case '--output':
        return match(FORMATS.map((f) => [f, 'format']));
      case '--kind':
        return match(KINDS.map((k) => [k, 'resource kind']));
      default:
        return prevOpt.argChoices ? match(prevOpt.argChoices.map((c) => [c, ''])) : [];
    }
  }
  if (cur.startsWith('-')) {
    const opts: [string, string][] = [];
    for (let c: Command | null = cmd; c; c = c.parent) {
      for (const o of c.options) if (!o.hidden && o.long) opts.push([o.long, o.description]);
    }
    opts.push(['--help', 'show help']);
    return match(opts);
  }
  const subs = cmd.commands
    .filter((c) => !(c as Command & { _hidden?: boolean })._hidden)
    .map((c) => [c.name(), c.summary() || c.description()] as [string, string]);
  if (subs.length && args === 0) return match(subs);
  const next = cmd.registeredArguments[args];
  if (next?.name() === 'deployment') {
    return match(await deployments(ctx.withFlags({ ...ctx.flags, ...flags, timeout: '2s' })));
  }
  return [];
}

function findOption(cmd: Command, name: string): Option | undefined {
  for (let c: Command | null = cmd; c; c = c.parent) {
    const o = c.options.find((x) => x.long === name || x.short === name);
    if (o) return o;
  }
  return undefined;
}

async function deployments(ctx: Context): Promise<[string, string][]> {
  const work = (async () => {
    const { listDeployments } = await import('./api/deployments.js');
    const { parseBody } = await import('./api/body.js');
    const res = await listDeployments(await ctx.api());
    const body = parseBody<{ deployments: { id: string; name: string }[] }>(res);
    return body.deployments.flatMap((d): [string, string][] => [
      [d.name, d.id],
      [d.id, d.name],
    ]);
  })();
  const deadline = new Promise<[string, string][]>((resolve) =>
    setTimeout(() => resolve([]), API_DEADLINE_MS).unref(),
  );
  return Promise.race([work.catch(() => []), deadline]);
}
