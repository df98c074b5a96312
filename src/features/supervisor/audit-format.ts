import type { AuditItem } from '@/shared'

/**
 * How the 审计日志 page names actions and says what an entry touched. Pure, so the
 * page stays a template; unknown actions (added later) show as they are stored.
 */

/** The filter chips: an exact action, or a prefix ending in `-`. */
export const AUDIT_FILTERS = ['', 'record-view', 'record-reveal', 'record-export', 'grid-assign', 'user-disable', 'password-', 'login', 'login-failed'] as const

/** The i18n key of an action's name, or null when the dictionary has none. */
export function actionKey(action: string, known: (key: string) => boolean): string | null {
  const key = `supervisor.audit.action.${action}`
  return known(key) ? key : null
}

/** What the entry touched, in a few words: a person's name, a record, an address, a note. */
export function auditSubject(e: AuditItem, names: Record<string, string>, kindName: (kind: string) => string): string {
  const d = e.detail
  const str = (k: string) => (typeof d[k] === 'string' ? (d[k] as string) : '')
  const parts: string[] = []
  const target = str('targetId')
  if (target) parts.push(names[target] ?? target.slice(0, 8))
  if (str('recordKind')) parts.push(`${kindName(str('recordKind'))} ${str('recordId').slice(0, 8)}`.trim())
  if (str('detail')) parts.push(str('detail'))
  if (str('username') && !e.userId) parts.push(str('username'))
  if (str('gridId') && d.to !== undefined) parts.push(`→ ${names[String(d.to)] ?? '—'}`)
  if (str('ip')) parts.push(str('ip'))
  return parts.join(' · ')
}

/** ISO instant of `days` days before `now` (the time-range chips); undefined for all time. */
export function sinceDays(now: number, days: number | null): string | undefined {
  return days === null ? undefined : new Date(now - days * 24 * 3600 * 1000).toISOString()
}
