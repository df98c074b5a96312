/**
 * Hybrid logical clock (after Kulkarni et al., as used by Actual Budget).
 *
 * Guarantees:
 * - `tick` returns a timestamp strictly greater than every timestamp this clock has
 *   produced or received, even if the wall clock goes backwards.
 * - `receive` merges a remote timestamp so later local events order after it.
 * - Encoded timestamps compare correctly as plain strings (fixed-width fields), so
 *   storage can order by them without parsing.
 * - A remote timestamp more than `maxDriftMs` ahead of the wall clock is refused
 *   (`clock-drift`), so one phone with a wrong date cannot win every merge for years.
 */
export interface Hlc {
  millis: number
  counter: number
  node: string
}

export const HLC_PATTERN = /^\d{15}-[0-9a-z]{5}-[0-9a-z]{1,32}$/
export const MAX_DRIFT_MS = 24 * 60 * 60 * 1000
export const MAX_COUNTER = 36 ** 5 - 1

export class HlcError extends Error {
  constructor(
    readonly code: 'clock-drift' | 'counter-overflow' | 'bad-hlc',
    message: string,
  ) {
    super(message)
  }
}

/** Encodes an HLC as a fixed-width, lexicographically ordered string. */
export function encodeHlc(h: Hlc): string {
  return `${String(h.millis).padStart(15, '0')}-${h.counter.toString(36).padStart(5, '0')}-${h.node}`
}

/** Parses an encoded HLC; throws `bad-hlc` on malformed input. */
export function decodeHlc(s: string): Hlc {
  if (!HLC_PATTERN.test(s)) throw new HlcError('bad-hlc', `not an HLC: ${s}`)
  const [millis, counter, node] = s.split('-') as [string, string, string]
  return { millis: Number(millis), counter: parseInt(counter, 36), node }
}

/**
 * The wall-clock part of an encoded HLC that already matched HLC_PATTERN (a zod-parsed
 * request): the first 15 digits, without decoding the rest.
 */
export function hlcMillis(s: string): number {
  return Number(s.slice(0, 15))
}

/** A fresh clock state for a node (node ids: lowercase base-36, e.g. from the client id). */
export function initialHlc(node: string): Hlc {
  return { millis: 0, counter: 0, node }
}

/** Advances the clock for a local event. */
export function tick(last: Hlc, now: number): Hlc {
  const millis = Math.max(last.millis, now)
  const counter = millis === last.millis ? last.counter + 1 : 0
  if (counter > MAX_COUNTER) throw new HlcError('counter-overflow', 'HLC counter overflow')
  return { millis, counter, node: last.node }
}

/** Merges a timestamp received from elsewhere into the local clock. */
export function receive(last: Hlc, remote: Hlc, now: number, maxDriftMs = MAX_DRIFT_MS): Hlc {
  if (remote.millis - now > maxDriftMs) {
    throw new HlcError('clock-drift', `remote clock ${remote.millis - now} ms ahead`)
  }
  const millis = Math.max(last.millis, remote.millis, now)
  let counter = 0
  if (millis === last.millis && millis === remote.millis) counter = Math.max(last.counter, remote.counter) + 1
  else if (millis === last.millis) counter = last.counter + 1
  else if (millis === remote.millis) counter = remote.counter + 1
  if (counter > MAX_COUNTER) throw new HlcError('counter-overflow', 'HLC counter overflow')
  return { millis, counter, node: last.node }
}

/** Compares two encoded HLCs (null sorts first). */
export function compareHlc(a: string | null | undefined, b: string | null | undefined): number {
  if (a === b) return 0
  if (a == null) return -1
  if (b == null) return 1
  return a < b ? -1 : 1
}

/** Turns a UUID into an HLC node id (lowercase hex is valid base-36). */
export function nodeIdFrom(uuid: string): string {
  return uuid.replace(/-/g, '').slice(-16).toLowerCase()
}
