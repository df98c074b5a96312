import {
  Household,
  HouseholdFields,
  KEY_GROUPS,
  Person,
  PersonFields,
  type KeyGroup,
} from '../../src/shared'
import type { RecordWrite } from '../storage/store'
import type { PlannedHousehold } from './roster-plan'
import type { PersonRow } from './roster-rows'

/**
 * The records an import writes: new households and persons, every field's clock at the
 * import's one server HLC (so any later edit on a phone wins over the register), each
 * checked against its shared schema before it is stored. They go through the change
 * log like any pushed change and reach the grid worker's phone on her next pull.
 */

type Relation = Person['relation']

const clockOf = (keys: string[], hlc: string) => Object.fromEntries([...keys, 'deleted'].map((k) => [k, hlc]))

export interface ImportStamp {
  hlc: string
  /** ISO date-time of the import. */
  at: string
  communityId: string
}

function personRecord(row: PersonRow, household: PlannedHousehold, stamp: ImportStamp): Person {
  const relation: Relation = row.relation ? (row.relation as Relation) : row === household.head && household.create ? 'self' : 'other'
  return Person.parse({
    id: row.id, gridId: household.gridId, householdId: household.id, name: row.name, sex: row.sex,
    birthDate: row.birthDate, relation, phone: row.phone, idNumber: row.idNumber, keyGroups: row.keyGroups,
    notes: row.notes, deleted: false, hlc: clockOf(Object.keys(PersonFields.shape), stamp.hlc),
    createdAt: stamp.at, updatedAt: stamp.at,
  })
}

function householdRecord(household: PlannedHousehold, stamp: ImportStamp): Household {
  const flags = new Set<KeyGroup>(household.members.flatMap((m) => m.keyGroups))
  const keyGroups = KEY_GROUPS.filter((g) => flags.has(g))
  return Household.parse({
    id: household.id, gridId: household.gridId, headName: household.head.name, address: household.address,
    phone: household.head.phone || (household.members.find((m) => m.phone)?.phone ?? ''), keyGroups,
    careLevel: keyGroups.length > 0 ? 1 : 0, visitCadenceDays: null, notes: '', deleted: false,
    hlc: clockOf(Object.keys(HouseholdFields.shape), stamp.hlc), createdAt: stamp.at, updatedAt: stamp.at,
  })
}

/** The rows to write for a plan's households: each household before its persons. */
export function recordsOfPlan(households: PlannedHousehold[], stamp: ImportStamp): RecordWrite[] {
  const out: RecordWrite[] = []
  const put = (kind: 'household' | 'person', id: string, gridId: string, data: unknown) =>
    out.push({ kind, id, gridId, communityId: stamp.communityId, json: JSON.stringify(data) })
  for (const h of households) {
    if (h.create) put('household', h.id, h.gridId, householdRecord(h, stamp))
    for (const m of h.members) put('person', m.id, h.gridId, personRecord(m, h, stamp))
  }
  return out
}
