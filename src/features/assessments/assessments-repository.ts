import Dexie from 'dexie'
import { v7 as uuidv7 } from 'uuid'
import { Assessment, evaluateAssessment, findTemplate, type AssessmentAnswer } from '@/shared'
import type { GridSisterDb } from '@/db/db'
import { ensurePinyin } from '@/db/derive'
import { RecordValidationError } from '@/db/outbox-repository'
import { putMergeable, whenOpen } from '@/db/mergeable-repository'
import { saveHousehold } from '@/features/households/households-repository'
import type { Actor } from '@/db/actor'

/**
 * Needs assessments and score forms, both rendered from templates. Saving a needs
 * assessment also sets the household's care level and visit cadence (a household.put
 * in the same transaction), which is what drives the Today screen's due list. The two
 * are one change for the supervisor: the assessment records the care level's
 * `careLevelChange` and the household write names the assessment (rules/care-level.ts).
 */

export interface AssessmentInput {
  householdId: string
  templateId: string
  assessedAt: string
  answers: Record<string, AssessmentAnswer>
}

/** Saves a new assessment; invalid input (or an unknown template) saves nothing. */
export async function createAssessment(db: GridSisterDb, input: AssessmentInput, actor: Actor): Promise<Assessment> {
  // A needs assessment rewrites the household (and its search text) in the transaction.
  await Promise.all([whenOpen(db), ensurePinyin()])
  return db.transaction('rw', [db.assessments, db.households, db.outbox, db.meta], async () => {
    const household = await db.households.get(input.householdId)
    if (!household || household.deleted) {
      throw new RecordValidationError([{ path: 'householdId', message: 'household not found' }])
    }
    const template = findTemplate(input.templateId)
    if (!template) throw new RecordValidationError([{ path: 'templateId', message: 'unknown template' }])
    const result = evaluateAssessment(template, input.answers)
    const saved = await putMergeable<Assessment, Assessment>({
      db,
      name: 'assessment.put',
      table: db.assessments,
      schema: Assessment,
      id: uuidv7(),
      gridId: household.gridId,
      fields: {
        householdId: household.id,
        templateId: template.id,
        assessedAt: input.assessedAt,
        assessorId: actor.id,
        answers: input.answers,
        careLevel: result.careLevel,
        cadenceDays: result.cadenceDays,
        score: result.score,
        careLevelChange: template.kind === 'needs' ? { from: household.careLevel, to: result.careLevel } : null,
      },
      toLocal: (a) => a,
    })
    if (template.kind === 'needs') {
      await saveHousehold(db, {
        id: household.id,
        gridId: household.gridId,
        fields: { careLevel: result.careLevel, visitCadenceDays: result.cadenceDays },
        assessment: saved,
      })
    }
    return saved
  })
}

/** A household's live assessments, newest first. */
export async function assessmentsOfHousehold(db: GridSisterDb, householdId: string): Promise<Assessment[]> {
  const rows = await db.assessments
    .where('[householdId+assessedAt]')
    .between([householdId, Dexie.minKey], [householdId, Dexie.maxKey])
    .reverse()
    .toArray()
  return rows.filter((a) => !a.deleted)
}

export function getAssessment(db: GridSisterDb, id: string): Promise<Assessment | undefined> {
  return db.assessments.get(id)
}
