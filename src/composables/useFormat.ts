import { useI18n } from 'vue-i18n'
import { formatDate, formatDateTime, formatLongDate, formatMonth } from '@/i18n/date-format'

/** Dates for screens in the current language, all written by src/i18n/date-format.ts. */
export interface UseFormat {
  /** '12月7日' / '7 Dec' (with the year when not the current one). */
  date: (iso: string | null | undefined) => string
  /** '12月7日 14:05' / '7 Dec, 14:05'. */
  dateTime: (iso: string | null | undefined) => string
  /** '12月7日星期一' / 'Monday 7 December', for the Today header. */
  longDate: (d: Date) => string
  /** '2026年12月' / 'Dec 2026', for a report month ('2026-12'). */
  month: (month: string) => string
}

export function useFormat(): UseFormat {
  const { locale } = useI18n()
  const lang = () => (locale.value === 'en' ? 'en' : 'zh-CN')
  return {
    date: (iso) => formatDate(iso, lang()),
    dateTime: (iso) => formatDateTime(iso, lang()),
    longDate: (d) => formatLongDate(d, lang()),
    month: (m) => formatMonth(m, lang()),
  }
}
