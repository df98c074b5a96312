import dayjs from 'dayjs/esm'
import 'dayjs/esm/locale/zh-cn'
import type { AppLocale } from './index'

/**
 * The one way a date is written on every screen, worker's and supervisor's alike:
 * 12月7日 this year, 2026年12月7日 another year (English: 7 Dec / 7 Dec 2026), a time
 * as 14:05 after it, in the phone's own time zone (a phone in China is on China time).
 * Screens call these through useFormat; spreadsheets and CSV keep ISO dates, which a
 * spreadsheet can sort.
 */

// dayjs rather than Intl.DateTimeFormat: the first Intl format of a start loads the
// browser's ICU locale data on the main thread, in the task that draws Today; dayjs
// formats from its locale's small tables.
const PATTERNS = {
  zh: { day: 'M月D日', dayYear: 'YYYY年M月D日', time: ' HH:mm', long: 'M月D日dddd', month: 'YYYY年M月', locale: 'zh-cn' },
  // The British order with dayjs's built-in English names (en-gb's tables are the same).
  en: { day: 'D MMM', dayYear: 'D MMM YYYY', time: ', HH:mm', long: 'dddd D MMMM', month: 'MMM YYYY', locale: 'en' },
} as const

const patterns = (locale: AppLocale) => PATTERNS[locale === 'en' ? 'en' : 'zh']

// A bare date ('2026-05-03') is that day in local time, like the rest of the app.
const parse = (iso: string) => dayjs(iso.length === 10 ? `${iso}T00:00:00` : iso)

function dayPattern(d: dayjs.Dayjs, locale: AppLocale, now: Date): string {
  return d.year() === now.getFullYear() ? patterns(locale).day : patterns(locale).dayYear
}

/** '12月7日' (this year) or '2026年12月7日'; '' for no date. */
export function formatDate(iso: string | null | undefined, locale: AppLocale, now: Date = new Date()): string {
  if (!iso) return ''
  const d = parse(iso).locale(patterns(locale).locale)
  return d.isValid() ? d.format(dayPattern(d, locale, now)) : ''
}

/** '12月7日 14:05' (this year) or '2026年12月7日 14:05'; '' for no date. */
export function formatDateTime(iso: string | null | undefined, locale: AppLocale, now: Date = new Date()): string {
  if (!iso) return ''
  const d = parse(iso).locale(patterns(locale).locale)
  return d.isValid() ? d.format(dayPattern(d, locale, now) + patterns(locale).time) : ''
}

/** '12月7日星期一', for the Today header. */
export function formatLongDate(d: Date, locale: AppLocale): string {
  return dayjs(d).locale(patterns(locale).locale).format(patterns(locale).long)
}

/** A report month ('2026-12') as '2026年12月' / 'Dec 2026'. */
export function formatMonth(month: string, locale: AppLocale): string {
  const d = dayjs(`${month}-01T00:00:00`)
  return d.isValid() ? d.locale(patterns(locale).locale).format(patterns(locale).month) : month
}
