/**
 * Where the device's requests go: the same origin in the app (the server serves the PWA
 * and the API on one port), another origin or a fetch double in tests.
 */
export interface Transport {
  baseUrl: string
  fetch: typeof fetch
}

const defaults: Transport = { baseUrl: '', fetch: (input, init) => globalThis.fetch(input, init) }
let current: Transport = defaults

export function getTransport(): Transport {
  return current
}

/** Points the app's requests elsewhere (tests); call with no argument to reset. */
export function setTransport(t?: Partial<Transport>): void {
  current = { ...defaults, ...t }
}
