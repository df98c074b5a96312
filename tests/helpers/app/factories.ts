import { v7 as uuidv7 } from 'uuid'
import type { HouseholdFields, PersonFields, Review } from '@/shared'
import { GridSisterDb } from '@/db/db'
import { saveHousehold } from '@/features/households/households-repository'
import { savePerson } from '@/features/persons/persons-repository'
import type { Actor } from '@/db/actor'
import type { VisitInput } from '@/features/visits/visits-repository'
import type { WishInput } from '@/features/wishes/wishes-repository'

/** Small record factories for app tests: each call gives fresh, valid input. */

let dbCounter = 0
/** A fresh, empty device database (fake-indexeddb), unique per call. */
export function makeDb(): GridSisterDb {
  dbCounter += 1
  return new GridSisterDb(`test-${Date.now()}-${dbCounter}`)
}

export const GRID_ID = '0190a000-0000-7000-8000-000000000001'
export const actor: Actor = { id: '0190a000-0000-7000-8000-0000000000aa', name: '李梅', role: 'worker' }

/** The phone holds grid GRID_ID, as after its first pull (every household's grid is held). */
export async function holdGrid(db: GridSisterDb): Promise<void> {
  if (await db.grids.get(GRID_ID)) return
  await db.grids.put({ id: GRID_ID, communityId: '0190a000-0000-7000-8000-0000000000c1', name: '第一网格', code: 'G1', estates: [], workerId: actor.id })
}

export function householdFields(over: Partial<HouseholdFields> = {}): HouseholdFields {
  return {
    headName: '王秀英',
    address: { estate: '黄龙小区', building: '3栋', unit: '2单元', door: '301' },
    phone: '13800001111',
    keyGroups: [],
    careLevel: 0,
    visitCadenceDays: null,
    notes: '',
    ...over,
  }
}

export function personFields(householdId: string, over: Partial<PersonFields> = {}): PersonFields {
  return {
    householdId,
    name: '王秀英',
    sex: 'F',
    birthDate: '1950-06-01',
    relation: 'self',
    phone: '',
    idNumber: '',
    keyGroups: [],
    notes: '',
    ...over,
  }
}

export function visitInput(householdId: string, over: Partial<VisitInput> = {}): VisitInput {
  return {
    householdId,
    visitedAt: new Date().toISOString(),
    method: 'in-person',
    seen: '老人身体尚好，屋内整洁',
    asked: '想了解养老保险',
    done: '讲解了养老保险政策',
    policies: ['pension-insurance'],
    nextVisitOn: null,
    ...over,
  }
}

export function wishInput(householdId: string, over: Partial<WishInput> = {}): WishInput {
  return { householdId, title: '上门理发', detail: '老伴行动不便', category: 'care', ...over }
}

/** A saved household, optionally with members (whose flags flag the household). */
export async function seedHousehold(
  db: GridSisterDb,
  over: Partial<HouseholdFields> = {},
  members: Partial<PersonFields>[] = [],
) {
  await holdGrid(db)
  const h = await saveHousehold(db, { gridId: GRID_ID, fields: householdFields(over) })
  for (const m of members) await savePerson(db, { householdId: h.id, fields: personFields(h.id, m) })
  return (await db.households.get(h.id))!
}

export function review(recordId: string, over: Partial<Review> = {}): Review {
  return {
    id: uuidv7(),
    recordKind: 'visit',
    recordId,
    gridId: GRID_ID,
    state: 'returned',
    comment: '请补充走访内容',
    reviewerId: uuidv7(),
    reviewerName: '张主席',
    reviewedAt: new Date().toISOString(),
    resubmittedBy: null,
    ...over,
  }
}

/** A tiny JPEG-typed blob for photo tests. */
export function photoBlob(seed = 'x'): Blob {
  return new Blob([`fake-jpeg-${seed}`], { type: 'image/jpeg' })
}
