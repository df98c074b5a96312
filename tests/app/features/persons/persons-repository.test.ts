import { beforeEach, describe, expect, it } from 'vitest'
import type { GridSisterDb } from '@/db/db'
import { RecordValidationError } from '@/db/outbox-repository'
import { deletePerson, savePerson } from '@/features/persons/persons-repository'
import { keyPersonsBornOn, personsOfHousehold } from '@/features/persons/persons-read-repository'
import { makeDb, personFields, seedHousehold } from '../../../helpers/app/factories'

describe('persons-repository', () => {
  let db: GridSisterDb
  beforeEach(() => {
    db = makeDb()
  })

  it('writes the person, its birthday index and a person.put mutation', async () => {
    const h = await seedHousehold(db)
    const p = await savePerson(db, { householdId: h.id, fields: personFields(h.id, { birthDate: '1948-03-09' }) })
    expect((await db.persons.get(p.id))?.birthMonthDay).toBe('03-09')
    const names = (await db.outbox.orderBy('seq').toArray()).map((r) => r.mutation.name)
    expect(names).toEqual(['household.put', 'person.put'])
  })

  it("flags the household with the union of its members' key groups, in the same transaction", async () => {
    const h = await seedHousehold(db)
    await savePerson(db, { householdId: h.id, fields: personFields(h.id, { keyGroups: ['lost-only-child'] }) })
    const child = await savePerson(db, {
      householdId: h.id,
      fields: personFields(h.id, { name: '王小明', relation: 'grandchild', keyGroups: ['left-behind'] }),
    })
    expect((await db.households.get(h.id))?.keyGroups).toEqual(['left-behind', 'lost-only-child'])
    const last = (await db.outbox.orderBy('seq').last())!.mutation
    if (last.name !== 'household.put') throw new Error(`expected household.put, got ${last.name}`)
    expect(last.args.patch).toEqual({ keyGroups: ['left-behind', 'lost-only-child'] })
    await deletePerson(db, child.id)
    expect((await db.households.get(h.id))?.keyGroups).toEqual(['lost-only-child'])
    expect((await personsOfHousehold(db, h.id)).map((p) => p.name)).toEqual(['王秀英'])
  })

  it('saves nothing, not even the household flags, when the ID number is invalid', async () => {
    const h = await seedHousehold(db)
    const before = await db.outbox.count()
    const bad = savePerson(db, {
      householdId: h.id,
      fields: personFields(h.id, { idNumber: '123', keyGroups: ['disabled'] }),
    })
    await expect(bad).rejects.toBeInstanceOf(RecordValidationError)
    expect(await db.persons.count()).toBe(0)
    expect((await db.households.get(h.id))?.keyGroups).toEqual([])
    expect(await db.outbox.count()).toBe(before)
  })

  it('refuses a member of an unknown household', async () => {
    const id = '0190a000-0000-7000-8000-00000000ffff'
    await expect(savePerson(db, { householdId: id, fields: personFields(id) })).rejects.toBeInstanceOf(RecordValidationError)
  })

  it('finds key-group members born on given days, skipping unflagged ones', async () => {
    const h = await seedHousehold(db)
    await savePerson(db, { householdId: h.id, fields: personFields(h.id, { birthDate: '1950-06-01', keyGroups: ['disabled'] }) })
    await savePerson(db, { householdId: h.id, fields: personFields(h.id, { name: '路人', birthDate: '1980-06-01' }) })
    const found = await keyPersonsBornOn(db, ['06-01', '06-02'])
    expect(found.map((p) => p.name)).toEqual(['王秀英'])
  })
})
