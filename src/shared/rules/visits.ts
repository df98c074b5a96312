import type { Visit } from '../records'
import { reject, sameValue, type RuleOutcome } from './outcome'

/**
 * Visit diaries are append-only events: the device makes the id, the server only
 * creates. The same body under the same id again is a no-op (a replay); a different body
 * under an existing id is rejected, never overwrites.
 */
export function applyVisitCreate(stored: Visit | null, incoming: Visit): RuleOutcome<Visit> {
  if (stored === null) return { ok: true, status: 'applied', record: incoming, conflicts: [] }
  if (sameValue(stored, incoming)) return { ok: true, status: 'duplicate', record: stored, conflicts: [] }
  return reject('conflict', 'a visit with this id already exists with a different body; visits are append-only')
}

/** Checks a correcting visit points at a visit of the same household and grid. */
export function checkCorrection(visit: Visit, corrected: Visit | null): RuleOutcome<Visit> | null {
  if (visit.correctsId === null) return null
  if (corrected === null) return reject('not-found', 'the visit being corrected does not exist')
  if (corrected.gridId !== visit.gridId || corrected.householdId !== visit.householdId) {
    return reject('out-of-scope', 'a correction must belong to the household of the visit it corrects')
  }
  return null
}
