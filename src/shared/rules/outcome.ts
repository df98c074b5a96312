import type { ErrorCode } from '../public-api'

/**
 * What a pure rule decides about one mutation. `duplicate` means the same effect was
 * already stored (a replay under a new seq): nothing to write, nothing to reject.
 */
export type RuleOutcome<T> =
  | { ok: true; status: 'applied' | 'merged' | 'duplicate'; record: T; conflicts: FieldConflict[] }
  | { ok: false; code: ErrorCode; message: string }

/** The losing side of a concurrent edit to one field, kept for the conflict inbox. */
export interface FieldConflict {
  field: string
  winnerValue: unknown
  winnerHlc: string
  loserValue: unknown
  loserHlc: string
  /** True when the incoming mutation lost (its author is the loser). */
  incomingLost: boolean
}

/** Builds a rejection outcome. */
export function reject<T>(code: ErrorCode, message: string): RuleOutcome<T> {
  return { ok: false, code, message }
}

/** Structural equality of JSON-like values (object key order does not matter). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false
  if (Array.isArray(a) !== Array.isArray(b)) return false
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((v, i) => sameValue(v, b[i]))
  }
  const ak = Object.keys(a as object).filter((k) => (a as Record<string, unknown>)[k] !== undefined)
  const bk = Object.keys(b as object).filter((k) => (b as Record<string, unknown>)[k] !== undefined)
  if (ak.length !== bk.length) return false
  return ak.every((k) => sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
}
