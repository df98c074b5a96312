import type { RecordKind } from '@/shared'
import type { GridSisterDb } from '@/db/db'
import { newestFirst } from '@/db/order'
import { pendingRefs } from './pending-refs'

/** One of her records waiting to upload, named as she knows it. */
export interface PendingRecord {
  kind: RecordKind
  id: string
  /** Its household's head (or the record's own name: a wish's title, a member's name). */
  name: string
  /** A wish's title, a visit's date: what tells two records of one household apart. */
  detail: string
  /** When she last changed it. */
  at: string
}

/**
 * Her records in the outbox (`pendingRefs`: one per record, as she counts them), newest
 * change first, with the names she knows them by.
 */
export function pendingRecords(db: GridSisterDb): Promise<PendingRecord[]> {
  // Promise chains: this runs inside liveQuery (see rejections-repository.ts).
  return db.outbox.orderBy('seq').toArray().then((rows) => {
    const refs = pendingRefs(rows.map((r) => r.mutation))
    const idsOf = (kind: RecordKind) => refs.filter((r) => r.kind === kind).map((r) => r.id)
    return Promise.all([
      db.persons.bulkGet(idsOf('person')),
      db.visits.bulkGet(idsOf('visit')),
      db.wishes.bulkGet(idsOf('wish')),
      db.assessments.bulkGet(idsOf('assessment')),
    ]).then(([persons, visits, wishes, assessments]) => {
      const owner = new Map<string, { householdId: string; detail: string }>()
      for (const p of persons) if (p) owner.set(p.id, { householdId: p.householdId, detail: p.name })
      for (const v of visits) if (v) owner.set(v.id, { householdId: v.householdId, detail: v.visitedAt })
      for (const w of wishes) if (w) owner.set(w.id, { householdId: w.householdId, detail: w.title })
      for (const a of assessments) if (a) owner.set(a.id, { householdId: a.householdId, detail: a.assessedAt })
      const householdIds = refs.map((r) => (r.kind === 'household' ? r.id : (owner.get(r.id)?.householdId ?? '')))
      return db.households.bulkGet(householdIds).then((households) =>
        refs
          .map((r, i) => ({ ...r, name: households[i]?.headName ?? '', detail: owner.get(r.id)?.detail ?? '' }))
          .sort(newestFirst((r) => r.at)),
      )
    })
  })
}
