import { describe, expect, it } from 'vitest'
import { NEEDS_TEMPLATE, evaluateAssessment, findTemplate } from '../../../src/shared'
import { DEMO_NOW, ageAt, defaultDemo, groupBy } from './demo-fixture'

describe('demo assessments', () => {
  const demo = defaultDemo()
  const needs = demo.assessments.filter((a) => a.templateId === 'needs-v1')

  it('assesses most key households and scores a few courtyards', () => {
    const key = demo.households.filter((h) => h.keyGroups.length > 0)
    const assessed = new Set(needs.map((a) => a.householdId))
    expect(key.filter((h) => assessed.has(h.id)).length).toBeGreaterThan(key.length * 0.6)
    expect(demo.assessments.filter((a) => a.templateId === 'courtyard-v1').length).toBeGreaterThanOrEqual(10)
  })

  it('answers every domain and derives care level, cadence and score with evaluateAssessment', () => {
    for (const a of demo.assessments) {
      const template = findTemplate(a.templateId)
      if (!template) throw new Error(`unknown template ${a.templateId}`)
      expect(Object.keys(a.answers).sort()).toEqual(template.domains.map((d) => d.key).sort())
      expect({ careLevel: a.careLevel, cadenceDays: a.cadenceDays, score: a.score }).toEqual(evaluateAssessment(template, a.answers))
    }
  })

  it('records wanted job and expected pay when employment is a need', () => {
    const withJob = needs.filter((a) => (a.answers.employment?.level ?? 0) > 0)
    expect(withJob.length).toBeGreaterThan(0)
    for (const a of withJob) {
      expect(a.answers.employment?.extra.wantedJob).toBeTruthy()
      expect(Number(a.answers.employment?.extra.expectedPay)).toBeGreaterThanOrEqual(2000)
    }
    expect(NEEDS_TEMPLATE.domains.find((d) => d.key === 'employment')?.extra.map((f) => f.key)).toEqual(['wantedJob', 'expectedPay'])
  })

  it('sets each household’s care level and cadence from its latest needs assessment', () => {
    const latest = new Map([...groupBy(needs, (a) => a.householdId)].map(([id, list]) => [id, list.sort((x, y) => x.assessedAt.localeCompare(y.assessedAt)).at(-1)]))
    for (const h of demo.households) {
      const a = latest.get(h.id)
      if (a) expect([h.careLevel, h.visitCadenceDays, h.hlc.careLevel?.slice(0, 15)]).toEqual([a.careLevel, a.cadenceDays, String(Date.parse(a.assessedAt)).padStart(15, '0')])
      else expect(h.visitCadenceDays).toBeNull()
    }
    expect(new Set(demo.households.map((h) => h.careLevel))).toEqual(new Set([0, 1, 2, 3]))
  })

  it('writes notes only about people the household has', () => {
    const minors = new Set(demo.persons.filter((p) => ageAt(p.birthDate ?? '', DEMO_NOW) < 19).map((p) => p.householdId))
    for (const a of needs) {
      for (const answer of Object.values(a.answers)) {
        if (answer.notes.includes('孩子')) expect(minors.has(a.householdId), answer.notes).toBe(true)
        expect(answer.level === 0).toBe(answer.notes === '')
      }
    }
  })
})
