import { describe, expect, it } from 'vitest'
import { festivalLunarToSolar, loadLunarToSolar, tableCovers, tableLunarToSolar } from '@/features/today/lunar-calendar'
import { festivalDates } from '@/features/today/today-rules'

describe('lunar-calendar', () => {
  it('gives the same 春节, 元宵, 端午, 中秋 and 重阳 dates as lunar-javascript for every year 2000–2100', async () => {
    const library = await loadLunarToSolar()
    for (let year = 2000; year <= 2100; year += 1) {
      expect(festivalDates(year, festivalLunarToSolar)).toEqual(festivalDates(year, library))
    }
  })

  it('knows well-known dates (2024: 春节 10 Feb, 元宵 24 Feb, 端午 10 June, 中秋 17 Sept, 重阳 11 Oct)', () => {
    expect(tableLunarToSolar(2024, 1, 1)).toBe('2024-02-10')
    expect(tableLunarToSolar(2024, 1, 15)).toBe('2024-02-24')
    expect(tableLunarToSolar(2024, 5, 5)).toBe('2024-06-10')
    expect(tableLunarToSolar(2024, 8, 15)).toBe('2024-09-17')
    expect(tableLunarToSolar(2024, 9, 9)).toBe('2024-10-11')
  })

  it('answers null outside its years and for other lunar dates, and the converter throws there', () => {
    expect(tableLunarToSolar(1999, 5, 5)).toBeNull()
    expect(tableLunarToSolar(2101, 8, 15)).toBeNull()
    expect(tableLunarToSolar(2026, 7, 7)).toBeNull()
    expect(() => festivalLunarToSolar(2101, 5, 5)).toThrow(RangeError)
    expect(tableCovers([2026, 2027])).toBe(true)
    expect(tableCovers([2100, 2101])).toBe(false)
  })
})
