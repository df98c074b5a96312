import { findTemplate } from '@/shared'
import type { ReviewItem } from './reports/review-queue'
import type { TriageReason } from './reports/triage'
import type { FormatContext } from './review-detail'

/**
 * How a queue item is named and summed up: an assessment by its template's name (a
 * courtyard score is 最美庭院评分, not 需求评估) and its score or care level, never a
 * raw template id.
 */

type Labelled = Pick<ReviewItem, 'kind' | 'assessment'>

/** The item's kind as shown: the template's name for an assessment. */
export function kindLabel(i: Labelled, c: FormatContext): string {
  if (i.kind !== 'assessment' || !i.assessment) return c.t(`supervisor.kind.${i.kind}`)
  const name = findTemplate(i.assessment.templateId)?.name
  return name ? name[c.locale === 'en' ? 'en' : 'zh'] : c.t('supervisor.kind.assessment')
}

/** The item's one-line summary. */
export function itemSummary(i: Pick<ReviewItem, 'kind' | 'assessment' | 'summary' | 'outcome'>, c: FormatContext): string {
  const a = i.assessment
  if (i.outcome) return [c.t(`supervisor.outcome.${i.outcome}`), i.summary].filter(Boolean).join(' · ')
  if (i.kind !== 'assessment' || !a) return i.summary
  if (a.score !== null) return c.t('supervisor.courtyard.score', { n: a.score })
  return careLevelText(a, c)
}

/** An assessment's care level, as the change it made to the household when it made one. */
export function careLevelText(a: { careLevel: number; careLevelChange?: { from: number; to: number } | null }, c: FormatContext): string {
  const level = (n: number) => c.t(`supervisor.level.${n}`)
  const change = a.careLevelChange
  const value = change && change.from !== change.to ? c.t('supervisor.careLevelChange', { from: level(change.from), to: level(change.to) }) : level(a.careLevel)
  return `${c.t('supervisor.field.careLevel')}：${value}`
}

/** The triage reasons as words. */
export function reasonLabels(reasons: TriageReason[], c: FormatContext): string[] {
  return reasons.map((r) => c.t(`supervisor.triage.reason.${r}`))
}
