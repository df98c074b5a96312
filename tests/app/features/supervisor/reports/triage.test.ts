import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { buildReviewItems, filterReviewItems, type ReviewSources } from '@/features/supervisor/reports/review-queue'
import { triageQueue } from '@/features/supervisor/reports/triage'
import { freezeQueue, newArrivals, nextAfterDecision, sampleIds, stepFrom } from '@/features/supervisor/reports/review-session'
import { itemSummary, kindLabel } from '@/features/supervisor/review-labels'
import { assessment, grid, household, review, visit } from '../factories'

const g = grid({ workerId: 'w1' })
const base: ReviewSources = { grids: [g], households: [], visits: [], wishes: [], assessments: [], reviews: [] }
const at = (d: number) => new Date(Date.UTC(2026, 0, 1) + d * 86_400_000).toISOString()
const open = (src: ReviewSources) => filterReviewItems(buildReviewItems(src), { state: 'open' })
const ctx = { t: (k: string, n?: Record<string, unknown>) => (n ? `${k}:${JSON.stringify(n)}` : k), locale: 'zh-CN' as const }

describe('triageQueue', () => {
  it('puts records that need her eyes on top with the reasons, routine ones apart', () => {
    const plain = household({ gridId: g.id, headName: '普通' })
    const urgent = household({ gridId: g.id, headName: '迫切', careLevel: 3, keyGroups: ['serious-illness'] })
    const key = household({ gridId: g.id, headName: '重点', keyGroups: ['elderly-alone'] })
    const thin = visit({ householdId: plain.id, gridId: g.id, visitedAt: at(40), seen: '好', asked: '', done: '' })
    const routine = visit({ householdId: plain.id, gridId: g.id, visitedAt: at(50), seen: '老人身体还好，按时吃药，家里整洁' })
    const lapse = visit({ householdId: plain.id, gridId: g.id, visitedAt: at(300), seen: '很久没来，老人搬去女儿家住了一段时间' })
    const keyVisit = visit({ householdId: key.id, gridId: g.id, visitedAt: at(60), seen: '老人独居，精神不错，冰箱里有菜' })
    const ask = visit({ householdId: urgent.id, gridId: g.id, visitedAt: at(70), seen: '卧床，女儿照顾', asked: '希望有人上门理发' })
    const src = { ...base, households: [plain, urgent, key], visits: [thin, routine, lapse, keyVisit, ask] }
    const r = triageQueue(open(src), src)
    const reasons = new Map([...r.attention, ...r.routine].map((e) => [e.id, e.reasons]))
    expect(reasons.get(thin.id)).toEqual(['thin-text'])
    expect(reasons.get(lapse.id)).toEqual(['long-gap'])
    expect(reasons.get(ask.id)).toEqual(['urgent-need', 'key-household'])
    expect(reasons.get(keyVisit.id)).toEqual(['key-household'])
    expect(r.attention[0]!.id).toBe(ask.id)
    expect(r.attention.map((e) => e.id)).toEqual(expect.arrayContaining([thin.id, lapse.id, urgent.id]))
    expect(r.routine.map((e) => e.id)).toEqual(expect.arrayContaining([routine.id, keyVisit.id, plain.id, key.id]))
    expect(r.routine.map((e) => e.id)).not.toContain(thin.id)
  })

  it('does not call an attempt (nobody home) thin, and names its outcome in the queue line', () => {
    const plain = household({ gridId: g.id })
    const attempt = visit({ householdId: plain.id, gridId: g.id, visitedAt: at(40), outcome: 'not-home', seen: '', asked: '', done: '' })
    const refused = visit({ householdId: plain.id, gridId: g.id, visitedAt: at(41), outcome: 'refused', seen: '不让进门' })
    const src = { ...base, households: [plain], visits: [attempt, refused] }
    const r = triageQueue(open(src), src)
    const reasons = new Map([...r.attention, ...r.routine].map((e) => [e.id, e.reasons]))
    expect(reasons.get(attempt.id)).toEqual([])
    const items = new Map(buildReviewItems(src).map((i) => [i.id, i]))
    expect(itemSummary(items.get(attempt.id)!, ctx)).toBe('supervisor.outcome.not-home')
    expect(itemSummary(items.get(refused.id)!, ctx)).toBe('supervisor.outcome.refused · 不让进门')
  })

  it('puts a resubmitted correction first, and an urgent assessment among those to look at', () => {
    const h = household({ gridId: g.id })
    const first = visit({ householdId: h.id, gridId: g.id, visitedAt: at(10), seen: '第一次写得太简单了一些内容' })
    const fix = visit({ householdId: h.id, gridId: g.id, visitedAt: at(10), correctsId: first.id, createdAt: at(12), seen: '补充了用药和家属探望的情况' })
    const returned = review({ recordId: first.id, gridId: g.id, state: 'returned', comment: '写清楚' })
    const a = assessment({ householdId: h.id, gridId: g.id, assessedAt: at(20), answers: { health: { level: 3, notes: '', extra: {} } } })
    const src = { ...base, households: [h], visits: [first, fix], reviews: [returned], assessments: [a] }
    const r = triageQueue(open(src), src)
    expect(r.attention[0]).toMatchObject({ id: fix.id, reasons: ['returned-before', 'correction'] })
    expect(r.attention.find((e) => e.id === a.id)?.reasons).toEqual(['urgent-need'])
  })
})

