import type { KeyGroup } from '../../src/shared'
import type { SeedRandom } from './seed-random'
import { DAY, dateString, isLeapYear, isoDate, monthDay } from './seed-time'
import { LOCAL_REGION, MIGRANT_REGIONS, givenName, idNumber, mobile, surname, type Sex } from './demo-names'
import { addIncidentalFlags, annotate } from './demo-flags'

/**
 * Family compositions with realistic ages per relation: an elderly person living alone,
 * grandparents raising left-behind grandchildren, a single mother, a migrant family,
 * three generations under one roof… Children carry the father's surname; wives keep
 * their own, as in China. Key-group flags sit on the persons they concern.
 */

type Relation = 'self' | 'spouse' | 'child' | 'parent' | 'grandchild' | 'grandparent' | 'sibling' | 'other'

export interface PlannedPerson {
  name: string
  sex: Sex
  birthDate: string
  relation: Relation
  phone: string
  idNumber: string
  keyGroups: KeyGroup[]
  notes: string
}

export interface FamilyContext {
  rng: SeedRandom
  nowMs: number
  /** Share of key-group persons whose birthday falls in the coming week. */
  birthdayBoost: number
}

export type FamilyKind =
  | 'elderly-alone' | 'lost-only-child' | 'left-behind' | 'left-behind-woman' | 'single-parent' | 'migrant'
  | 'elderly-couple' | 'couple-child' | 'couple-two-children' | 'three-generations' | 'young-couple' | 'single-adult' | 'couple-adult-child'

export const FAMILY_WEIGHTS: readonly (readonly [FamilyKind, number])[] = [
  ['elderly-alone', 4], ['lost-only-child', 1], ['left-behind', 3], ['left-behind-woman', 1], ['single-parent', 3],
  ['migrant', 4], ['elderly-couple', 14], ['couple-child', 23], ['couple-two-children', 13], ['three-generations', 14],
  ['young-couple', 7], ['single-adult', 5], ['couple-adult-child', 10],
]

export interface Family {
  kind: FamilyKind
  persons: PlannedPerson[]
  notes: string
}

function birthDateFor(ctx: FamilyContext, age: number, keyGroups: KeyGroup[]): string {
  const { rng, nowMs } = ctx
  const ms = nowMs - age * 365.25 * DAY - rng.int(1, 364) * DAY
  if (keyGroups.length === 0 || !rng.chance(ctx.birthdayBoost)) return isoDate(ms)
  // A birthday in the coming week: the worker will want to bring a cake.
  const year = Number(isoDate(ms).slice(0, 4))
  const { month, day } = monthDay(nowMs + rng.int(0, 6) * DAY)
  return dateString(year, month, month === 2 && day === 29 && !isLeapYear(year) ? 28 : day)
}

interface MemberSpec {
  relation: Relation
  sex: Sex
  age: number
  family: string
  region?: string
  keyGroups?: KeyGroup[]
  notes?: string
}

function member(ctx: FamilyContext, spec: MemberSpec): PlannedPerson {
  const { rng } = ctx
  // A copy: spouses built from one spec must not share (and later co-mutate) their flags.
  const keyGroups = [...(spec.keyGroups ?? [])]
  const age = Math.max(0, Math.min(98, Math.round(spec.age)))
  const birthDate = birthDateFor(ctx, age, keyGroups)
  const name = spec.family + givenName(rng, spec.sex, Number(birthDate.slice(0, 4)))
  const hasPhone = age >= 16 && (age < 78 || rng.chance(0.4))
  return {
    name,
    sex: spec.sex,
    birthDate,
    relation: spec.relation,
    phone: hasPhone ? mobile(rng) : '',
    idNumber: rng.chance(0.96) ? idNumber(rng, spec.region ?? LOCAL_REGION, birthDate, spec.sex) : '',
    keyGroups,
    notes: spec.notes ?? '',
  }
}

/** Husband (head) and wife of about `age`, flags on both. */
function couple(ctx: FamilyContext, age: number, family: string, keyGroups: KeyGroup[] = [], region?: string): PlannedPerson[] {
  const { rng } = ctx
  return [
    member(ctx, { relation: 'self', sex: 'M', age, family, region, keyGroups }),
    member(ctx, { relation: 'spouse', sex: 'F', age: age - rng.int(-1, 4), family: surname(rng), region, keyGroups }),
  ]
}

function children(ctx: FamilyContext, n: number, parentAge: number, family: string, relation: Relation, opts: { maxAge?: number; keyGroups?: KeyGroup[]; region?: string } = {}): PlannedPerson[] {
  const { rng } = ctx
  const out: PlannedPerson[] = []
  for (let i = 0; i < n; i++) {
    const age = Math.min(opts.maxAge ?? 99, parentAge - rng.int(23, 33) - i * rng.int(2, 5))
    out.push(member(ctx, { relation, sex: rng.chance(0.5) ? 'F' : 'M', age: Math.max(1, age), family, keyGroups: opts.keyGroups, region: opts.region }))
  }
  return out
}

type Builder = (ctx: FamilyContext, family: string) => { persons: PlannedPerson[]; notes: string }

