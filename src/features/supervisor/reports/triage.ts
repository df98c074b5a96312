import { householdCadenceDays, type Household, type Visit } from '@/shared'
import { isAttempt } from '@/shared/rules/visits'
import type { ReviewItem, ReviewSources } from './review-queue'
import { DAY_MS } from './report-time'

/**
 * Triage of the open review queue: which records need the supervisor's eyes, and why,
 * and which are routine (approved in a batch after a random sample). Pure. Rules:
 * - Reasons and weights: returned before (3), a correction (3), an urgent need (2: the
 *   household is at care level 迫切, or an assessment answers 迫切 somewhere), very short
 *   or empty text (2: a visit under `thinChars` characters, a wish with no detail), a
 *   long gap (2: a visit that comes more than twice the household's cadence — 90 days
 *   when it has none — after its previous visit), a key household (1). A visit to a
 *   迫切 household is urgent when it records an ask; the household's other records always.
 * - A record needs her eyes when its weights add up to 2 or more; a key household
 *   alone is routine (most visits are to key households) but keeps its tag.
 * - Attention order: heavier first, then newest; routine order: newest first.
 */

export type TriageReason = 'returned-before' | 'correction' | 'urgent-need' | 'thin-text' | 'long-gap' | 'key-household'

export const TRIAGE_WEIGHT: Record<TriageReason, number> = {
  'returned-before': 3, correction: 3, 'urgent-need': 2, 'thin-text': 2, 'long-gap': 2, 'key-household': 1,
}
const ATTENTION_AT = 2
const DEFAULT_CADENCE_DAYS = 90
/** A gap this many cadences long is a lapse in care, not a late visit. */
const LONG_GAP_FACTOR = 2

export interface TriageEntry {
  id: string
  reasons: TriageReason[]
  weight: number
}

export interface TriageResult {
  attention: TriageEntry[]
  routine: TriageEntry[]
}

export interface TriageOptions {
  /** A visit with fewer characters than this (seen + asked + done) is thin. */
  thinChars?: number
}

/** Days between each visit and the previous visit of its household (null for the first). */
export function visitGaps(visits: Visit[]): Map<string, number | null> {
  const byHousehold = new Map<string, Visit[]>()
  for (const v of visits) byHousehold.set(v.householdId, [...(byHousehold.get(v.householdId) ?? []), v])
  const gaps = new Map<string, number | null>()
  for (const list of byHousehold.values()) {
    list.sort((a, b) => Date.parse(a.visitedAt) - Date.parse(b.visitedAt))
    list.forEach((v, i) => gaps.set(v.id, i === 0 ? null : (Date.parse(v.visitedAt) - Date.parse(list[i - 1]!.visitedAt)) / DAY_MS))
  }
  return gaps
}

interface Lookup {
  households: Map<string, Household>
  visits: Map<string, Visit>
  urgentAssessments: Set<string>
  thinWishes: Set<string>
  gaps: Map<string, number | null>
  thinChars: number
}

function reasonsOf(i: ReviewItem, l: Lookup): TriageReason[] {
  const h = l.households.get(i.householdId)
  const v = i.kind === 'visit' ? l.visits.get(i.id) : undefined
  const reasons: TriageReason[] = []
  if (i.state === 'resubmitted' || i.review?.state === 'returned') reasons.push('returned-before')
  if (v?.correctsId) reasons.push('correction')
  // A visit to a 迫切 household matters when it carries an ask; its other records always.
  const urgentHousehold = h?.careLevel === 3 && (!v || v.asked.trim() !== '')
  if (urgentHousehold || l.urgentAssessments.has(i.id)) reasons.push('urgent-need')
  // An attempt (nobody home) needs no text: short is not thin.
  if (v && !isAttempt(v) && (v.seen + v.asked + v.done).trim().length < l.thinChars) reasons.push('thin-text')
  if (i.kind === 'wish' && l.thinWishes.has(i.id)) reasons.push('thin-text')
  const gap = v ? l.gaps.get(v.id) : null
  if (h && gap != null && gap > LONG_GAP_FACTOR * (householdCadenceDays(h) ?? DEFAULT_CADENCE_DAYS)) reasons.push('long-gap')
  if (i.keyGroups.length > 0) reasons.push('key-household')
  return reasons
}

/** Sorts the open items into those that need her eyes and the routine ones. */
export function triageQueue(open: ReviewItem[], src: ReviewSources, o: TriageOptions = {}): TriageResult {
  const superseded = new Set(src.visits.map((v) => v.correctsId).filter((x): x is string => x !== null))
  const lookup: Lookup = {
    households: new Map(src.households.map((h) => [h.id, h])),
    visits: new Map(src.visits.map((v) => [v.id, v])),
    urgentAssessments: new Set(src.assessments.filter((a) => Object.values(a.answers).some((x) => x.level === 3) && a.templateId.startsWith('needs')).map((a) => a.id)),
    thinWishes: new Set(src.wishes.filter((w) => !w.detail.trim()).map((w) => w.id)),
    // Gaps between completed visits: an attempt in between does not shorten one.
    gaps: visitGaps(src.visits.filter((v) => !superseded.has(v.id) && !isAttempt(v))),
    thinChars: o.thinChars ?? 10,
  }
  const at = new Map(open.map((i) => [i.id, Date.parse(i.at)]))
  const attention: TriageEntry[] = []
  const routine: TriageEntry[] = []
  for (const i of open) {
    const reasons = reasonsOf(i, lookup)
    const weight = reasons.reduce((s, r) => s + TRIAGE_WEIGHT[r], 0)
    ;(weight >= ATTENTION_AT ? attention : routine).push({ id: i.id, reasons, weight })
  }
  const newest = (a: TriageEntry, b: TriageEntry) => at.get(b.id)! - at.get(a.id)! || (a.id < b.id ? 1 : -1)
  attention.sort((a, b) => b.weight - a.weight || newest(a, b))
  routine.sort(newest)
  return { attention, routine }
}
