import { householdCadenceDays, type KeyGroup, type PhotoRef, type Policy, type Visit, type VisitMethod } from '@/shared'
import { isoDay } from '@/features/today/today-rules'
import type { PreparedPhoto } from '@/db/photos-repository'
import type { VisitInput } from './visits-repository'

/** The editable state of the visit form and its conversion to repository input. */
export interface VisitDraft {
  /** `datetime-local` value, phone time: 'YYYY-MM-DDTHH:mm'. */
  visitedAt: string
  method: VisitMethod
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
      seen: corrects.seen,
      asked: corrects.asked,
      done: corrects.done,
      policies: [...corrects.policies],
      nextVisitOn: corrects.nextVisitOn ?? '',
      photos: [],
      keptPhotos: [...corrects.photos],
    }
  }
  return { visitedAt: toLocalInput(now), method: 'in-person', seen: '', asked: '', done: '', policies: [], nextVisitOn: next, photos: [], keptPhotos: [] }
}

/** Repository input from a draft ('' dates become null or an invalid value the schema names). */
export function draftToInput(householdId: string, d: VisitDraft, correctsId: string | null): VisitInput {
  const at = d.visitedAt ? new Date(d.visitedAt) : null
  return {
    householdId,
    visitedAt: at && !Number.isNaN(at.getTime()) ? at.toISOString() : '',
    method: d.method,
    seen: d.seen,
    asked: d.asked,
    done: d.done,
    policies: d.policies,
    nextVisitOn: d.nextVisitOn || null,
    photos: d.photos,
    keptPhotos: d.keptPhotos,
    correctsId,
  }
}
