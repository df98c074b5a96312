/**
 * Checks of single values that protect the data (issue 19): phone numbers, resident ID
 * numbers, dates relative to "now". Pure functions, one copy for the app and the server.
 *
 * Time: every check that needs "now" takes a `WriteClock`. The device passes its own
 * clock and its UTC offset, so a date is read as the calendar date she sees. The server
 * does not know her time zone (`offsetMinutes: null`); it then reads each date in the
 * zone most favourable to the value, so it never refuses what a phone anywhere accepted,
 * and still refuses what no zone could make right (a visit next year).
 */

/** What a check needs to know about the present. */
export interface WriteClock {
  /** Milliseconds since the epoch. */
  now: number
  /** The writer's UTC offset in minutes (+480 in China); null when unknown (the server). */
  offsetMinutes: number | null
}

/** Codes of a refused value; the forms turn each into a Chinese sentence. */
export type FieldIssueCode =
  | 'phone-format'
  | 'id-format'
  | 'id-check-digit'
  | 'id-birth-mismatch'
  | 'id-sex-mismatch'
  | 'birth-in-future'
  | 'birth-too-old'
  | 'time-in-future'
  | 'next-before-visit'
  | 'address-required'
  | 'care-level-mismatch'
  | 'refusal-note-required'

/** One refused field: its path in the record, why, and a plain (English) message for logs. */
export interface FieldIssue {
  path: string
  code: FieldIssueCode
  message: string
}

/** How far ahead of "now" a recorded time may be: phone clocks are often a little fast. */
export const FUTURE_TOLERANCE_MS = 10 * 60_000
/** A visit this far back asks her to confirm the date (a wrong month is a common slip). */
export const LONG_AGO_MS = 14 * 86_400_000
export const MAX_AGE_YEARS = 120
// The earliest and latest UTC offsets in use: the server's favourable reading of a date.
const EARLIEST_OFFSET_MIN = -12 * 60
const LATEST_OFFSET_MIN = 14 * 60

const isoDayAt = (ms: number) => new Date(ms).toISOString().slice(0, 10)

/** The calendar date at `ms` for the writer; without her zone, the latest or earliest one anywhere. */
function localDay(ms: number, clock: WriteClock, unknown: 'latest' | 'earliest'): string {
  const offset = clock.offsetMinutes ?? (unknown === 'latest' ? LATEST_OFFSET_MIN : EARLIEST_OFFSET_MIN)
  return isoDayAt(ms + offset * 60_000)
}

/**
 * A phone number as stored: spaces, dashes and a +86 prefix removed from a mobile; a
 * landline kept as area code, a dash, then the number (and a dash and extension).
 */
export function normalizePhone(raw: string): string {
  const compact = raw.trim().replace(/[\s\-()（）]/g, '').replace(/^(\+86|0086)/, '')
  const landline = /^(0(?:10|2\d|[3-9]\d{2}))(\d{7,8})(?:(?:转|#|ext)?(\d{1,6}))?$/.exec(compact)
  if (landline) {
    return `${landline[1]}-${landline[2]}${landline[3] ? `-${landline[3]}` : ''}`
  }
  return compact
}

/** True for '' (no phone), a mainland mobile (1[3-9] and 9 digits) or a landline with area code. */
export function isValidPhone(raw: string): boolean {
  const p = normalizePhone(raw)
  return p === '' || /^1[3-9]\d{9}$/.test(p) || /^0(10|2\d|[3-9]\d{2})-\d{7,8}(-\d{1,6})?$/.test(p)
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
const ID_CHECK = '10X98765432'

/** The GB 11643 check character of the first 17 digits of a resident ID number. */
export function idCheckCharacter(first17: string): string {
  let sum = 0
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (ID_WEIGHTS[i] as number)
  return ID_CHECK[sum % 11] as string
}

/** The birth date (YYYY-MM-DD) an 18-character ID number encodes, or null when it is no real date. */
export function idBirthDate(id: string): string | null {
  const d = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`
  const t = Date.parse(`${d}T00:00:00Z`)
  return Number.isNaN(t) || isoDayAt(t) !== d ? null : d
}

/**
 * Checks a resident ID number ('' means none) against GB 11643 and against the person:
 * its birth date part must be a real date equal to `birthDate` (when known), and its
 * 17th digit odd for a man, even for a woman.
 */
export function checkIdNumber(raw: string, person: { birthDate: string | null; sex: 'F' | 'M' }): FieldIssue | null {
  const id = raw.trim().toUpperCase()
  // A masked number (a supervisor's phone holds 4301**********1234) is not hers to check:
  // the server checks the full one it stores against the birth date and sex written.
  if (id === '' || id.includes('*')) return null
  const issue = (code: FieldIssueCode, message: string): FieldIssue => ({ path: 'idNumber', code, message })
  if (!/^\d{17}[\dX]$/.test(id) || idBirthDate(id) === null) return issue('id-format', 'an ID number is 17 digits and a digit or X, with a real birth date')
  if (idCheckCharacter(id.slice(0, 17)) !== id[17]) return issue('id-check-digit', 'the check digit of the ID number is wrong')
  if (person.birthDate && idBirthDate(id) !== person.birthDate) return issue('id-birth-mismatch', 'the ID number does not match the birth date')
  const male = Number(id[16]) % 2 === 1
  if (male !== (person.sex === 'M')) return issue('id-sex-mismatch', 'the ID number does not match the sex')
  return null
}

/** A birth date may not be after today nor more than 120 years ago. */
export function checkBirthDate(birthDate: string | null, clock: WriteClock): FieldIssue | null {
  if (!birthDate) return null
  const today = localDay(clock.now, clock, 'latest')
  if (birthDate > today) return { path: 'birthDate', code: 'birth-in-future', message: 'the birth date is in the future' }
  const earliest = localDay(clock.now, clock, 'earliest')
  const oldest = `${Number(earliest.slice(0, 4)) - MAX_AGE_YEARS}${earliest.slice(4)}`
  if (birthDate < oldest) return { path: 'birthDate', code: 'birth-too-old', message: `the age would be over ${MAX_AGE_YEARS}` }
  return null
}

/** A recorded time (a visit, an assessment) may not be after now, beyond a clock's small error. */
export function checkNotFuture(path: string, at: string, clock: WriteClock): FieldIssue | null {
  const t = Date.parse(at)
  if (Number.isNaN(t) || t <= clock.now + FUTURE_TOLERANCE_MS) return null
  return { path, code: 'time-in-future', message: 'the time is in the future' }
}

/** A calendar date that records something done (a wish fulfilled) may not be after today. */
export function checkDayNotFuture(path: string, day: string, clock: WriteClock): FieldIssue | null {
  return day > localDay(clock.now, clock, 'latest') ? { path, code: 'time-in-future', message: 'the date is in the future' } : null
}

/** The next visit may be the day of the visit or later, never before it. */
export function checkNextVisit(visitedAt: string, nextVisitOn: string | null, clock: WriteClock): FieldIssue | null {
  const t = Date.parse(visitedAt)
  if (!nextVisitOn || Number.isNaN(t)) return null
  // Without her zone, the visit's earliest possible calendar date is the favourable one.
  if (nextVisitOn >= localDay(t, clock, 'earliest')) return null
  return { path: 'nextVisitOn', code: 'next-before-visit', message: 'the next visit is before this visit' }
}

/** True when a visit time lies so far back that the form asks her to confirm it. */
export function isLongAgo(at: string, clock: WriteClock): boolean {
  const t = Date.parse(at)
  return !Number.isNaN(t) && clock.now - t > LONG_AGO_MS
}
