import { beforeEach, describe, expect, it, vi } from 'vitest'
import { GRID_ID, makeDb } from '../../../helpers/app/factories'
import { serverHousehold } from '../../sync/sync-test-kit'

type Derive = typeof import('@/db/derive')
type Repair = typeof import('@/features/households/search-text-repository')

// A fresh module graph per test: the setup file loaded the dictionary into its own copy
// of derive.ts, these tests start from a phone that has not loaded it yet.
let derive: Derive
let repair: Repair
beforeEach(async () => {
  vi.resetModules()
  derive = await import('@/db/derive')
  repair = await import('@/features/households/search-text-repository')
})

describe('search text before the pinyin dictionary is loaded', () => {
  it('keeps the characters, marks the row and tells the listeners', () => {
    const told = vi.fn()
    const stop = derive.onSearchTextDegraded(told)
    const row = derive.toLocalHousehold(serverHousehold({ headName: '赵建国', phone: '13900002222' }))
    stop()
    expect(derive.pinyinReady()).toBe(false)
    expect(derive.isDegraded(row.searchText)).toBe(true)
    expect(row.searchText).toContain('赵建国')
    expect(row.searchText).toContain('13900002222')
    expect(row.searchText).not.toContain('zjg')
    expect(told).toHaveBeenCalledTimes(1)
  })

  it('computes the exact text once ensurePinyin() resolved', async () => {
    await derive.ensurePinyin()
    const row = derive.toLocalHousehold(serverHousehold({ headName: '赵建国' }))
    expect(derive.isDegraded(row.searchText)).toBe(false)
    expect(row.searchText).toContain('zhaojianguo')
    expect(row.searchText).toContain('zjg')
  })
})

describe('repairSearchText', () => {
  it('rewrites only the degraded rows, with their pinyin, and keeps every other column', async () => {
    const db = makeDb()
    const degraded = derive.toLocalHousehold(serverHousehold({ headName: '赵建国' }), { lastVisitAt: '2026-05-01T08:00:00.000Z', openWishes: 2 })
    await derive.ensurePinyin()
    const exact = derive.toLocalHousehold(serverHousehold({ headName: '王秀英', gridId: GRID_ID }))
    await db.households.bulkPut([degraded, exact])

    expect(await repair.repairSearchText(db)).toBe(1)
    const fixed = await db.households.get(degraded.id)
    expect(fixed).toEqual({ ...degraded, searchText: expect.stringContaining('zjg') as string })
    expect(derive.isDegraded(fixed!.searchText)).toBe(false)
    expect(await db.households.get(exact.id)).toEqual(exact)
    expect(await repair.repairSearchText(db)).toBe(0)
  })

  it('writes nothing when the dictionary cannot be loaded', async () => {
    const db = makeDb()
    const degraded = derive.toLocalHousehold(serverHousehold())
    await db.households.put(degraded)
    vi.doMock('pinyin-pro', () => {
      throw new Error('chunk failed to load')
    })
    vi.resetModules()
    const offline = await import('@/features/households/search-text-repository')
    await expect(offline.repairSearchText(db)).rejects.toThrow()
    expect(await db.households.get(degraded.id)).toEqual(degraded)
    vi.doUnmock('pinyin-pro')
  })
})
