/**
 * Exponential backoff with full jitter (AWS architecture blog, "Exponential Backoff And
 * Jitter"): after the n-th consecutive failure the next attempt waits a random time in
 * [base·2^(n-1)/2, base·2^(n-1)], capped at `maxMs`. Jitter keeps a whole community's
 * phones from retrying in lockstep when the server comes back. `random` is injectable
 * so tests and the simulation are deterministic.
 */

export interface BackoffOptions {
  baseMs?: number
  maxMs?: number
  random?: () => number
}

export interface Backoff {
  /** Records a failure and returns how long to wait before the next attempt. */
  fail(retryAfterMs?: number): number
  /** Records a success: the next failure starts from the base delay again. */
  reset(): void
  readonly failures: number
}

export function createBackoff(options: BackoffOptions = {}): Backoff {
  const base = options.baseMs ?? 2_000
  const max = options.maxMs ?? 5 * 60_000
  const random = options.random ?? Math.random
  let failures = 0
  return {
    fail(retryAfterMs) {
      failures += 1
      const ceiling = Math.min(max, base * 2 ** Math.min(failures - 1, 30))
      const jittered = ceiling / 2 + (random() * ceiling) / 2
      // A server's Retry-After is a floor, never a reason to retry sooner.
      return Math.round(Math.max(jittered, Math.min(retryAfterMs ?? 0, max)))
    },
    reset() {
      failures = 0
    },
    get failures() {
      return failures
    },
  }
}
