import type { KeyGroup, Visit, VisitOutcome, Wish } from '@/shared'
import { lastContacts } from '@/shared/rules/visits'
import { isOpenWish } from '@/shared/rules/wish'
import { daysBetween } from '@/features/today/today-rules'

/**
 * What the visit form shows of the household before she writes: who needs what, how long
 * since the last completed visit (an attempt since then named apart, as it restarts no
 * count), what was asked and promised last time, and the wishes still open.
 */
export interface VisitContext {
  keyGroups: KeyGroup[]
  /** Calendar days since the last completed visit; null: never visited. */
  daysSince: number | null
  /** The newest attempt, when newer than the last completed visit. */
  attempt: { at: string; outcome: VisitOutcome } | null
  lastAsked: string
  lastDone: string
  /** The next visit the last completed one promised (a date), or null. */
  nextVisitOn: string | null
  openWishes: string[]
}

/** The context of a household from its visits and wishes, as of `now` (phone time). */
export function visitContext(
  household: { keyGroups: KeyGroup[] },
  visits: readonly Visit[],
  wishes: readonly Pick<Wish, 'title' | 'state'>[],
  now: Date,
): VisitContext {
  const { visit, attempt } = lastContacts(visits)
  return {
    keyGroups: household.keyGroups,
    daysSince: visit ? daysBetween(new Date(visit.visitedAt), now) : null,
    attempt: attempt ? { at: attempt.visitedAt, outcome: attempt.outcome ?? 'met' } : null,
    lastAsked: visit?.asked ?? '',
    lastDone: visit?.done ?? '',
    nextVisitOn: visit?.nextVisitOn ?? null,
    openWishes: wishes.filter((w) => isOpenWish(w.state)).map((w) => w.title),
  }
}
