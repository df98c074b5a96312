import { NEEDS_TEMPLATE, findTemplate, type Assessment, type Household, type Person, type Visit, type Wish } from '@/shared'
import type { Translate } from './reports/export-tables'
import { formatDate, formatDateTime } from '@/i18n/date-format'
import { addressOf } from './format'

/**
 * What the review screen shows of a record, as label/value lines, so the page stays a
 * thin renderer and the wording is tested once. Values are display strings.
 */

export interface DetailLine {
  field: string
  label: string
  value: string
}

export interface FormatContext {
  t: Translate
  locale: 'zh-CN' | 'en'
}

/** Formats one field's value for display (shared by the record view and the diff). */
export function formatField(field: string, value: unknown, c: FormatContext): string {
  const { t } = c
  if (value === null || value === undefined || value === '') return '—'
  switch (field) {
    case 'visitedAt': case 'assessedAt': case 'createdAt': case 'updatedAt': case 'claimedAt':
      return formatDateTime(String(value), c.locale)
    case 'nextVisitOn': case 'birthDate':
      return formatDate(String(value), c.locale)
    case 'method':
      return t(`supervisor.method.${String(value)}`)
    case 'outcome':
      return t(`supervisor.outcome.${String(value)}`)
    case 'policies':
      return (value as string[]).map((p) => t(`supervisor.policy.${p}`)).join('、') || '—'
    case 'keyGroups':
      return (value as string[]).map((g) => t(`supervisor.keyGroup.${g}`)).join('、') || '—'
    case 'careLevel':
      return t(`supervisor.level.${Number(value)}`)
    case 'careLevelChange': {
      const { from, to } = value as { from: number; to: number }
      return t('supervisor.careLevelChange', { from: t(`supervisor.level.${from}`), to: t(`supervisor.level.${to}`) })
    }
    case 'category':
      return t(`supervisor.category.${String(value)}`)
    case 'state':
      return t(`supervisor.wishState.${String(value)}`)
    case 'photos':
      return String((value as unknown[]).length)
    case 'address':
      return addressOf({ address: value as Household['address'] }) || '—'
    case 'claimedBy':
      return (value as { name: string }).name
    case 'fulfilment': {
      const f = value as NonNullable<Wish['fulfilment']>
      return `${formatDate(f.date, c.locale)} ${f.whatWasDone}${f.feedback ? `（${f.feedback}）` : ''}`
    }
    case 'templateId':
      return findTemplate(String(value))?.name[c.locale === 'en' ? 'en' : 'zh'] ?? String(value)
    case 'deleted':
      return value ? t('supervisor.export.yes') : '—'
    // The community settings' lists (a conflict between two of its supervisors).
    case 'dates':
      return (value as { name: string }[]).map((d) => d.name).join('、') || '—'
    default:
      if (Array.isArray(value)) return value.join('、') || '—'
      return typeof value === 'object' ? JSON.stringify(value) : String(value)
  }
}

const line = (field: string, value: unknown, c: FormatContext): DetailLine => ({
  field, label: c.t(`supervisor.field.${field}`), value: formatField(field, value, c),
})

export function visitLines(v: Visit, c: FormatContext): DetailLine[] {
  // A visit stored before outcomes existed was a contact (rules/visits.ts): it shows as one.
  const shown = { ...v, outcome: v.outcome ?? 'met' }
  return (['visitedAt', 'visitorName', 'method', 'outcome', 'seen', 'asked', 'done', 'policies', 'nextVisitOn'] as const).map((f) => line(f, shown[f], c))
}

export function householdLines(h: Household, c: FormatContext): DetailLine[] {
  return (['headName', 'address', 'phone', 'keyGroups', 'careLevel', 'visitCadenceDays', 'notes'] as const).map((f) => line(f, h[f], c))
}

export function wishLines(w: Wish, c: FormatContext): DetailLine[] {
  return (['title', 'detail', 'category', 'state', 'claimedBy', 'fulfilment', 'closedReason'] as const).map((f) => line(f, w[f], c))
}

/** Assessment lines: template, time, then one line per answered domain (level and notes). */
export function assessmentLines(a: Assessment, c: FormatContext): DetailLine[] {
  const tpl = findTemplate(a.templateId) ?? NEEDS_TEMPLATE
  const lang = c.locale === 'en' ? 'en' : 'zh'
  // The care level it set on the household is decided with it: shown as the change.
  const change = a.careLevelChange && a.careLevelChange.from !== a.careLevelChange.to ? a.careLevelChange : null
  const level = change ? { ...line('careLevel', a.careLevel, c), value: formatField('careLevelChange', change, c) } : line('careLevel', a.careLevel, c)
  const head = [line('templateId', a.templateId, c), line('assessedAt', a.assessedAt, c), level]
  const domains = tpl.domains.map((d) => {
    const ans = a.answers[d.key]
    const level = tpl.levels[ans?.level ?? 0]?.[lang] ?? ''
    const extra = Object.values(ans?.extra ?? {}).filter(Boolean).join('，')
    return { field: `answers.${d.key}`, label: d.label[lang], value: [level, ans?.notes, extra].filter(Boolean).join(' · ') }
  })
  return [...head, ...domains]
}

/** A member's line: name, then sex, birth date and key groups. */
export function personLine(p: Person, c: FormatContext): DetailLine {
  const groups = p.keyGroups.map((g) => c.t(`supervisor.keyGroup.${g}`)).join('、')
  return { field: `person.${p.id}`, label: p.name, value: [c.t(`supervisor.sex.${p.sex}`), formatDate(p.birthDate, c.locale), groups].filter(Boolean).join(' · ') }
}
