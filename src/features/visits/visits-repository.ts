import { v7 as uuidv7 } from 'uuid'
import { Visit, type PhotoRef } from '@/shared'
import type { Actor } from '@/db/actor'
import type { GridSisterDb } from '@/db/db'
import { checkVisitWrite, isCompletedVisit, outcomeNeedsText } from '@/shared/rules'
import { RecordValidationError, commitMutation, throwIfIssues } from '@/db/outbox-repository'
import { validationError, whenOpen } from '@/db/mergeable-repository'
import { latestOf } from '@/db/derive'
import { recomputeLastVisit, withLastVisit } from '@/db/households-derived-repository'
import { storePhotos, type PreparedPhoto } from '@/db/photos-repository'

/**
 * Visit diary entries are append-only events: once written they are never edited;
 * a correction is a new entry whose `correctsId` points to the entry it corrects.
 */

export type VisitInput = Pick<
  Visit,
  'householdId' | 'visitedAt' | 'method' | 'seen' | 'asked' | 'done' | 'policies' | 'nextVisitOn'
> & {
  /** Absent: a contact ('met'), as the schema defaults it. */
  outcome?: Visit['outcome']
  correctsId?: string | null
  photos?: PreparedPhoto[]
  /** Photos already stored elsewhere (those of the entry a correction corrects). */
  keptPhotos?: PhotoRef[]
}

/**
 * Records a visit (or a correction) with its photos, the outbox mutation and the
 * household's derived columns, in one transaction. Invalid input saves nothing.
 */
export async function createVisit(db: GridSisterDb, input: VisitInput, actor: Actor): Promise<Visit> {
  const tables = [db.visits, db.households]
  await whenOpen(db)
  const visit = await db.transaction('rw', [...tables, db.outbox, db.meta], async () => {
    // Asked for now, awaited in the write: IndexedDB serves it together with the outbox
    // bookkeeping's read instead of one after the other.
    const reading = db.households.get(input.householdId)
    reading.catch(() => undefined) // a failure surfaces where it is awaited
    let saved: Visit | undefined
    await commitMutation(db, 'visit.create', tables, async (ctx) => {
      const household = await reading
      if (!household || household.deleted) {
        throw new RecordValidationError([{ path: 'householdId', message: 'household not found' }])
      }
      const parsed = Visit.safeParse({
        id: uuidv7(),
        householdId: household.id,
        gridId: household.gridId,
        visitedAt: input.visitedAt,
        visitorId: actor.id,
        visitorName: actor.name,
        method: input.method,
        outcome: input.outcome,
        seen: input.seen,
        asked: input.asked,
        done: input.done,
        policies: input.policies,
        nextVisitOn: input.nextVisitOn,
        photos: uniquePhotos([...(input.keptPhotos ?? []), ...(input.photos ?? []).map((p) => p.ref)]),
        correctsId: input.correctsId ?? null,
        createdAt: ctx.now,
      })
      if (!parsed.success) throw validationError(parsed.error)
      throwIfIssues(checkVisitWrite(parsed.data, ctx.clock))
      if (outcomeNeedsText(parsed.data.outcome) && !parsed.data.seen && !parsed.data.asked && !parsed.data.done) {
        throw new RecordValidationError([{ path: 'seen', message: 'write what was seen, asked or done' }])
      }
      saved = parsed.data
      // Visits are append-only, so the household's derived columns follow from the row
      // already read: its last visit (and promise) move up to this one, its open wishes
      // stay. An attempt moves nothing (rules/visits.ts).
      const moved = isCompletedVisit(saved) ? withLastVisit(household, latestOf(saved)) : null
      await Promise.all([db.visits.add(saved), moved && moved !== 'tie' ? db.households.put(moved) : undefined])
      if (moved === 'tie') await recomputeLastVisit(db, household.id)
      return saved
    })
    return saved as Visit
  })
  // After the record's transaction: a full disk may cost the photos, never the visit.
  await storePhotos(db, input.photos ?? [], visit.gridId)
  return visit
}


/** The same picture attached twice is one photo (photos are keyed by their hash). */
function uniquePhotos(refs: PhotoRef[]): PhotoRef[] {
  const seen = new Set<string>()
  return refs.filter((r) => !seen.has(r.sha256) && seen.add(r.sha256))
}
