import type { Mutation } from '../../src/shared'
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
const household = (id: unknown): BatchKey[] => (typeof id === 'string' ? [{ kind: 'household', id, need: 'place' }] : [])

export function batchKeysOf(m: Mutation): BatchKey[] {
  switch (m.name) {
    case 'household.put':
    case 'household.delete':
      return [data('household', m.args.id)]
    case 'person.put':
      return [data('person', m.args.id), ...household(m.args.patch.householdId)]
    case 'assessment.put':
      return [data('assessment', m.args.id), ...household(m.args.patch.householdId)]
    case 'person.delete':
      return [data('person', m.args.id)]
    case 'assessment.delete':
      return [data('assessment', m.args.id)]
    case 'record.restore':
      return [data(m.args.kind, m.args.id)]
    case 'visit.create': {
      const { correctsId } = m.args
      const keys = [...household(m.args.householdId), data('visit', m.args.id)]
      if (correctsId) keys.push(data('visit', correctsId), data('review', correctsId))
      return keys
    }
    case 'wish.create':
      return [...household(m.args.householdId), data('wish', m.args.id)]
    case 'wish.transition':
      return [data('wish', m.args.id)]
    case 'review.set':
      return [{ kind: m.args.recordKind, id: m.args.recordId, need: 'place' }, data('review', m.args.recordId)]
    case 'audit.record':
      return []
  }
}
