import { beforeEach, describe, expect, it } from 'vitest'
import type { GridSisterDb } from '@/db/db'
import { RecordValidationError } from '@/db/outbox-repository'
import { deleteHousehold, saveHousehold } from '@/features/households/households-repository'
import { listHouseholds, listKeyHouseholds } from '@/features/households/households-read-repository'
import { GRID_ID, householdFields, makeDb, seedHousehold } from '../../../helpers/app/factories'

describe('households-repository', () => {
  let db: GridSisterDb
  beforeEach(() => {
    db = makeDb()
  })

  it('writes a new household and its household.put mutation together', async () => {
    const h = await saveHousehold(db, { gridId: GRID_ID, fields: householdFields() })
    const row = await db.households.get(h.id)
    expect(row?.headName).toBe('王秀英')
    expect(row?.searchText).toContain('wxy')
    const outbox = await db.outbox.toArray()
    expect(outbox).toHaveLength(1)
    const m = outbox[0]!.mutation
    expect(m.name).toBe('household.put')
    if (m.name !== 'household.put') return
    expect(m.args.patch.headName).toBe('王秀英')
    expect(m.args.base.headName).toBeNull()
    expect(row?.hlc.headName).toBe(m.hlc)
  })

  it('patches only the changed fields, with the HLC the device had seen as base', async () => {
    const h = await saveHousehold(db, { gridId: GRID_ID, fields: householdFields() })
    const firstHlc = h.hlc.phone
    const edited = await saveHousehold(db, { id: h.id, gridId: GRID_ID, fields: { ...householdFields(), phone: '13900002222' } })
    const rows = await db.outbox.orderBy('seq').toArray()
    expect(rows).toHaveLength(2)
    const m = rows[1]!.mutation
    if (m.name !== 'household.put') throw new Error('wrong mutation')
    expect(Object.keys(m.args.patch)).toEqual(['phone'])
    expect(m.args.base).toEqual({ phone: firstHlc })
    expect(edited.hlc.phone).toBe(m.hlc)
    expect(edited.hlc.headName).toBe(h.hlc.headName)
  })

  it('writes nothing when a save changes nothing', async () => {
    const h = await saveHousehold(db, { gridId: GRID_ID, fields: householdFields() })
    await saveHousehold(db, { id: h.id, gridId: GRID_ID, fields: householdFields() })
    expect(await db.outbox.count()).toBe(1)
  })

  it('throws RecordValidationError and saves nothing for an empty name or a bad phone', async () => {
    const bad = saveHousehold(db, { gridId: GRID_ID, fields: householdFields({ headName: ' ', phone: 'abc' }) })
    await expect(bad).rejects.toBeInstanceOf(RecordValidationError)
    const err = (await bad.catch((e: unknown) => e)) as RecordValidationError
    expect(err.issues.map((i) => i.path).sort()).toEqual(['headName', 'phone'])
    expect(await db.households.count()).toBe(0)
    expect(await db.outbox.count()).toBe(0)
  })

  it('keeps derived columns (last visit, open wishes) when a household is edited', async () => {
    const h = await seedHousehold(db)
    await db.households.update(h.id, { lastVisitAt: '2026-01-02T03:04:05.000Z', openWishes: 2 })
    await saveHousehold(db, { id: h.id, gridId: GRID_ID, fields: { notes: '新备注' } })
    const row = await db.households.get(h.id)
    expect(row).toMatchObject({ lastVisitAt: '2026-01-02T03:04:05.000Z', openWishes: 2, notes: '新备注' })
  })

  it('lists key households by flag and hides tombstoned ones', async () => {
    const plain = await seedHousehold(db)
    const key = await seedHousehold(db, { headName: '赵大爷' }, [{ name: '赵大爷', keyGroups: ['elderly-alone'] }])
    expect((await listKeyHouseholds(db)).map((h) => h.id)).toEqual([key.id])
    await deleteHousehold(db, plain.id)
    expect((await listHouseholds(db)).map((h) => h.id)).toEqual([key.id])
    const last = (await db.outbox.orderBy('seq').last())!.mutation
    expect(last.name).toBe('household.delete')
  })
})
