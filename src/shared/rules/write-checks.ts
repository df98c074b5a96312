import type { Mutation } from '../mutations'
import {
  checkBirthDate,
  checkDayNotFuture,
  checkIdNumber,
  checkNextVisit,
  checkNotFuture,
  isValidPhone,
  type FieldIssue,
  type WriteClock,
} from './field-checks'
import type { VisitOutcome } from '../vocab'
import { outcomeNeedsNote } from './visits'

/**
 * The checks a write must pass beyond its schema's shape, per record kind; the device
 * runs them before it stores a record, the server before it applies a mutation, so an
 * old client's bad value is refused with `invalid-value` and never stored.
 *
 * Guarantees:
 * - Writes are checked, reads never: a pulled or stored record is not re-checked, so
 *   rows stored before a rule existed still load and sync.
 * - Only what the write changes is checked (`changed`): editing a household's notes is
 *   not refused because of an old, malformed phone number it carries. A check that
 *   relates fields (the ID number against birth date and sex) runs when any of them changes.
 * - The record checked is the value as written (the stored record with the patch laid
 *   over it), the same on both sides, so the device and the server agree.
 */

/** The fields a write changes, or every field (a new visit, a new wish). */
export type ChangedFields = ReadonlySet<string> | 'all'

const touches = (changed: ChangedFields, ...fields: string[]) => changed === 'all' || fields.some((f) => changed.has(f))
const present = <T>(xs: (T | null)[]) => xs.filter((x): x is T => x !== null)

interface HouseholdLike {
  address?: { estate?: string; building?: string }
  phone?: string
}
interface PersonLike {
  birthDate?: string | null
  sex?: 'F' | 'M'
  idNumber?: string
  phone?: string
}
interface VisitLike {
  visitedAt: string
  nextVisitOn: string | null
  outcome?: VisitOutcome
  seen?: string
  asked?: string
  done?: string
}
interface WishLike {
  claimedBy?: { phone: string } | null
  fulfilment?: { date: string } | null
}

function phoneIssue(path: string, phone: string | undefined): FieldIssue | null {
  return phone === undefined || isValidPhone(phone) ? null : { path, code: 'phone-format', message: 'not a mainland mobile or a landline with area code' }
}

/** A household needs an address: its estate (小区/村) and its building or house number. */
export function checkHouseholdWrite(h: HouseholdLike, changed: ChangedFields): FieldIssue[] {
  const missing = (path: string, v: string | undefined): FieldIssue | null =>
    v && v.trim() ? null : { path, code: 'address-required', message: 'the address needs its estate and building' }
  const address = touches(changed, 'address')
    ? [missing('address.estate', h.address?.estate), missing('address.building', h.address?.building)]
    : []
  return present([...address, touches(changed, 'phone') ? phoneIssue('phone', h.phone) : null])
}

/** A person: phone, birth date (not future, age ≤ 120), ID number agreeing with both. */
export function checkPersonWrite(p: PersonLike, changed: ChangedFields, clock: WriteClock): FieldIssue[] {
  return present([
    touches(changed, 'phone') ? phoneIssue('phone', p.phone) : null,
    touches(changed, 'birthDate') ? checkBirthDate(p.birthDate ?? null, clock) : null,
    touches(changed, 'idNumber', 'birthDate', 'sex')
      ? checkIdNumber(p.idNumber ?? '', { birthDate: p.birthDate ?? null, sex: p.sex ?? 'F' })
      : null,
  ])
}

/**
 * A visit happened, so not after now; the next one is not before it; a refusal says
 * why in a short note (the supervisor reads it: a refused key household is hers to follow).
 */
export function checkVisitWrite(v: VisitLike, clock: WriteClock): FieldIssue[] {
  return present([
    checkNotFuture('visitedAt', v.visitedAt, clock),
    checkNextVisit(v.visitedAt, v.nextVisitOn, clock),
    refusalNoteIssue(v),
  ])
}

function refusalNoteIssue(v: VisitLike): FieldIssue | null {
  if (!outcomeNeedsNote(v.outcome) || [v.seen, v.asked, v.done].some((x) => x && x.trim())) return null
  return { path: 'seen', code: 'refusal-note-required', message: 'a refused visit needs a short note' }
}

interface AssessmentLike {
  assessedAt?: string
  careLevel?: number
  careLevelChange?: { from: number; to: number } | null
}

/**
 * An assessment is of something seen, so not after now; the care-level change it
 * records ends at its own result (the queue shows that change: rules/care-level.ts).
 */
export function checkAssessmentWrite(a: AssessmentLike, changed: ChangedFields, clock: WriteClock): FieldIssue[] {
  const change = a.careLevelChange
  return present([
    touches(changed, 'assessedAt') && a.assessedAt ? checkNotFuture('assessedAt', a.assessedAt, clock) : null,
    touches(changed, 'careLevel', 'careLevelChange') && change && change.to !== a.careLevel
      ? { path: 'careLevelChange', code: 'care-level-mismatch', message: 'the care-level change does not end at the assessed level' }
      : null,
  ])
}

/** A wish command: the claimant's phone; a fulfilment that has happened. */
export function checkWishWrite(w: WishLike, clock: WriteClock): FieldIssue[] {
  return present([
    w.claimedBy ? phoneIssue('claimedBy.phone', w.claimedBy.phone) : null,
    w.fulfilment ? checkDayNotFuture('fulfilment.date', w.fulfilment.date, clock) : null,
  ])
}

/**
 * A per-field patch of a mergeable record, checked on the value as written: the stored
 * record (null when new) with the patch laid over it; only the patched fields count.
 */
export function checkPutWrite(
  name: 'household.put' | 'person.put' | 'assessment.put',
  patch: object,
  stored: object | null,
  clock: WriteClock,
): FieldIssue[] {
  const written = { ...(stored ?? {}), ...patch }
  const changed = stored ? new Set(Object.keys(patch)) : 'all'
  if (name === 'household.put') return checkHouseholdWrite(written, changed)
  if (name === 'person.put') return checkPersonWrite(written, changed, clock)
  return checkAssessmentWrite(written, changed, clock)
}

/**
 * The issues of one mutation, given the record it changes as stored (null when new).
 * Kinds without data checks (deletes, reviews, audits, a new wish) pass.
 */
export function checkMutationWrite(m: Mutation, stored: object | null, clock: WriteClock): FieldIssue[] {
  switch (m.name) {
    case 'household.put':
    case 'person.put':
    case 'assessment.put':
      return checkPutWrite(m.name, m.args.patch, stored, clock)
    case 'visit.create':
      return checkVisitWrite(m.args, clock)
    case 'wish.transition':
      return checkWishWrite(m.args, clock)
    default:
      return []
  }
}
