import { useI18n } from 'vue-i18n'

/** Locale-aware date formatting for screens (Intl, no extra library). */
export interface UseFormat {
  /** '5月3日' / 'May 3' (with the year when not the current one). */
  date: (iso: string | null | undefined) => string
  /** '5月3日 14:05' / 'May 3, 14:05'. */
  dateTime: (iso: string | null | undefined) => string
  /** '5月3日星期日' / 'Sunday 3 May', for the Today header. */
  longDate: (d: Date) => string
}

// Building an Intl.DateTimeFormat costs far more than formatting with one (Today drew a
// list of dates a fifth of a second slower), so each language × options is built once.
const formatters = new Map<string, Intl.DateTimeFormat>()
function formatter(lang: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${lang} ${JSON.stringify(options)}`
  let f = formatters.get(key)
  if (!f) formatters.set(key, (f = new Intl.DateTimeFormat(lang, options)))
  return f
}

export function useFormat(): UseFormat {
  const { locale } = useI18n()
  const lang = () => (locale.value === 'en' ? 'en-GB' : 'zh-CN')
  const yearOf = (d: Date) => (d.getFullYear() === new Date().getFullYear() ? undefined : 'numeric')

  function date(iso: string | null | undefined): string {
    if (!iso) return ''
    const d = new Date(iso.length === 10 ? `${iso}T00:00:00` : iso)
    return formatter(lang(), { year: yearOf(d), month: 'short', day: 'numeric' }).format(d)
  }

  function dateTime(iso: string | null | undefined): string {
    if (!iso) return ''
    const d = new Date(iso)
    return formatter(lang(), {
      year: yearOf(d),
      month: 'short',
      day: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hour12: false,
    }).format(d)
  }

  function longDate(d: Date): string {
    return formatter(lang(), { month: 'long', day: 'numeric', weekday: 'long' }).format(d)
  }

  return { date, dateTime, longDate }
}
