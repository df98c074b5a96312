import { z } from 'zod'

/**
 * zod for every schema of the app, configured before the first schema is built. In the
 * browser zod's compiled fast path (`new Function`) can never run: the server's CSP
 * allows no 'unsafe-eval' (sync-server/plugins/security.ts), and zod's probe for it,
 * made while an object schema is built, is reported by the browser as a CSP violation on
 * every start. So the PWA runs zod `jitless`; the server keeps the compiled path.
 */
if (typeof window !== 'undefined') z.config({ jitless: true })

export { z }

/**
 * A schema built the first time it is used (parsed, extended, nested in a schema that
 * is parsed), not when its module is evaluated. Building zod schemas is most of the
 * cost of evaluating the shared modules: ≈ 300 schema objects, each a zod instance with
 * its methods, which a phone built on every start although an ordinary start (Today, a
 * sync with nothing new) parses only a few of them. The value behaves as the schema
 * itself (same properties, methods, `instanceof`, type); the field-level schemas the
 * records share (`Id`, `IsoDateTime`, …) stay eager, as every parse goes through them.
 */
export function lazySchema<T extends object>(build: () => T): T {
  let schema: T | undefined
  const built = (): T => (schema ??= build())
  return new Proxy({} as T, {
    get: (_, key) => Reflect.get(built(), key),
    has: (_, key) => Reflect.has(built(), key),
    set: (_, key, value) => Reflect.set(built(), key, value),
    ownKeys: () => Reflect.ownKeys(built()),
    // The proxy's own target has no properties, so none may be reported non-configurable.
    getOwnPropertyDescriptor: (_, key) => {
      const d = Reflect.getOwnPropertyDescriptor(built(), key)
      return d && { ...d, configurable: true }
    },
    getPrototypeOf: () => Reflect.getPrototypeOf(built()),
  })
}
