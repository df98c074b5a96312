import { mutationTarget, type Mutation } from '../../src/shared'
import type { RecordKey } from '../storage/store'

/**
 * What a mutation's rule will read (see apply-mergeable.ts, apply-events.ts), so a push
 * batch can read it all up front: `data` for records whose contents the rule uses,
 * `place` for records it only checks exist in the right grid (a visit's household).
 * A read this list misses is still served, one query at a time (batch-view.ts).
 */
export interface BatchKey extends RecordKey {
  need: 'data' | 'place'
}

// Module-level, not per call: a push batch calls batchKeysOf a thousand times, and a
// closure made per call (named by tsx's keepNames at every creation) cost more than the rest.
const data = (kind: RecordKey['kind'], id: string): BatchKey => ({ kind, id, need: 'data' })

/** Adds the place of the household a record names (a patch may not name one). */
function withHousehold(keys: BatchKey[], id: unknown): BatchKey[] {
  if (typeof id === 'string') keys.push({ kind: 'household', id, need: 'place' })
  return keys
}

/** What a mutation's rule reads: the record it writes (`mutationTarget`), and the records it checks. */
export function batchKeysOf(m: Mutation): BatchKey[] {
  const target = mutationTarget(m)
  const keys: BatchKey[] = target ? [{ kind: target.kind, id: target.id, need: 'data' }] : []
  switch (m.name) {
    case 'household.put':
      // An assessment's care-level write reads that assessment (apply-mergeable.ts).
      if (m.args.assessmentId) keys.push(data('assessment', m.args.assessmentId))
      return keys
    case 'person.put':
    case 'assessment.put':
      return withHousehold(keys, m.args.patch.householdId)
    case 'visit.create':
      withHousehold(keys, m.args.householdId)
      // A correction reads the entry it corrects and that entry's review.
      if (m.args.correctsId) keys.push(data('visit', m.args.correctsId), data('review', m.args.correctsId))
      return keys
    case 'wish.create':
      return withHousehold(keys, m.args.householdId)
    case 'review.set':
      keys.push({ kind: m.args.recordKind, id: m.args.recordId, need: 'place' })
      return keys
    default:
      return keys
  }
}
