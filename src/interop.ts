// CommonJS packages loaded with import(): bundled by esbuild their exports sit
// on `default`; run from source by Node, on the namespace itself.

export function cjs<T extends object>(mod: T): T {
  return (mod as { default?: T }).default ?? mod;
}
