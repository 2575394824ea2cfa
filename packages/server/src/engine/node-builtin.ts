/**
 * Node's built-in modules for the engine, reached through `process.getBuiltinModule` (Node
 * 20.16+) instead of static `node:` imports, so that the engine also bundles and runs in browsers
 * and workers (under `@mvkit/msw`), where this answers undefined.
 *
 * @packageDocumentation
 */

/**
 * The built-in module `id` (e.g. `node:crypto`), or undefined where the runtime has no
 * `process.getBuiltinModule` (browsers, workers).
 */
export function nodeBuiltin<T>(id: string): T | undefined {
  return (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process?.getBuiltinModule?.(id) as T | undefined;
}
