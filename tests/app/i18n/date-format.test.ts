import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'
import { formatDate, formatDateTime, formatLongDate, formatMonth } from '@/i18n/date-format'

/**
 * Dates written one way (issue 18): 12月7日 this year, 2026年12月7日 another year, on the
 * worker's and the supervisor's screens alike, all through src/i18n/date-format.ts.
 */

const ROOT = join(import.meta.dirname, '../../../src')
const NOW = new Date(2026, 11, 7, 9, 30)

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return sources(path)
    return /\.(vue|ts)$/.test(name) ? [path] : []
  })
}

/** Ways of writing a date for a person that bypass the one formatter. */
const OWN_FORMATTING = [
  /toLocale(Date|Time)?String\(/,
  /Intl\.DateTimeFormat/,
  /from 'dayjs/,
  /getMonth\(\) \+ 1\}月/,
  /\bcnDate(Time)?\(/,
]
/** Files that write dates for machines, not people: ISO dates in spreadsheets and the report months' keys. */
const MACHINE_DATES = new Set(['i18n/date-format.ts', 'features/supervisor/reports/export-tables.ts', 'features/supervisor/reports/report-time.ts'])

describe('date-format', () => {
  it('writes a date of this year without the year, another year with it', () => {
    expect(formatDate('2026-12-07', 'zh-CN', NOW)).toBe('12月7日')
    expect(formatDate('2025-12-07', 'zh-CN', NOW)).toBe('2025年12月7日')
    expect(formatDate('2026-12-07', 'en', NOW)).toBe('7 Dec')
    expect(formatDate('2027-01-02', 'en', NOW)).toBe('2 Jan 2027')
  })

  it('writes a time after the date, and a month and a long date the same way', () => {
    expect(formatDateTime(new Date(2026, 11, 7, 14, 5).toISOString(), 'zh-CN', NOW)).toBe('12月7日 14:05')
    expect(formatDateTime(new Date(2024, 0, 3, 8, 0).toISOString(), 'zh-CN', NOW)).toBe('2024年1月3日 08:00')
    expect(formatMonth('2026-12', 'zh-CN')).toBe('2026年12月')
    expect(formatMonth('2026-12', 'en')).toBe('Dec 2026')
    expect(formatLongDate(NOW, 'zh-CN')).toBe('12月7日星期一')
  })

  it('leaves nothing for no date or a broken one', () => {
    expect(formatDate(null, 'zh-CN', NOW)).toBe('')
    expect(formatDateTime('', 'zh-CN', NOW)).toBe('')
    expect(formatDate('not a date', 'zh-CN', NOW)).toBe('')
  })

  it('is the only formatter on the screens: no screen writes a date its own way', () => {
    const offenders = sources(ROOT)
      .map((path) => ({ file: relative(ROOT, path).replaceAll('\\', '/'), text: readFileSync(path, 'utf8') }))
      .filter(({ file }) => !MACHINE_DATES.has(file))
      .flatMap(({ file, text }) => OWN_FORMATTING.filter((re) => re.test(text)).map((re) => `${file}: ${re}`))
    expect(offenders).toEqual([])
  })

  it('is what the supervisor screens call, as the worker screens do', () => {
    const supervisorDir = join(ROOT, 'features/supervisor')
    const screens = sources(supervisorDir).filter((p) => p.endsWith('.vue'))
    const writingDates = screens.filter((p) => /fmt\.(date|dateTime|month)\(/.test(readFileSync(p, 'utf8')))
    // Every supervisor screen that shows a date gets its formatter from useFormat.
    for (const path of writingDates) expect(readFileSync(path, 'utf8')).toContain("from '@/composables/useFormat'")
    expect(writingDates.length).toBeGreaterThanOrEqual(8)
  })
})