describe('review session', () => {
  it('counts records arriving after freezing as new, without changing the frozen order', () => {
    const h = household({ gridId: g.id })
    const v1 = visit({ householdId: h.id, gridId: g.id, visitedAt: at(10), seen: '老人身体还好，按时吃药，家里整洁' })
    const src = { ...base, households: [h], visits: [v1] }
    const q = freezeQueue(buildReviewItems(src), src, 0)
    const v2 = visit({ householdId: h.id, gridId: g.id, visitedAt: at(11), seen: '又去了一次，老人身体还好，按时吃药' })
    const later = buildReviewItems({ ...src, visits: [v1, v2] })
    expect(newArrivals(q, later)).toBe(1)
    expect(q.order).toEqual(expect.arrayContaining([v1.id, h.id]))
    expect(q.order).not.toContain(v2.id)
  })

  it('samples at least one routine record, about the rate, stably per seed', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 400 }), fc.constantFrom(0.05, 0.1, 0.5), fc.string(), (n, rate, seed) => {
      const routine = Array.from({ length: n }, (_, i) => ({ id: `r-${i}`, reasons: [], weight: 0 }))
      const s = sampleIds(routine, rate, seed)
      expect(s.size).toBeGreaterThanOrEqual(1)
      expect([...s].every((id) => id.startsWith('r-'))).toBe(true)
      expect(sampleIds(routine, rate, seed)).toEqual(s)
      if (n >= 200) expect(s.size / n).toBeLessThan(rate * 2 + 0.05)
    }))
    expect(sampleIds([], 0.1, 'x').size).toBe(0)
    const all = Array.from({ length: 50 }, (_, i) => ({ id: `r-${i}`, reasons: [], weight: 0 }))
    expect(sampleIds(all, 1, 'x').size).toBe(50)
  })

  it('steps through the order and, after a decision, opens the next open record', () => {
    const order = ['a', 'b', 'c', 'd']
    const openIds = new Set(['a', 'c'])
    expect(stepFrom(order, 'b', 1)).toBe('c')
    expect(stepFrom(order, 'a', -1)).toBeNull()
    expect(nextAfterDecision(order, 'a', (x) => openIds.has(x))).toBe('c')
    expect(nextAfterDecision(order, 'c', (x) => openIds.has(x) && x !== 'c')).toBe('a')
    expect(nextAfterDecision(order, 'c', () => false)).toBeNull()
  })
})

describe('review labels', () => {
  it('names a courtyard score by its template and never shows a template id', () => {
    const h = household({ gridId: g.id })
    const c = assessment({ householdId: h.id, gridId: g.id, assessedAt: at(5), templateId: 'courtyard-v1', score: 83 })
    const n = assessment({ householdId: h.id, gridId: g.id, assessedAt: at(6), careLevel: 2 })
    const items = buildReviewItems({ ...base, households: [h], assessments: [c, n] })
    const ci = items.find((i) => i.id === c.id)!
    const ni = items.find((i) => i.id === n.id)!
    expect(kindLabel(ci, ctx)).toBe('最美庭院评分')
    expect(kindLabel(ni, ctx)).toBe('家庭需求评估')
    expect(itemSummary(ci, ctx)).toBe('supervisor.courtyard.score:{"n":83}')
    expect(items.map((i) => itemSummary(i, ctx)).join(' ')).not.toMatch(/courtyard-v1|needs-v1/)
  })
})
