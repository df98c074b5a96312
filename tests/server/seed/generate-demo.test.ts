import { beforeAll, describe, expect, it } from 'vitest'
import { Community, Grid, PublicUser, RECORD_SCHEMAS, type RecordKind } from '../../../src/shared'
import { DEMO_PASSWORD, generateDemo, type DemoData } from '../../../sync-server/seed/generate-demo'

const NOW = new Date('2025-06-15T10:00:00+08:00')
let demo: DemoData
let cpuMs = 0

beforeAll(() => {
  // CPU time, not wall time: the machine running the suite is shared with other jobs.
  const t0 = process.cpuUsage()
  demo = generateDemo({ now: NOW })
  const used = process.cpuUsage(t0)
  cpuMs = (used.user + used.system) / 1000
})

const byKind = (d: DemoData): [RecordKind, unknown[]][] => [
  ['household', d.households],
  ['person', d.persons],
  ['visit', d.visits],
  ['wish', d.wishes],
  ['assessment', d.assessments],
  ['review', d.reviews],
]

describe('generateDemo', () => {
  it('returns byte-identical data for the same options', () => {
    expect(JSON.stringify(generateDemo({ now: NOW }))).toBe(JSON.stringify(demo))
  })

  it('returns different data for another seed', () => {
    const other = generateDemo({ now: NOW, seed: 7, households: 50 })
    expect(other.households[0]?.id).not.toBe(demo.households[0]?.id)
    expect(other.persons.map((p) => p.name)).not.toEqual(demo.persons.slice(0, other.persons.length).map((p) => p.name))
  })

  it('generates the default size in under 3 seconds of CPU', () => {
    expect(cpuMs).toBeLessThan(3000)
  })

  it('builds one community, four grids and the four demo accounts', () => {
    expect(demo.community.name).toBe('城东社区')
    expect(demo.grids.map((g) => g.name)).toEqual(['第一网格', '第二网格', '第三网格', '第四网格'])
    expect(demo.users.map((u) => u.username)).toEqual(['demo-admin', 'demo-supervisor', 'demo-worker-1', 'demo-worker-2'])
    expect(demo.users.every((u) => u.password === DEMO_PASSWORD)).toBe(true)
    const [, supervisor, w1, w2] = demo.users
    expect(supervisor?.communityId).toBe(demo.community.id)
    expect(w1?.gridIds).toEqual(demo.grids.slice(0, 2).map((g) => g.id))
    expect(w2?.gridIds).toEqual(demo.grids.slice(2).map((g) => g.id))
    for (const g of demo.grids) {
      expect(g.estates.length).toBeGreaterThanOrEqual(2)
      expect(g.estates.length).toBeLessThanOrEqual(4)
      expect(demo.users.find((u) => u.id === g.workerId)?.gridIds).toContain(g.id)
    }
  })

  it('has about 800 households and 2,400 persons', () => {
    expect(demo.households).toHaveLength(800)
    expect(demo.persons.length).toBeGreaterThan(2200)
    expect(demo.persons.length).toBeLessThan(2700)
    expect(demo.visits.length).toBeGreaterThan(1500)
  })

  it('makes every record parse with its shared schema', () => {
    expect(Community.safeParse(demo.community).success).toBe(true)
    for (const g of demo.grids) expect(Grid.parse(g)).toEqual(g)
    for (const u of demo.users) expect(PublicUser.safeParse(u).success).toBe(true)
    for (const [kind, records] of byKind(demo)) {
      const bad = records.filter((r) => !RECORD_SCHEMAS[kind].safeParse(r).success)
      expect(bad, `${kind}: ${JSON.stringify(bad[0])}`).toHaveLength(0)
    }
  })

  it('gives every record a unique id (reviews share the id of their record)', () => {
    const ids = [demo.community, ...demo.grids, ...demo.users, ...demo.households, ...demo.persons, ...demo.visits, ...demo.wishes, ...demo.assessments].map((r) => r.id)
    expect(new Set(ids).size).toBe(ids.length)
  })

  it('keeps references inside the demo and inside the same grid', () => {
    const households = new Map(demo.households.map((h) => [h.id, h]))
    const persons = new Map(demo.persons.map((p) => [p.id, p]))
    const visits = new Map(demo.visits.map((v) => [v.id, v]))
    const workerOf = new Map(demo.grids.map((g) => [g.id, g.workerId]))
    for (const p of demo.persons) expect(households.get(p.householdId)?.gridId).toBe(p.gridId)
    for (const v of demo.visits) {
      expect(households.get(v.householdId)?.gridId).toBe(v.gridId)
      expect(v.visitorId).toBe(workerOf.get(v.gridId))
      if (v.correctsId) expect(visits.get(v.correctsId)?.householdId).toBe(v.householdId)
    }
    for (const w of demo.wishes) {
      expect(households.get(w.householdId)?.gridId).toBe(w.gridId)
      if (w.personId) expect(persons.get(w.personId)?.householdId).toBe(w.householdId)
      if (w.visitId) expect(visits.get(w.visitId)?.householdId).toBe(w.householdId)
      expect(w.createdBy).toBe(workerOf.get(w.gridId))
    }
    for (const a of demo.assessments) expect(households.get(a.householdId)?.gridId).toBe(a.gridId)
    const records = new Map<string, { gridId: string }>([...demo.visits, ...demo.wishes, ...demo.assessments, ...demo.households].map((r) => [r.id, r]))
    const supervisor = demo.users.find((u) => u.username === 'demo-supervisor')
    for (const r of demo.reviews) {
      expect(r.id).toBe(r.recordId)
      expect(records.get(r.recordId)?.gridId).toBe(r.gridId)
      expect(r.reviewerId).toBe(supervisor?.id)
      if (r.resubmittedBy) expect(visits.get(r.resubmittedBy)?.correctsId).toBe(r.recordId)
    }
  })

  it('places every timestamp and HLC at or before now', () => {
    const nowMs = NOW.getTime()
    const stamps = [
      ...demo.households.flatMap((h) => [h.createdAt, h.updatedAt]),
      ...demo.visits.flatMap((v) => [v.visitedAt, v.createdAt]),
      ...demo.wishes.flatMap((w) => [w.createdAt, w.updatedAt, ...w.history.map((e) => e.at)]),
      ...demo.assessments.map((a) => a.assessedAt),
      ...demo.reviews.map((r) => r.reviewedAt ?? ''),
    ]
    expect(stamps.filter((s) => !(Date.parse(s) <= nowMs))).toEqual([])
    const hlcMillis = [...demo.households, ...demo.persons, ...demo.assessments].flatMap((r) => Object.values(r.hlc).map((h) => Number(h.slice(0, 15))))
    expect(Math.max(...hlcMillis)).toBeLessThanOrEqual(nowMs)
  })

  it('stamps an HLC on every field of mergeable records', () => {
    for (const h of demo.households) expect(Object.keys(h.hlc).sort()).toEqual(['address', 'careLevel', 'deleted', 'headName', 'keyGroups', 'notes', 'phone', 'visitCadenceDays'])
    for (const p of demo.persons) expect(Object.keys(p.hlc)).toContain('birthDate')
    for (const a of demo.assessments) expect(Object.keys(a.hlc)).toContain('answers')
  })

  it('scales with the households and visit-rate options', () => {
    const small = generateDemo({ now: NOW, households: 40 })
    expect(small.households).toHaveLength(40)
    const heavy = generateDemo({ now: NOW, households: 200, visitsPerHouseholdPerYear: 10 })
    expect(heavy.visits.length).toBeGreaterThan(1600)
    expect(heavy.visits.length).toBeLessThan(2400)
  })

  it('returns an empty but valid community for zero households', () => {
    const empty = generateDemo({ now: NOW, households: 0 })
    expect(empty.grids).toHaveLength(4)
    expect(empty.persons).toEqual([])
    expect(empty.visits).toEqual([])
  })

  it('rejects an invalid now', () => {
    expect(() => generateDemo({ now: new Date('not a date') })).toThrow(RangeError)
  })
})
