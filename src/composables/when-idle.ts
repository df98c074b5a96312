/**
 * Runs `fn` when the main thread is idle, at the latest after `timeout` ms: for work a
 * screen does not need in order to be drawn (the start's sync, registering the service
 * worker). Where the browser has no `requestIdleCallback`, after `fallbackMs`.
 */
export function whenIdle(fn: () => void, timeout: number, fallbackMs = 0): void {
  if (typeof globalThis.requestIdleCallback === 'function') globalThis.requestIdleCallback(() => fn(), { timeout })
  else setTimeout(fn, fallbackMs)
}
