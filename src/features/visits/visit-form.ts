import { householdCadenceDays, type KeyGroup, type PhotoRef, type Policy, type Visit, type VisitMethod, type VisitOutcome } from '@/shared'
import { isAttempt } from '@/shared/rules/visits'
import { isoDay } from '@/features/today/today-rules'
import type { PreparedPhoto } from '@/db/photos-repository'
import type { VisitInput } from './visits-repository'

/** The editable state of the visit form and its conversion to repository input. */
export interface VisitDraft {
  /** `datetime-local` value, phone time: 'YYYY-MM-DDTHH:mm'. */
  visitedAt: string
  method: VisitMethod
  /** How it went; null until she picks (saving then means she met them). */
  outcome: VisitOutcome | null
  seen: string
  asked: string
  done: string
  policies: Policy[]
  /** `date` value or ''. */
  nextVisitOn: string
  photos: PreparedPhoto[]
  /** Photos of the entry being corrected, kept unless she removes them. */
  keptPhotos: PhotoRef[]
}

export function toLocalInput(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0')
  return `${isoDay(d)}T${p(d.getHours())}:${p(d.getMinutes())}`
}

/**
 * A fresh draft: now, in person, and the next visit one cadence from today (none when
 * the household has no fixed rhythm). A correction starts from the entry it corrects.
 */
export function newVisitDraft(
  now: Date,
  household: { visitCadenceDays: number | null; keyGroups: KeyGroup[] } | undefined,
  corrects?: Visit,
): VisitDraft {
  const cadence = household ? householdCadenceDays(household) : null
  const next = cadence ? isoDay(new Date(now.getFullYear(), now.getMonth(), now.getDate() + cadence)) : ''
  if (corrects) {
    return {
      visitedAt: toLocalInput(new Date(corrects.visitedAt)),
      method: corrects.method,
      outcome: corrects.outcome ?? 'met',
      seen: corrects.seen,
      asked: corrects.asked,
      done: corrects.done,
      policies: [...corrects.policies],
      nextVisitOn: corrects.nextVisitOn ?? '',
      photos: [],
      keptPhotos: [...corrects.photos],
    }
  }
  return { visitedAt: toLocalInput(now), method: 'in-person', outcome: null, seen: '', asked: '', done: '', policies: [], nextVisitOn: next, photos: [], keptPhotos: [] }
}

/**
 * The draft after she picks an outcome: an unanswered phone was a call. A draft from
 * before outcomes existed (kept while she typed, restored after the update) has none.
 */
export function withOutcome(d: VisitDraft, outcome: VisitOutcome): VisitDraft {
  return { ...d, outcome, method: outcome === 'no-answer' ? 'phone' : d.method }
}

/**
 * Whether picking this outcome saves at once: an attempt on a form she has not written
 * in (nobody home is one tap). With text or photos she saves it herself, as any visit.
 */
export function savesAtOnce(d: VisitDraft, outcome: VisitOutcome, correcting: boolean): boolean {
  return isAttempt({ outcome }) && !correcting && !d.seen.trim() && !d.asked.trim() && !d.done.trim() && d.photos.length === 0
}

/** Repository input from a draft ('' dates become null or an invalid value the schema names). */
export function draftToInput(householdId: string, d: VisitDraft, correctsId: string | null): VisitInput {
  const at = d.visitedAt ? new Date(d.visitedAt) : null
  return {
    householdId,
    visitedAt: at && !Number.isNaN(at.getTime()) ? at.toISOString() : '',
    method: d.method,
    outcome: d.outcome ?? 'met',
    seen: d.seen,
    asked: d.asked,
    done: d.done,
    policies: d.policies,
    // An attempt promises nothing: the household stays due by its own rhythm.
    nextVisitOn: isAttempt({ outcome: d.outcome ?? 'met' }) ? null : d.nextVisitOn || null,
    photos: d.photos,
    keptPhotos: d.keptPhotos,
    correctsId,
  }
}
