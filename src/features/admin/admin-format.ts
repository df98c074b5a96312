import { formatDateTime } from '@/i18n/date-format'
import { i18n } from '@/i18n'
import type { HttpFailure } from '@/sync/http'

type Translate = (key: string, values?: Record<string, unknown>) => string

/** A failed console call as the admin reads it: "needs a connection" or the server's own (Chinese) message. */
export function failureText(t: Translate, f: HttpFailure): string {
  if (f.kind === 'network') return t('admin.common.offline')
  // The older admin endpoints answer in English; the console says these in Chinese.
  if (f.kind === 'refused' && f.code === 'conflict') return t('admin.common.taken')
  if (f.kind === 'refused' && f.code === 'bad-request' && !/[\u4e00-\u9fff]/.test(f.message)) return t('admin.common.badInput')
  return t('admin.common.error', { message: f.message })
}

/** A server time (ISO) as the screens write it (src/i18n/date-format.ts), minutes precision. */
export function dateTime(iso: string): string {
  return formatDateTime(iso, i18n.global.locale.value === 'en' ? 'en' : 'zh-CN')
}

/** Words of a free-text list ("1栋，2栋 3栋" → ["1栋", "2栋", "3栋"]), blanks and repeats dropped. */
export function words(text: string): string[] {
  return [...new Set(text.split(/[\s,，、;；]+/).map((w) => w.trim()).filter(Boolean))]
}
