import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { useFormat } from '@/composables/useFormat'
import { i18n, loadLocaleMessages, type AppLocale } from '@/i18n'
import { withI18n } from '../../helpers/app/with-i18n'

const formatIn = (locale: AppLocale) => withI18n(useFormat, locale)

describe('useFormat', () => {
  beforeEach(async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(new Date(2026, 11, 2, 9, 30))
    await loadLocaleMessages('en')
  })
  afterEach(() => {
    vi.useRealTimers()
    i18n.global.locale.value = 'zh-CN'
  })

  it('writes dates the Chinese way, with the year only when it is not this one', () => {
    const f = formatIn('zh-CN')
    expect(f.date('2026-05-03')).toBe('5月3日')
    expect(f.date('2025-05-03')).toBe('2025年5月3日')
    expect(f.dateTime(new Date(2026, 4, 3, 9, 5).toISOString())).toBe('5月3日 09:05')
    expect(f.dateTime(new Date(2025, 11, 31, 23, 59).toISOString())).toBe('2025年12月31日 23:59')
    expect(f.longDate(new Date(2026, 11, 2))).toBe('12月2日星期三')
    expect(f.longDate(new Date(2026, 4, 3))).toBe('5月3日星期日')
  })

  it('writes them the British way in English', () => {
    const f = formatIn('en')
    expect(f.date('2026-05-03')).toBe('3 May')
    expect(f.date('2025-09-03')).toBe('3 Sep 2025')
    expect(f.dateTime(new Date(2026, 4, 3, 14, 5).toISOString())).toBe('3 May, 14:05')
    expect(f.longDate(new Date(2026, 11, 2))).toBe('Wednesday 2 December')
  })

  it('reads a bare date as that day in local time, and leaves nothing for nothing', () => {
    const f = formatIn('zh-CN')
    // Not the UTC midnight a Date would make of '2026-01-01', the day before west of UTC.
    expect(f.date('2026-01-01')).toBe('1月1日')
    expect(f.date(null)).toBe('')
    expect(f.dateTime(undefined)).toBe('')
  })
})
