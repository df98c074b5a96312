import { compareHlc } from '../hlc'
import { sameValue, type FieldConflict } from './outcome'

/**
 * Per-field last-writer-wins merge for households, persons and assessments.
 *
 * Guarantees:
 * - The value of every field is the one written with the highest HLC, whatever order
 *   the patches arrive in (commutative) and however often one arrives (idempotent).
 * - A concurrent edit is never dropped silently: when the device changed a field whose
 *   stored value had also changed since the device last saw it (`base`), the losing value
 *   is returned as a conflict, whichever side lost.
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
    const incomingWins = compareHlc(hlc, storedHlc) > 0
    if (concurrent && !sameValue(value, storedValue)) {
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
