import { describe, expect, it } from 'vitest'
import { compareText, newestFirst } from '@/db/order'

describe('order', () => {
  it('orders ISO timestamps as time, missing ones first (oldest)', () => {
    const at = ['2026-05-03T09:00:00.000Z', null, '2025-12-31T23:59:59.999Z', '2026-05-03T08:59:59.999Z']
    expect([...at].sort(compareText)).toEqual([null, '2025-12-31T23:59:59.999Z', '2026-05-03T08:59:59.999Z', '2026-05-03T09:00:00.000Z'])
  })

  it('sorts rows newest first, rows without a time last', () => {
    const rows = [{ at: '2026-01-02' }, { at: undefined }, { at: '2026-03-01' }, { at: '2026-01-02' }]
    expect(rows.sort(newestFirst((r) => r.at)).map((r) => r.at)).toEqual(['2026-03-01', '2026-01-02', '2026-01-02', undefined])
  })
})
