import { beforeEach, describe, expect, it } from 'vitest'
import ReviewQueuePage from '@/features/supervisor/ReviewQueuePage.vue'
import { buildReviewItems, filterReviewItems } from '@/features/supervisor/reports/review-queue'
import { triageQueue } from '@/features/supervisor/reports/triage'
import { visit } from './factories'
import { setupSupervisor, until, type SupervisorKit } from './supervisor-kit'

describe('ReviewQueuePage', { timeout: 30_000 }, () => {
  let kit: SupervisorKit
  beforeEach(async () => {
    kit = await setupSupervisor({ households: 40 })
  }, 30_000)
  const open = () => filterReviewItems(buildReviewItems(kit.demo), { state: 'open' })
  const count = (w: Awaited<ReturnType<SupervisorKit['mountAt']>>) => w.get('[data-testid="review-count"]').text()

  it('shows the records that need her eyes first, with the reasons, then the routine ones', async () => {
    const w = await kit.mountAt(ReviewQueuePage, '/supervisor/review')
    const expected = triageQueue(open(), kit.demo)
    expect(expected.attention.length).toBeGreaterThan(0)
    await until(() => expect(count(w)).toContain(String(open().length)))
    const rows = w.findAll('[data-testid="review-attention"] li.review-item')
    expect(rows.slice(0, 5).map((r) => r.attributes('data-testid'))).toEqual(expected.attention.slice(0, 5).map((e) => `review-item-${e.id}`))
    expect(rows.every((r) => r.find('[data-testid="review-reasons"]').exists())).toBe(true)
    expect(rows[0]!.text()).toContain('曾退回')
    expect(w.find('[data-testid="review-routine"]').exists()).toBe(true)
  })

  it('asks for the sample first, then approves the routine rest in one go', async () => {
    kit.store.sampleRate = 0.2
    const w = await kit.mountAt(ReviewQueuePage, '/supervisor/review')
    await until(() => expect(w.findAll('[data-testid="review-sample"] li').length).toBeGreaterThan(0))
    const batch = () => w.get('[data-testid="batch-approve"]')
    expect(batch().attributes('disabled')).toBeDefined()
    expect(batch().text()).toContain('请先看完抽查')
    const sampled = w.findAll('[data-testid="review-sample"] li').map((li) => li.attributes('data-testid')!.replace('review-item-', ''))
    const items = new Map(open().map((i) => [i.id, i]))
    for (const id of sampled) {
      const i = items.get(id)!
      await kit.store.decide({ kind: i.kind, recordId: i.id, gridId: i.gridId, decision: 'approved', comment: '' })
    }
    await until(() => expect(batch().attributes('disabled')).toBeUndefined())
    const rest = Number(/(\d+)/.exec(batch().text())![1])
    const openBefore = open().length
    await batch().trigger('click')
    await until(() => expect(document.querySelector('.van-dialog__confirm')).not.toBeNull())
    expect(document.body.textContent).toContain(`确认通过其余 ${rest} 条常规记录`)
    ;(document.querySelector('.van-dialog__confirm') as HTMLButtonElement).click()
    await until(async () => expect(await kit.db.outbox.count()).toBe(sampled.length + rest))
    await until(() => expect(count(w)).toContain(String(openBefore - sampled.length - rest)))
  })

  it('keeps its count still when a sync brings records, and offers them as new', async () => {
    const w = await kit.mountAt(ReviewQueuePage, '/supervisor/review')
    const before = open().length
    await until(() => expect(count(w)).toContain(String(before)))
    const h = kit.demo.households[0]!
    const arrived = [1, 2, 3].map((n) => visit({ householdId: h.id, gridId: h.gridId, visitedAt: new Date(Date.UTC(2026, 2, 10, n)).toISOString(), seen: `第${n}次补录的走访内容，老人身体还好` }))
    await kit.db.visits.bulkPut(arrived)
    await until(() => expect(w.find('[data-testid="review-new"]').text()).toContain('3 条新记录'))
    expect(count(w)).toContain(String(before))
    await w.get('[data-testid="review-new"]').trigger('click')
    await until(() => expect(count(w)).toContain(String(before + 3)))
    expect(w.find('[data-testid="review-new"]').exists()).toBe(false)
  })

  it('shows a decision on its row at once, without taking the row away', async () => {
    const w = await kit.mountAt(ReviewQueuePage, '/supervisor/review')
    const first = triageQueue(open(), kit.demo).attention[0]!
    const i = open().find((x) => x.id === first.id)!
    await until(() => expect(w.find(`[data-testid="review-item-${i.id}"]`).exists()).toBe(true))
    await kit.store.decide({ kind: i.kind, recordId: i.id, gridId: i.gridId, decision: 'approved', comment: '' })
    await until(() => expect(w.find(`[data-testid="review-item-${i.id}"] [data-state="approved"]`).exists()).toBe(true))
    expect(count(w)).toContain(String(open().length - 1))
  })
})
