import { Assessment, Household, Person, type Conflict } from '@/shared'
import type { GridSisterDb, LocalHousehold, LocalPerson } from '@/db/db'
import { ensurePinyin, toLocalHousehold, toLocalPerson } from '@/db/derive'
import { putMergeable } from '@/db/mergeable-repository'
import { RecordValidationError } from '@/db/outbox-repository'
import { saveCommunitySettings } from '@/features/community/community-settings-repository'

/**
 * Resolving a conflict by choosing the value that lost: it is written as a normal
 * `*.put` of that one field with a new HLC, so it wins over the stored value and
 * syncs like any other edit (docs/sync.md, "Rules per record kind").
 * Choosing the value that already won needs no write.
 */

/** Writes the losing value of `c` back into its record; throws when the record is not on this device. */
export async function restoreLosingValue(db: GridSisterDb, c: Conflict): Promise<void> {
  const fields = { [c.field]: c.loserValue }
  const missing = () => new RecordValidationError([{ path: 'recordId', message: 'record not on this device' }])
  switch (c.kind) {
    case 'household': {
      if (!(await db.households.get(c.recordId))) throw missing()
      await ensurePinyin()
      await putMergeable<Household, LocalHousehold>({
        db, name: 'household.put', table: db.households, schema: Household, id: c.recordId, gridId: c.gridId, fields,
        toLocal: (h, prev) => toLocalHousehold(h, { lastVisitAt: prev?.lastVisitAt, openWishes: prev?.openWishes }),
      })
      return
    }
    case 'person': {
      if (!(await db.persons.get(c.recordId))) throw missing()
      await ensurePinyin() // a member's row carries its search text too
      await putMergeable<Person, LocalPerson>({
        db, name: 'person.put', table: db.persons, schema: Person, id: c.recordId, gridId: c.gridId, fields, toLocal: (p) => toLocalPerson(p),
      })
      return
    }
    case 'assessment': {
      if (!(await db.assessments.get(c.recordId))) throw missing()
      await putMergeable<Assessment, Assessment>({
        db, name: 'assessment.put', table: db.assessments, schema: Assessment, id: c.recordId, gridId: c.gridId, fields, toLocal: (a) => a,
      })
      return
    }
    case 'communitySettings':
      if (!(await db.communitySettings.get(c.recordId))) throw missing()
      await saveCommunitySettings(db, c.recordId, fields)
      return
    default:
      throw new RecordValidationError([{ path: 'kind', message: `conflicts of ${c.kind} records are not resolved by choice` }])
  }
}
