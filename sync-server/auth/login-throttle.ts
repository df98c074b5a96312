import type { StoreOps } from '../storage/store'

/**
 * Login throttling (issue 16): counts failed logins in the database, so every server
 * process on one PostgreSQL sees the same counters, and backs off per key.
 *
 * Three counters, each with free failures, then a block that doubles with every further
 * failure up to `maxBlockMs`; a counter with no failure for `windowMs` starts again:
 * - (account, address): one address guessing one account. Cleared by a success there.
 * - address: one address guessing many accounts (spraying). A high allowance, because
 *   without TRUST_PROXY every phone behind the reverse proxy shares one address.
 * - account: many addresses guessing one account. Applies only to addresses where this
 *   account has never logged in (within `knownForMs`).
 *
 * Guarantees:
 * - Failures on another address never block a login from an address where the account
 *   has logged in before: the only counters that address consults are its own
 *   (account, address) pair and the address itself.
 * - Ten wrong guesses for one account from one address (a proxy) never block another
 *   account there: the address allowance is far above one account's.
 * - A blocked attempt is refused before the password is checked, so a blocked guess
 *   learns nothing, and it costs no scrypt run.
 * All of this rests on the address being the client's: behind a proxy, TRUST_PROXY must
 * name the proxy (a client-written X-Forwarded-For would otherwise pick any address,
 * including the owner's known one).
 * What it does not promise: an owner logging in from a new address while her account
 * is under attack from many addresses waits out the account block (at most `maxBlockMs`);
 * and people sharing one address (a proxy without TRUST_PROXY, one office NAT) share its
 * allowance: `addressFree` failures there slow them all.
 */
export interface ThrottlePolicy {
  pairFree: number
  addressFree: number
  accountFree: number
  baseBlockMs: number
  maxBlockMs: number
  windowMs: number
  knownForMs: number
}

export const DEFAULT_THROTTLE: ThrottlePolicy = {
  pairFree: 5,
  addressFree: 50,
  accountFree: 10,
  baseBlockMs: 1000,
  maxBlockMs: 15 * 60_000,
  windowMs: 60 * 60_000,
  knownForMs: 90 * 24 * 3600_000,
}

const keys = (username: string, address: string) => ({
  pair: `pair:${username}|${address}`,
  address: `addr:${address}`,
  account: `acct:${username}`,
  known: `known:${username}|${address}`,
})

/** How long a key is blocked after `failures` failures with `free` allowed. */
export function blockFor(failures: number, free: number, policy: ThrottlePolicy): number {
  if (failures <= free) return 0
  return Math.min(policy.baseBlockMs * 2 ** Math.min(failures - free - 1, 30), policy.maxBlockMs)
}

/** Milliseconds until this attempt may be made; 0 when it may go ahead. */
export async function throttleWait(store: StoreOps, username: string, address: string, now: number, policy: ThrottlePolicy): Promise<number> {
  const k = keys(username, address)
  const rows = await store.getThrottles([k.pair, k.address, k.account, k.known])
  const row = (key: string) => rows.find((r) => r.key === key)
  const known = row(k.known)
  const isKnown = known !== undefined && now - known.lastAt < policy.knownForMs
  const consulted = isKnown ? [k.pair, k.address] : [k.pair, k.address, k.account]
  const until = Math.max(0, ...consulted.map((key) => row(key)?.blockedUntil ?? 0))
  return Math.max(0, until - now)
}

/** Counts a failed attempt on every counter and blocks those past their allowance. */
export async function recordFailure(store: StoreOps, username: string, address: string, now: number, policy: ThrottlePolicy): Promise<void> {
  const k = keys(username, address)
  const counters: [string, number][] = [[k.pair, policy.pairFree], [k.address, policy.addressFree], [k.account, policy.accountFree]]
  for (const [key, free] of counters) {
    const failures = await store.countFailure(key, now, now - policy.windowMs)
    const block = blockFor(failures, free, policy)
    if (block > 0) await store.blockUntil(key, now + block)
  }
}

/** A success: this address is now known for the account, and its pair counter is cleared. */
export async function recordSuccess(store: StoreOps, username: string, address: string, now: number): Promise<void> {
  const k = keys(username, address)
  await store.clearThrottle(k.pair)
  // The marker reuses the counter table: a count that always restarts, so only its time matters.
  await store.countFailure(k.known, now, now + 1)
}

/** Forgets what no longer counts (run daily): expired counters and stale known addresses. */
export function pruneThrottle(store: StoreOps, now: number, policy: ThrottlePolicy = DEFAULT_THROTTLE): Promise<number> {
  return store.pruneThrottle(now - policy.windowMs, now - policy.knownForMs)
}
