import { beforeEach, describe, expect, it } from 'vitest'
import ReviewQueuePage from '@/features/supervisor/ReviewQueuePage.vue'
import { buildReviewItems, filterReviewItems } from '@/features/supervisor/reports/review-queue'
import { setupSupervisor, until, type SupervisorKit } from './supervisor-kit'

describe('ReviewQueuePage', { timeout: 30_000 }, () => {
  let kit: SupervisorKit
  beforeEach(async () => {
    kit = await setupSupervisor({ households: 40 })
  }, 30_000)
  const open = () => filterReviewItems(buildReviewItems(kit.demo), { state: 'open' })

  it('lists the records waiting for review, newest first, with resubmissions marked', async () => {
    const w = await kit.mountAt(ReviewQueuePage, '/supervisor/review')
    const expected = open()
    expect(expected.length).toBeGreaterThan(0)
    expect(w.get('[data-testid="review-count"]').text()).toContain(String(expected.length))
    const shown = w.findAll('li.review-item').map((li) => li.attributes('data-testid'))
    expect(shown.slice(0, 5)).toEqual(expected.slice(0, 5).map((i) => `review-item-${i.id}`))
    const resub = expected.find((i) => i.state === 'resubmitted')
    expect(resub).toBeDefined()
    kit.store.reviewFilter = { state: 'resubmitted' }
    await until(() => expect(w.find(`[data-testid="review-item-${resub!.id}"] [data-state="resubmitted"]`).exists()).toBe(true))
  })

  it('filters by record kind', async () => {
    const w = await kit.mountAt(ReviewQueuePage, '/supervisor/review')
    kit.store.reviewFilter = { state: 'open', kind: 'wish' }
    await until(() => expect(w.get('[data-testid="review-count"]').text()).toContain(String(open().filter((i) => i.kind === 'wish').length)))
    expect(w.findAll('.review-item__kind').every((el) => el.text() === '微心愿')).toBe(true)
  })

  it('approves the ticked records in one go: review.set per record, and they leave the queue', async () => {
    const w = await kit.mountAt(ReviewQueuePage, '/supervisor/review')
    const before = open().length
    const boxes = w.findAll('li.review-item .van-checkbox')
    await boxes[0]!.trigger('click')
    await boxes[1]!.trigger('click')
    await w.get('[data-testid="batch-approve"]').trigger('click')
    await until(async () => expect(await kit.db.outbox.count()).toBe(2))
    const names = (await kit.db.outbox.toArray()).map((r) => r.mutation.name)
    expect(names).toEqual(['review.set', 'review.set'])
    await until(() => expect(w.get('[data-testid="review-count"]').text()).toContain(String(before - 2)))
  })
})
