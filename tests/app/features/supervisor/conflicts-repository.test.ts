import { describe, expect, it } from 'vitest'
import type { Conflict } from '@/shared'
import { RecordValidationError } from '@/db/outbox-repository'
import { restoreLosingValue } from '@/features/supervisor/conflicts-repository'
import { setupSupervisor } from './supervisor-kit'

const conflictOf = (over: Partial<Conflict> & Pick<Conflict, 'kind' | 'recordId' | 'gridId' | 'field'>): Conflict => ({
  id: '0190a000-0000-7000-8000-0000000000c1', winnerValue: 'x', winnerHlc: '001773000000000-00000-aa', loserValue: 'y',
  loserHlc: '001772000000000-00000-bb', loserUserId: null, createdAt: '2026-03-01T00:00:00.000Z', resolvedAt: null, ...over,
})

describe('restoreLosingValue', { timeout: 30_000 }, () => {
  it('writes the losing value as an ordinary household.put with a new HLC', async () => {
    const kit = await setupSupervisor({ households: 10 })
    const h = kit.demo.households[0]!
    // Notes, not the phone: a supervisor's device holds phones masked and never writes them.
    await restoreLosingValue(kit.db, conflictOf({ kind: 'household', recordId: h.id, gridId: h.gridId, field: 'notes', winnerValue: h.notes, loserValue: '老人耳背，要大声说话' }))
    const stored = await kit.db.households.get(h.id)
    expect(stored?.notes).toBe('老人耳背，要大声说话')
    const [row] = await kit.db.outbox.toArray()
    expect(row?.mutation).toMatchObject({ name: 'household.put', args: { id: h.id, patch: { notes: '老人耳背，要大声说话' }, base: { notes: h.hlc.notes ?? null } } })
    expect(stored?.hlc.notes).toBe(row?.mutation.hlc)
    expect(row!.mutation.hlc > (h.hlc.notes ?? '')).toBe(true)
  })

  it('refuses a record that is not on the device, and an invalid value, saving nothing', async () => {
    const kit = await setupSupervisor({ households: 10 })
    const h = kit.demo.households[0]!
    const before = await kit.db.households.get(h.id)
    await expect(restoreLosingValue(kit.db, conflictOf({ kind: 'household', recordId: '0190a000-0000-7000-8000-00000000dead', gridId: h.gridId, field: 'phone' })))
      .rejects.toBeInstanceOf(RecordValidationError)
    await expect(restoreLosingValue(kit.db, conflictOf({ kind: 'household', recordId: h.id, gridId: h.gridId, field: 'phone', loserValue: 'not a phone!' })))
      .rejects.toBeInstanceOf(RecordValidationError)
    expect(await kit.db.outbox.count()).toBe(0)
    expect(await kit.db.households.get(h.id)).toEqual(before)
  })
})
