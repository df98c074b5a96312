import { describe, expect, it } from 'vitest'
import { festivalLunarToSolar, loadLunarToSolar, tableCovers, tableLunarToSolar } from '@/features/today/lunar-calendar'
import { festivalDates } from '@/features/today/today-rules'

describe('lunar-calendar', () => {
  it('gives the same 端午 and 中秋 dates as lunar-javascript for every year 2000–2100', async () => {
    const library = await loadLunarToSolar()
    for (let year = 2000; year <= 2100; year += 1) {
      expect(festivalDates(year, festivalLunarToSolar)).toEqual(festivalDates(year, library))
    }
  })

  it('knows well-known dates (2024: 10 June and 17 September)', () => {
    expect(tableLunarToSolar(2024, 5, 5)).toBe('2024-06-10')
    expect(tableLunarToSolar(2024, 8, 15)).toBe('2024-09-17')
  })

  it('answers null outside its years and for other lunar dates, and the converter throws there', () => {
    expect(tableLunarToSolar(1999, 5, 5)).toBeNull()
    expect(tableLunarToSolar(2101, 8, 15)).toBeNull()
    expect(tableLunarToSolar(2026, 1, 1)).toBeNull()
    expect(() => festivalLunarToSolar(2101, 5, 5)).toThrow(RangeError)
    expect(tableCovers([2026, 2027])).toBe(true)
    expect(tableCovers([2100, 2101])).toBe(false)
  })
})
