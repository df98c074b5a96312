import { v7 as uuidv7 } from 'uuid'
import { Household, KEY_GROUPS, type HouseholdFields, type KeyGroup } from '@/shared'
import type { GridSisterDb, LocalHousehold } from '@/db/db'
import { toLocalHousehold } from '@/db/derive'
import { deleteMergeable, putMergeable } from '@/db/mergeable-repository'
import { normalizePhone, type AssessmentResultLike } from '@/shared/rules'

/** Households of the device: writes through the outbox (derived columns: src/db/households-derived-repository.ts). */

export interface SaveHouseholdInput {
  /** Absent for a new household. */
  id?: string
  gridId: string
  fields: Partial<HouseholdFields>
  /** The needs assessment whose result `fields` are (its care-level write: rules/care-level.ts). */
  assessment?: AssessmentResultLike
}

/** A new household's fields before the worker fills them in. */
export function emptyHouseholdFields(): HouseholdFields {
  return {
    headName: '',
    address: { estate: '', building: '', unit: '', door: '' },
    phone: '',
    keyGroups: [],
    careLevel: 0,
    visitCadenceDays: null,
    notes: '',
  }
}

/** Creates or edits a household; throws RecordValidationError and saves nothing when invalid. */
export function saveHousehold(db: GridSisterDb, input: SaveHouseholdInput): Promise<Household> {
  const isNew = !input.id
  const given = isNew ? { ...emptyHouseholdFields(), ...input.fields } : input.fields
  // Stored in one spelling, so search and dialling see the same number however it was typed.
  const fields = given.phone === undefined ? given : { ...given, phone: normalizePhone(given.phone) }
  return putMergeable<Household, LocalHousehold>({
    db,
    name: 'household.put',
    table: db.households,
    schema: Household,
    id: input.id ?? uuidv7(),
    gridId: input.gridId,
    fields,
    toLocal: (h, prev) => toLocalHousehold(h, prev ?? {}),
    assessment: input.assessment,
  })
}

/** Deletes a household (a tombstone the server keeps). */
export function deleteHousehold(db: GridSisterDb, id: string): Promise<void> {
  return deleteMergeable(db, 'household.delete', db.households, id)
}

/**
 * Keeps `household.keyGroups` equal to the union of its live members' flags. When it
 * changes, a `household.put` is queued (inside the caller's transaction, if any).
 */
export async function syncHouseholdKeyGroups(db: GridSisterDb, householdId: string): Promise<void> {
  const h = await db.households.get(householdId)
  if (!h) return
  const persons = await db.persons.where('householdId').equals(householdId).toArray()
  const union = new Set<KeyGroup>(persons.filter((p) => !p.deleted).flatMap((p) => p.keyGroups))
  const keyGroups = KEY_GROUPS.filter((g) => union.has(g))
  await saveHousehold(db, { id: h.id, gridId: h.gridId, fields: { keyGroups } })
}

