import { beforeEach, describe, expect, it } from 'vitest'
import ReviewDetailPage from '@/features/supervisor/ReviewDetailPage.vue'
import { buildReviewItems } from '@/features/supervisor/reports/review-queue'
import { setupSupervisor, until, type SupervisorKit } from './supervisor-kit'

describe('ReviewDetailPage', { timeout: 30_000 }, () => {
  let kit: SupervisorKit
  beforeEach(async () => {
    kit = await setupSupervisor({ households: 60 })
  }, 30_000)
  const outbox = async () => (await kit.db.outbox.orderBy('seq').toArray()).map((r) => r.mutation)

  it('shows a resubmission with the returned comment and what changed, and audits the view', async () => {
    const item = buildReviewItems(kit.demo).find((i) => i.state === 'resubmitted' && i.resubmissionOf)
    expect(item).toBeDefined()
    const w = await kit.mountAt(ReviewDetailPage, `/supervisor/review/visit/${item!.id}`)
    await until(() => expect(w.find('[data-testid="resubmission"]').exists()).toBe(true))
    const original = kit.demo.visits.find((v) => v.id === item!.resubmissionOf)!
    const fixed = kit.demo.visits.find((v) => v.id === item!.id)!
    const changed = (['seen', 'asked', 'done', 'method'] as const).filter((f) => original[f] !== fixed[f])
    expect(changed.length).toBeGreaterThan(0)
    for (const f of changed) expect(w.find(`[data-field="${f}"]`).exists()).toBe(true)
    expect(w.text()).toContain(kit.demo.reviews.find((r) => r.recordId === original.id)!.comment)
    await until(async () => expect((await outbox()).map((m) => m.name)).toEqual(['audit.record']))
    expect((await outbox())[0]).toMatchObject({ args: { action: 'view', recordKind: 'visit', recordId: item!.id } })
  })

  it('shows a household whole, with its members', async () => {
    const h = kit.demo.households.find((x) => kit.demo.persons.filter((p) => p.householdId === x.id).length > 1)!
    const w = await kit.mountAt(ReviewDetailPage, `/supervisor/review/household/${h.id}`)
    await until(() => expect(w.text()).toContain(h.headName))
    for (const p of kit.demo.persons.filter((x) => x.householdId === h.id)) expect(w.text()).toContain(p.name)
  })

  it('shows the numbers masked, and in full only through an online reveal', async () => {
    const h = kit.demo.households.find((x) => x.phone.length >= 11)!
    const asked: string[] = []
    kit = await setupSupervisor({
      households: 60,
      fetch: async (input) => {
        asked.push(String(input))
        return new Response(JSON.stringify({ fields: { phone: h.phone } }), { headers: { 'content-type': 'application/json' } })
      },
    })
    const w = await kit.mountAt(ReviewDetailPage, `/supervisor/review/household/${h.id}`)
    await until(() => expect(w.text()).toContain(h.headName))
    expect(w.text()).not.toContain(h.phone)
    expect(w.text()).toContain(`${h.phone.slice(0, 3)}****${h.phone.slice(-4)}`)
    await w.get('[data-testid="reveal"] [data-testid="reveal-button"]').trigger('click')
    await until(() => expect(w.text()).toContain(h.phone))
    expect(asked.filter((u) => u.includes('/reveal'))).toEqual([expect.stringContaining(`/api/records/household/${h.id}/reveal`)])
    expect((await kit.db.households.get(h.id))?.phone).not.toBe(h.phone)
  })

  it('refuses to return without a comment, then returns with one', async () => {
    const v = kit.demo.visits.filter((x) => !x.correctsId).at(-1)!
    const w = await kit.mountAt(ReviewDetailPage, `/supervisor/review/visit/${v.id}`)
    await until(() => expect(w.find('[data-testid="review-return"]').exists()).toBe(true))
    await w.get('[data-testid="review-return"]').trigger('click')
    await until(() => expect(document.querySelector('.van-dialog__confirm')).not.toBeNull())
    ;(document.querySelector('.van-dialog__confirm') as HTMLButtonElement).click()
    await until(() => expect(document.body.textContent).toContain('退回时必须填写意见'))
    expect((await outbox()).filter((m) => m.name === 'review.set')).toEqual([])
    const textarea = document.querySelector('[data-testid="review-comment"] textarea') as HTMLTextAreaElement
    textarea.value = '请补充老人的用药情况'
    textarea.dispatchEvent(new Event('input'))
    ;(document.querySelector('.van-dialog__confirm') as HTMLButtonElement).click()
    await until(async () => expect((await outbox()).filter((m) => m.name === 'review.set')).toHaveLength(1))
    expect(await kit.db.reviews.get(v.id)).toMatchObject({ state: 'returned', comment: '请补充老人的用药情况' })
  })

  it('says so when the record is not on this device', async () => {
    const w = await kit.mountAt(ReviewDetailPage, '/supervisor/review/visit/0190a000-0000-7000-8000-00000000dead')
    await until(() => expect(w.text()).toContain('记录不存在'))
    expect(await kit.db.outbox.count()).toBe(0)
  })
})
