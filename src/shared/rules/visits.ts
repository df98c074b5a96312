import type { Visit } from '../records'
import type { VisitOutcome } from '../vocab'
import { reject, sameValue, type RuleOutcome } from './outcome'

/**
 * Visit diaries are append-only events: the device makes the id, the server only
 * creates. The same body under the same id again is a no-op (a replay); a different body
 * under an existing id is rejected, never overwrites.
 */
export function applyVisitCreate(stored: Visit | null, incoming: Visit): RuleOutcome<Visit> {
  if (stored === null) return { ok: true, status: 'applied', record: incoming, conflicts: [] }
  if (sameValue(stored, incoming)) return { ok: true, status: 'duplicate', record: stored, conflicts: [] }
  return reject('conflict', 'a visit with this id already exists with a different body; visits are append-only')
}

/** Checks a correcting visit points at a visit of the same household and grid. */
export function checkCorrection(visit: Visit, corrected: Visit | null): RuleOutcome<Visit> | null {
  if (visit.correctsId === null) return null
  if (corrected === null) return reject('not-found', 'the visit being corrected does not exist')
  if (corrected.gridId !== visit.gridId || corrected.householdId !== visit.householdId) {
    return reject('out-of-scope', 'a correction must belong to the household of the visit it corrects')
  }
  return null
}

/**
 * Attempts: the outcomes that reached nobody (nobody home, the phone not answered).
 * One rule for the worker's Today and household page, the supervisor's coverage and the
 * server's overview: an attempt is kept and shown as an attempt, but it is not a
 * completed visit. It does not count as visited, does not restart "days since the last
 * visit", does not make a promise, and leaves a due household due. A refusal did reach
 * the household (she was turned away at the door), so it is a contact, with its note.
 */
export const ATTEMPT_OUTCOMES: readonly VisitOutcome[] = ['not-home', 'no-answer']

/** Whether a visit is an attempt. A stored visit without an outcome predates it: a contact. */
export function isAttempt(v: { outcome?: VisitOutcome }): boolean {
  return ATTEMPT_OUTCOMES.includes(v.outcome ?? 'met')
}

/** Whether a visit is a completed visit (every outcome but an attempt). */
export function isCompletedVisit(v: { outcome?: VisitOutcome }): boolean {
  return !isAttempt(v)
}

/** Whether an outcome must come with a short note (a refusal: why). Attempts need none. */
export function outcomeNeedsNote(outcome: VisitOutcome | undefined): boolean {
  return outcome === 'refused'
}

/** Whether an outcome needs any text at all (a contact says what was seen, asked or done). */
export function outcomeNeedsText(outcome: VisitOutcome | undefined): boolean {
  return !ATTEMPT_OUTCOMES.includes(outcome ?? 'met')
}

export interface LastContacts<V> {
  /** The newest completed visit, or null. */
  visit: V | null
  /** The newest attempt when it is newer than `visit` (an older one is news to no one), or null. */
  attempt: V | null
}

/** A household's newest completed visit and any attempt since (times compared as instants). */
export function lastContacts<V extends { visitedAt: string; outcome?: VisitOutcome }>(visits: readonly V[]): LastContacts<V> {
  let visit: V | null = null
  let attempt: V | null = null
  const later = (a: V, b: V | null) => b === null || Date.parse(a.visitedAt) > Date.parse(b.visitedAt)
  for (const v of visits) {
    if (isAttempt(v)) {
      if (later(v, attempt)) attempt = v
    } else if (later(v, visit)) visit = v
  }
  return { visit, attempt: attempt && later(attempt, visit) ? attempt : null }
}
