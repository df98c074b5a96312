import { compareHlc, decodeHlc, encodeHlc, MAX_COUNTER } from '../hlc'
import { sameValue, type FieldConflict } from './outcome'

/**
 * Per-field last-writer-wins merge for households, persons and assessments.
 *
 * Guarantees:
 * - An edit made on top of the stored value (its `base` is the stored field's HLC, or the
 *   field was never written) always applies, whatever its own HLC: a phone whose clock is
 *   behind the one that wrote the stored value still replaces it. It is stamped above the
 *   stored HLC (`stampAbove`), so field clocks only grow.
 * - Between concurrent edits (the stored value changed since the device last saw it) the
 *   higher HLC wins, whatever order they arrive in, however often one arrives; the losing
 *   value is returned as a conflict, whichever side lost. Nothing is dropped silently.
 * - Equal values never make a conflict, so a replayed patch changes nothing.
 */
export interface MergeableRecord {
  hlc: Record<string, string>
  [field: string]: unknown
}

export interface MergeResult<T> {
  record: T
  conflicts: FieldConflict[]
  /** False when nothing in the stored record changed. */
  changed: boolean
}

/** Fields a patch may never touch: identity, bookkeeping and the tombstone. */
const PROTECTED = new Set(['id', 'gridId', 'hlc', 'deleted', 'createdAt', 'updatedAt'])

/**
 * Merges `patch` (fields written at `hlc` by a device that had seen `base[field]` as the
 * HLC of each field) into `stored`.
 */
export function mergeFields<T extends MergeableRecord>(
  stored: T,
  patch: Record<string, unknown>,
  base: Record<string, string | null>,
  hlc: string,
): MergeResult<T> {
  const next: Record<string, unknown> = { ...stored }
  const clocks: Record<string, string> = { ...stored.hlc }
  const conflicts: FieldConflict[] = []
  let changed = false
  for (const [field, value] of Object.entries(patch)) {
    if (PROTECTED.has(field) || value === undefined) continue
    const storedHlc = stored.hlc[field] ?? null
    const storedValue = stored[field]
    // The stored value moved on after the device last saw it: a concurrent edit.
    const concurrent = storedHlc !== null && storedHlc !== (base[field] ?? null)
    if (!concurrent) {
      // On top of what is stored: it replaces it, above the stored clock.
      const stamp = storedHlc === null || compareHlc(hlc, storedHlc) > 0 ? hlc : stampAbove(storedHlc, hlc)
      if (!sameValue(value, storedValue) || storedHlc !== stamp) changed = true
      next[field] = value
      clocks[field] = stamp
      continue
    }
    const incomingWins = compareHlc(hlc, storedHlc) > 0
    if (!sameValue(value, storedValue)) {
      conflicts.push(
        incomingWins
          ? { field, winnerValue: value, winnerHlc: hlc, loserValue: storedValue, loserHlc: storedHlc, incomingLost: false }
          : { field, winnerValue: storedValue, winnerHlc: storedHlc, loserValue: value, loserHlc: hlc, incomingLost: true },
      )
    }
    if (incomingWins) {
      if (!sameValue(value, storedValue) || storedHlc !== hlc) changed = true
      next[field] = value
      clocks[field] = hlc
    }
  }
  next.hlc = clocks
  return { record: next as T, conflicts, changed }
}

/**
 * The smallest HLC of the writer of `hlc` above `storedHlc`: the stored wall time, the
 * next counter. Pure (no clock read), so the same edit gets the same stamp everywhere.
 */
export function stampAbove(storedHlc: string, hlc: string): string {
  const s = decodeHlc(storedHlc)
  const node = decodeHlc(hlc).node
  // A full counter moves to the next millisecond (still above, still well-formed).
  return encodeHlc(s.counter < MAX_COUNTER ? { millis: s.millis, counter: s.counter + 1, node } : { millis: s.millis + 1, counter: 0, node })
}

/** Builds the first version of a mergeable record from a creating patch. */
export function createFromPatch(
  meta: { id: string; gridId: string; at: string },
  patch: Record<string, unknown>,
  hlc: string,
): Record<string, unknown> {
  const clocks: Record<string, string> = {}
  const record: Record<string, unknown> = {}
  for (const [field, value] of Object.entries(patch)) {
    if (PROTECTED.has(field) || value === undefined) continue
    record[field] = value
    clocks[field] = hlc
  }
  return { ...record, id: meta.id, gridId: meta.gridId, deleted: false, hlc: clocks, createdAt: meta.at, updatedAt: meta.at }
}
