import dayjs from 'dayjs/esm'
import 'dayjs/esm/locale/zh-cn'
import { useI18n } from 'vue-i18n'

/** Locale-aware date formatting for screens (dayjs, with its zh-cn locale). */
export interface UseFormat {
  /** '5月3日' / '3 May' (with the year when not the current one). */
  date: (iso: string | null | undefined) => string
  /** '5月3日 14:05' / '3 May, 14:05'. */
  dateTime: (iso: string | null | undefined) => string
  /** '5月3日星期日' / 'Sunday 3 May', for the Today header. */
  longDate: (d: Date) => string
}

// dayjs rather than Intl.DateTimeFormat: the first Intl format of a start loads the
// browser's ICU locale data on the main thread (≈ 25 ms on this machine, × 4 at
// Lighthouse's phone speed, in the task that draws Today), and building each formatter
// costs more than formatting with it. dayjs formats from its locale's tables.
const patterns = {
  zh: { day: 'M月D日', dayYear: 'YYYY年M月D日', time: ' HH:mm', long: 'M月D日dddd', locale: 'zh-cn' },
  // The British order with dayjs's built-in English names (en-gb's tables are the same).
  en: { day: 'D MMM', dayYear: 'D MMM YYYY', time: ', HH:mm', long: 'dddd D MMMM', locale: 'en' },
} as const

export function useFormat(): UseFormat {
  const { locale } = useI18n()
  const p = () => patterns[locale.value === 'en' ? 'en' : 'zh']
  const thisYear = () => new Date().getFullYear()
  const day = (d: dayjs.Dayjs) => (d.year() === thisYear() ? p().day : p().dayYear)

  function date(iso: string | null | undefined): string {
    if (!iso) return ''
    // A bare date ('2026-05-03') is that day in local time, like the rest of the app.
    const d = dayjs(iso.length === 10 ? `${iso}T00:00:00` : iso).locale(p().locale)
    return d.format(day(d))
  }

  function dateTime(iso: string | null | undefined): string {
    if (!iso) return ''
    const d = dayjs(iso).locale(p().locale)
    return d.format(day(d) + p().time)
  }

  function longDate(d: Date): string {
    return dayjs(d).locale(p().locale).format(p().long)
  }

  return { date, dateTime, longDate }
}
