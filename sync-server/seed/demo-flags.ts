import type { KeyGroup } from '../../src/shared'
import type { SeedRandom } from './seed-random'
import { DAY } from './seed-time'
import type { FamilyContext, PlannedPerson } from './demo-family'

/**
 * Key-group flags that strike any family now and then (disability, serious illness,
 * job loss, hardship), and the short note a worker keeps about such a person.
 */

/** Flags that strike any family now and then (illness, disability, job loss, hardship). */
export function addIncidentalFlags(ctx: FamilyContext, persons: PlannedPerson[]): void {
  const { rng, nowMs } = ctx
  const age = (p: PlannedPerson) => Math.floor((nowMs - Date.parse(p.birthDate)) / (365.25 * DAY))
  const flag = (p: PlannedPerson | undefined, g: KeyGroup) => {
    if (p && !p.keyGroups.includes(g)) p.keyGroups.push(g)
  }
  if (rng.chance(0.02)) flag(rng.pick(persons), 'disabled')
  if (rng.chance(0.016)) flag(rng.pick(persons.filter((p) => age(p) >= 40).concat(persons)), 'serious-illness')
  if (rng.chance(0.025)) flag(persons.find((p) => age(p) >= 22 && age(p) <= 55), 'unemployed')
  if (rng.chance(0.01)) flag(persons[0], 'hardship')
}

/** What a worker notes about a person with a disability, an illness or no job. */
const FLAG_NOTES: Partial<Record<KeyGroup, string[]>> = {
  disabled: ['肢体残疾二级', '视力残疾三级', '听力残疾，戴助听器', '智力残疾四级', '脑瘫，需人照料'],
  'serious-illness': ['尿毒症，每周透析三次', '肺癌术后康复中', '脑梗后遗症，半身不遂', '乳腺癌化疗中', '心脏搭桥术后'],
  unemployed: ['原在煤矿工作，下岗在家', '想找保洁或保安工作', '企业裁员后一直在找工作', '大学毕业两年未就业'],
}

export function annotate(rng: SeedRandom, persons: PlannedPerson[]): void {
  for (const p of persons) {
    const pool = p.keyGroups.map((g) => FLAG_NOTES[g]).find((n) => n !== undefined)
    if (pool && p.notes === '') p.notes = rng.pick(pool)
  }
}
