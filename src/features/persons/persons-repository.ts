import { v7 as uuidv7 } from 'uuid'
import { Person, type PersonFields } from '@/shared'
import type { GridSisterDb, LocalPerson } from '@/db/db'
import { ensurePinyin, toLocalPerson } from '@/db/derive'
import { RecordValidationError } from '@/db/outbox-repository'
import { deleteMergeable, putMergeable, whenOpen } from '@/db/mergeable-repository'
import { syncHouseholdKeyGroups } from '@/features/households/households-repository'
import { normalizePhone } from '@/shared/rules'

/** Members of households. A member's key-group flags also flag the household. */


export interface SavePersonInput {
  id?: string
  householdId: string
  fields: Partial<Omit<PersonFields, 'householdId'>>
}

export function emptyPersonFields(householdId: string): PersonFields {
  return {
    householdId,
    name: '',
    sex: 'F',
    birthDate: null,
    relation: 'self',
    phone: '',
    idNumber: '',
    keyGroups: [],
    notes: '',
  }
}

/** One spelling of phone and ID number (an X typed as x), whatever was typed. */
function normalizedPerson<T extends Partial<Pick<PersonFields, 'phone' | 'idNumber'>>>(f: T): T {
  const out = { ...f }
  if (out.phone !== undefined) out.phone = normalizePhone(out.phone)
  if (out.idNumber !== undefined) out.idNumber = out.idNumber.trim().toUpperCase()
  return out
}

/**
 * Creates or edits a member and, in the same transaction, updates the household's
 * key groups (union of its members' flags). Invalid input saves nothing.
 */
export async function savePerson(db: GridSisterDb, input: SavePersonInput): Promise<Person> {
  // The household's key groups may change, which rewrites its search text: the
  // dictionary must be there before the transaction (it cannot await a download).
  await Promise.all([whenOpen(db), ensurePinyin()])
  return db.transaction('rw', [db.persons, db.households, db.outbox, db.meta], async () => {
    const household = await db.households.get(input.householdId)
    if (!household || household.deleted) {
      throw new RecordValidationError([{ path: 'householdId', message: 'household not found' }])
    }
    const given = input.id ? input.fields : { ...emptyPersonFields(input.householdId), ...input.fields }
    const fields = normalizedPerson(given)
    const saved = await putMergeable<Person, LocalPerson>({
      db,
      name: 'person.put',
      table: db.persons,
      schema: Person,
      id: input.id ?? uuidv7(),
      gridId: household.gridId,
      fields,
      toLocal: (p) => toLocalPerson(p),
    })
    await syncHouseholdKeyGroups(db, input.householdId)
    return saved
  })
}

/** Removes a member (tombstone) and updates the household's key groups. */
export async function deletePerson(db: GridSisterDb, id: string): Promise<void> {
  await Promise.all([whenOpen(db), ensurePinyin()])
  return db.transaction('rw', [db.persons, db.households, db.outbox, db.meta], async () => {
    let householdId = ''
    await deleteMergeable<Person, LocalPerson>(db, 'person.delete', db.persons, id, async (p) => {
      householdId = p.householdId
    })
    await syncHouseholdKeyGroups(db, householdId)
  })
}