const BUILDERS: Record<FamilyKind, Builder> = {
  'elderly-alone': (ctx, family) => {
    const { rng } = ctx
    const extra = rng.weighted<KeyGroup[]>([[[], 60], [['disabled'], 12], [['serious-illness'], 10], [['lost-only-child'], 8], [['hardship'], 10]])
    const sex: Sex = rng.chance(0.7) ? 'F' : 'M'
    const person = member(ctx, { relation: 'self', sex, age: rng.int(70, 92), family, keyGroups: ['elderly-alone', ...extra] })
    const notes = rng.pick(['老伴去世多年，子女在外地工作', '无子女，独自居住', '儿子在西安，逢年过节回来', '女儿嫁到延安，每月回来一次', ''])
    return { persons: [person], notes }
  },
  'lost-only-child': (ctx, family) => ({
    persons: couple(ctx, ctx.rng.int(56, 74), family, ['lost-only-child']),
    notes: '独生子女因病去世，老两口相依为命，逢生日、节日上门看望',
  }),
  'left-behind': (ctx, family) => {
    const { rng } = ctx
    const age = rng.int(58, 74)
    const elders = rng.chance(0.7) ? couple(ctx, age, family) : [member(ctx, { relation: 'self', sex: 'F', age, family })]
    const kids = children(ctx, rng.int(1, 2), age - 25, family, 'grandchild', { maxAge: 15, keyGroups: ['left-behind'] })
    return { persons: [...elders, ...kids], notes: rng.pick(['孩子父母在西安打工', '父母在外地务工，一年回来一两次', '父母在深圳打工，孩子由爷爷奶奶照看']) }
  },
  'left-behind-woman': (ctx, family) => {
    const { rng } = ctx
    const age = rng.int(30, 42)
    const wife = member(ctx, { relation: 'self', sex: 'F', age, family: surname(rng), keyGroups: ['left-behind'], notes: '丈夫常年在外务工' })
    return { persons: [wife, ...children(ctx, rng.int(1, 2), age + 2, family, 'child', { maxAge: 14 })], notes: '丈夫在外地工地务工，妻子一人照顾孩子' }
  },
  'single-parent': (ctx, family) => {
    const { rng } = ctx
    const sex: Sex = rng.chance(0.8) ? 'F' : 'M'
    const age = rng.int(28, 48)
    const parent = member(ctx, { relation: 'self', sex, age, family: sex === 'F' ? surname(rng) : family, keyGroups: ['single-parent'] })
    const kids = children(ctx, rng.weighted([[1, 70], [2, 30]]), age + 2, family, 'child', { maxAge: 17, keyGroups: ['single-parent'] })
    return { persons: [parent, ...kids], notes: rng.pick(['离异，独自抚养孩子', '丈夫因病去世，一人带孩子', '离异多年，靠打零工维持生活']) }
  },
  migrant: (ctx, family) => {
    const { rng } = ctx
    const region = rng.pick(MIGRANT_REGIONS)
    const age = rng.int(28, 45)
    const parents = couple(ctx, age, family, ['migrant-family'], region)
    const kids = children(ctx, rng.int(1, 2), age, family, 'child', { maxAge: 14, keyGroups: ['migrant-family'], region })
    return { persons: [...parents, ...kids], notes: rng.pick(['外地来黄龙务工，租住在此', '在县城开小饭馆，租房居住', '在建筑工地打工，孩子在县城上学']) }
  },
  'elderly-couple': (ctx, family) => ({ persons: couple(ctx, ctx.rng.int(62, 85), family), notes: ctx.rng.pick(['子女在外地', '', '', '退休职工']) }),
  'couple-child': (ctx, family) => {
    const age = ctx.rng.int(28, 50)
    return { persons: [...couple(ctx, age, family), ...children(ctx, 1, age, family, 'child')], notes: '' }
  },
  'couple-two-children': (ctx, family) => {
    const age = ctx.rng.int(32, 50)
    return { persons: [...couple(ctx, age, family), ...children(ctx, 2, age, family, 'child')], notes: '' }
  },
  'three-generations': (ctx, family) => {
    const { rng } = ctx
    const age = rng.int(32, 50)
    const grandpa = age + rng.int(24, 32)
    const elders = rng.chance(0.6)
      ? [member(ctx, { relation: 'parent', sex: 'M', age: grandpa, family }), member(ctx, { relation: 'parent', sex: 'F', age: grandpa - rng.int(0, 4), family: surname(rng) })]
      : [member(ctx, { relation: 'parent', sex: rng.chance(0.7) ? 'F' : 'M', age: grandpa, family })]
    const kids = children(ctx, rng.weighted([[1, 60], [2, 40]]), age, family, 'child')
    return { persons: [...couple(ctx, age, family), ...elders, ...kids], notes: '' }
  },
  'young-couple': (ctx, family) => ({ persons: couple(ctx, ctx.rng.int(24, 32), family), notes: '' }),
  'single-adult': (ctx, family) => {
    const sex: Sex = ctx.rng.chance(0.5) ? 'F' : 'M'
    return { persons: [member(ctx, { relation: 'self', sex, age: ctx.rng.int(22, 66), family })], notes: '' }
  },
  'couple-adult-child': (ctx, family) => {
    const age = ctx.rng.int(48, 62)
    return { persons: [...couple(ctx, age, family), ...children(ctx, 1, age, family, 'child')], notes: '' }
  },
}

/** One family of the given kind (or a random one). */
export function buildFamily(ctx: FamilyContext, kind: FamilyKind = ctx.rng.weighted(FAMILY_WEIGHTS)): Family {
  const { persons, notes } = BUILDERS[kind](ctx, surname(ctx.rng))
  addIncidentalFlags(ctx, persons)
  annotate(ctx.rng, persons)
  return { kind, persons, notes }
}
