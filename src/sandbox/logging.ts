// Logging settings of the platform's services
// (/platform/infrastructure/{allocators,constructors,runners,adminconsoles}/{id}/logging_settings):
// no override at first; PUT replaces, PATCH merges (RFC 7386: null drops a
// logger's override), DELETE resets. The ids are the sandbox's hosts (one
// constructor); any other is a 404 with the component's code. Levels are
// checked against LoggingSettings' allowed values.

import { invalid, SandboxError } from './errors.js';
import type { Call, Route } from './world.js';

const HOSTS = ['192.168.44.10', '192.168.44.11', '192.168.44.12'];
const COMPONENTS: Record<string, { param: string; ids: string[] }> = {
  allocators: { param: 'allocator_id', ids: HOSTS },
  constructors: { param: 'constructor_id', ids: ['192.168.44.10'] },
  runners: { param: 'runner_id', ids: HOSTS },
  adminconsoles: { param: 'adminconsole_id', ids: HOSTS },
};
const LEVELS = ['OFF', 'ERROR', 'WARN', 'INFO', 'DEBUG', 'TRACE', 'ALL'];

export function loggingRoutes(): Route[] {
  const store = new Map<string, { levels: Record<string, string>; version: number }>();
  return Object.entries(COMPONENTS).flatMap(([component, { param, ids }]) => {
    const path = `/platform/infrastructure/${component}/{${param}}/logging_settings`;
    const entry = (c: Call) => {
      const id = c.params[param] ?? '';
      if (!ids.includes(id))
        throw new SandboxError(
          404,
          `${component}.logging_settings.not_found`,
          `The logging settings for [${id}] were not found`,
        );
      const key = `${component}/${id}`;
      let found = store.get(key);
      if (!found) {
        found = { levels: {}, version: 1 };
        store.set(key, found);
      }
      return found;
    };
    const reply = (e: { levels: Record<string, string>; version: number }) => ({
      body: { logging_levels: { ...e.levels } },
      headers: { 'x-cloud-resource-version': String(e.version) },
    });
    return [
      { method: 'GET', path, handle: (c: Call) => reply(entry(c)) },
      {
        method: 'PUT',
        path,
        handle: (c: Call) => {
          const e = entry(c);
          e.levels = checked(c.body.logging_levels, false) as Record<string, string>;
          e.version++;
          return reply(e);
        },
      },
      {
        method: 'PATCH',
        path,
        handle: (c: Call) => {
          const e = entry(c);
          const patch = c.body.logging_levels;
          if (patch === undefined) return reply(e);
          if (patch === null) e.levels = {};
          else
            for (const [name, level] of Object.entries(checked(patch, true))) {
              if (level === null) delete e.levels[name];
              else e.levels[name] = level;
            }
          e.version++;
          return reply(e);
        },
      },
      {
        method: 'DELETE',
        path,
        handle: (c: Call) => {
          const e = entry(c);
          e.levels = {};
          e.version++;
          return reply(e);
        },
      },
    ];
  });
}

/** logging_levels as LoggingSettings has it: an object of level names (null too in a patch). */
function checked(levels: unknown, patch: boolean): Record<string, string | null> {
  if (typeof levels !== 'object' || levels === null || Array.isArray(levels))
    throw patch
      ? new SandboxError(400, 'patch.request_malformed', 'logging_levels must be an object')
      : invalid('logging_levels must be an object', ['logging_levels']);
  const out: Record<string, string | null> = {};
  for (const [name, level] of Object.entries(levels)) {
    if (patch && level === null) out[name] = null;
    else if (typeof level === 'string' && LEVELS.includes(level)) out[name] = level;
    else
      throw invalid(`Invalid level [${String(level)}] for [${name}]: use ${LEVELS.join(', ')}`, [
        `logging_levels.${name}`,
      ]);
  }
  return out;
}
