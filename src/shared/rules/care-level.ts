import type { CareLevelChange } from '../records'

/**
 * A needs assessment and the care level it sets are one change, reviewed once.
 *
 * The household's care level and visit cadence still travel as a household.put (the
 * per-field merge brings them to every device), but that write names its assessment
 * (`assessmentId`), and the assessment records `careLevelChange: {from, to}`. When the
 * write is exactly the assessment's result, it is the assessment's change, not the
 * household's: the household's `updatedAt` stays as it was, so the supervisor's queue
 * does not show the household as changed; the assessment's item shows "from → to" and
 * her decision on it decides both.
 *
 * Guarantees:
 * - Only a write of the assessed fields holding that assessment's result, for its own
 *   household, qualifies: anything else the write touches (a name, a phone) makes it an
 *   ordinary household change, shown and reviewed as before.
 * - A write from an older app (no `assessmentId`), or naming an assessment that is
 *   missing, deleted, of another household or without `careLevelChange`, is an
 *   ordinary household change too: nothing is hidden from review that the assessment
 *   does not show.
 * - The same answer on the device and on the server (pure; no clock, no I/O).
 */

/** The household fields a needs assessment sets. */
export const ASSESSED_HOUSEHOLD_FIELDS: readonly string[] = ['careLevel', 'visitCadenceDays']

export interface AssessedWrite {
  patch: Record<string, unknown>
  assessmentId?: string
}

export interface AssessmentResultLike {
  id: string
  householdId: string
  deleted: boolean
  careLevel: number
  cadenceDays: number | null
  careLevelChange?: CareLevelChange | null
}

/** Whether a household.put of `householdId` is the care-level write of `assessment`. */
export function isAssessedCareWrite(write: AssessedWrite, householdId: string, assessment: AssessmentResultLike | null): boolean {
  if (!write.assessmentId || !assessment || assessment.id !== write.assessmentId) return false
  const change = assessment.careLevelChange
  if (assessment.deleted || assessment.householdId !== householdId || !change || change.to !== assessment.careLevel) return false
  const fields = Object.keys(write.patch)
  if (fields.length === 0 || fields.some((f) => !ASSESSED_HOUSEHOLD_FIELDS.includes(f))) return false
  const { careLevel, visitCadenceDays } = write.patch
  return (careLevel === undefined || careLevel === assessment.careLevel) && (visitCadenceDays === undefined || visitCadenceDays === assessment.cadenceDays)
}

