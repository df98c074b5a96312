import { beforeEach, describe, expect, it } from 'vitest'
import { toLocalPerson } from '@/db/derive'
import { RecordValidationError } from '@/db/outbox-repository'
import PersonEditPage from '@/features/persons/PersonEditPage.vue'
import { savePerson } from '@/features/persons/persons-repository'
import { projectRecord, type Person } from '@/shared'
import { personFields, seedHousehold } from '../../../helpers/app/factories'
import { setupApp, until, type TestApp } from '../../../helpers/app/mount-page'

/**
 * A supervisor's device holds ID numbers and phones masked (field-catalogue.ts): her
 * edits of a member must never write a masked value, so it can never reach the server
 * over the real one.
 */
describe('a member held masked on this device', () => {
  let app: TestApp
  let masked: Person
  beforeEach(async () => {
    app = await setupApp()
    const h = await seedHousehold(app.db)
    // A valid number (GB 11643) of the factory's member: born 1950-06-01, a woman.
    const full = await savePerson(app.db, { householdId: h.id, fields: personFields(h.id, { idNumber: '430102195006011220', phone: '13912345678' }) })
    await app.db.outbox.clear()
    // As the supervisor's pull stores it.
    masked = projectRecord('person', full, 'supervisor')
    await app.db.persons.put(toLocalPerson(masked))
  })

  it('saves an edit of another field without the masked numbers in its patch', async () => {
    const { id, householdId, hlc: _h, gridId: _g, deleted: _d, createdAt: _c, updatedAt: _u, ...fields } = masked
    await savePerson(app.db, { id, householdId, fields: { ...fields, notes: '已核实' } })
    const [row] = await app.db.outbox.toArray()
    if (row?.mutation.name !== 'person.put') throw new Error('expected one person.put')
    expect(row.mutation.args.patch).toEqual({ notes: '已核实' })
    expect((await app.db.persons.get(id))?.idNumber).toBe('4301**********1220')
  })

  it('refuses a masked value typed as a new number and writes nothing', async () => {
    await expect(savePerson(app.db, { id: masked.id, householdId: masked.householdId, fields: { idNumber: '4301**********9999' } }))
      .rejects.toBeInstanceOf(RecordValidationError)
    expect(await app.db.outbox.count()).toBe(0)
    expect((await app.db.persons.get(masked.id))?.idNumber).toBe('4301**********1220')
  })

  it('shows the masked numbers read-only on the edit page', async () => {
    const w = await app.mountPage(PersonEditPage, { path: `/persons/${masked.id}/edit`, props: { id: masked.id } })
    await until(() => expect(w.find<HTMLInputElement>('input[name="idNumber"]').element.value).toBe('4301**********1220'))
    expect(w.find('input[name="idNumber"]').attributes('readonly')).toBeDefined()
    expect(w.find('input[name="phone"]').attributes('readonly')).toBeDefined()
    expect(w.text()).toContain('已遮挡')
    w.unmount()
  })
})
