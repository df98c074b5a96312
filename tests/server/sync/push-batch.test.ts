import { describe, expect, it } from 'vitest'
import type { ArgsOf, PushReply, Review, Wish } from '../../../src/shared'
import { BACKENDS } from '../../helpers/server/backends'
import { householdPut, TestDevice, visitArgs, wishArgs } from '../../helpers/server/factories'
import { useWorldApp, type World } from '../../helpers/server/world'

/**
 * A push batch is applied through a batch view (sync-server/sync/batch-view.ts): reads
 * up front, writes at the end. These cases pin what that must not change: a later
 * mutation sees an earlier one's writes, a refused one leaves no trace for the next,
 * and the seqs of a batch are consecutive per community, in the order of last writes.
 */
describe.each(BACKENDS)('POST /api/sync/push, one batch, on $name', (backend) => {
  const t = useWorldApp(backend)

  const push = async (who: keyof World['users'], body: unknown) =>
    (await t.app.inject({ method: 'POST', url: '/api/sync/push', headers: t.auth[who], payload: body as object })).json<PushReply>()
  const statuses = (r: PushReply) => r.results.map((x) => x.status)
  const move = (wish: Pick<Wish, 'id' | 'gridId'>, expected: Wish['state'], to: Wish['state']): ArgsOf<'wish.transition'> => ({
    id: wish.id, gridId: wish.gridId, expected, to, note: '',
    claimedBy: to === 'claimed' ? { name: '张师傅', kind: 'volunteer', phone: '' } : null,
    fulfilment: to === 'fulfilled' ? { date: new Date().toISOString().slice(0, 10), whatWasDone: '已理发', feedback: '', photo: null } : null,
    closedReason: null,
  } as ArgsOf<'wish.transition'>)

  it('lets a wish be created, claimed and fulfilled in one batch', async () => {
    const d = new TestDevice()
    const hh = householdPut(t.world.grids.a1.id)
    const wish = wishArgs(t.world.grids.a1.id, hh.id, t.world.users.wa1.id)
    const res = await push('wa1', d.push([
      d.m('household.put', hh), d.m('wish.create', wish),
      d.m('wish.transition', move(wish, 'registered', 'claimed')), d.m('wish.transition', move(wish, 'claimed', 'fulfilled')),
    ]))
    expect(statuses(res)).toEqual(['applied', 'applied', 'applied', 'applied'])
    const stored = (await t.store.getRecord('wish', wish.id))?.data as Wish
    expect(stored.state).toBe('fulfilled')
    expect(stored.history.map((h) => h.state)).toEqual(['claimed', 'fulfilled'])
  })

  it('leaves no trace of a refused mutation for the ones after it', async () => {
    const d = new TestDevice()
    const foreign = householdPut(t.world.grids.b1.id)
    const hh = householdPut(t.world.grids.a1.id)
    const wish = wishArgs(t.world.grids.a1.id, hh.id, t.world.users.wa1.id)
    const res = await push('wa1', d.push([
      d.m('household.put', foreign),
      d.m('visit.create', visitArgs(t.world.grids.a1.id, foreign.id, t.world.users.wa1.id)),
      d.m('household.put', hh), d.m('wish.create', wish),
      d.m('wish.transition', move(wish, 'claimed', 'fulfilled')),
      d.m('wish.transition', move(wish, 'registered', 'claimed')),
    ]))
    expect(res.results.map((r) => r.code ?? r.status)).toEqual(['out-of-scope', 'not-found', 'applied', 'applied', 'stale-state', 'applied'])
    expect(await t.store.getRecord('household', foreign.id)).toBeNull()
    expect(((await t.store.getRecord('wish', wish.id))?.data as Wish).history.map((h) => h.state)).toEqual(['claimed'])
  })

  it('answers a replay of a batch with several rejections with each one again', async () => {
    const d = new TestDevice()
    const hh = householdPut(t.world.grids.a1.id)
    const body = d.push([
      d.m('household.put', householdPut(t.world.grids.b1.id)), d.m('household.put', hh),
      d.m('visit.create', visitArgs(t.world.grids.a1.id, hh.id, t.world.users.wa2.id)),
    ])
    const first = await push('wa1', body)
    expect(first.results.map((r) => r.code ?? r.status)).toEqual(['out-of-scope', 'applied', 'forbidden'])
    const before = await t.store.countRecords()
    const again = await push('wa1', body)
    expect(again.results.map((r) => r.code ?? r.status)).toEqual(['out-of-scope', 'duplicate', 'forbidden'])
    expect(again.results[2]?.message).toBe(first.results[2]?.message)
    expect(await t.store.countRecords()).toBe(before)
  })

  it('merges a second edit of a household made in the same batch and numbers writes by their last one', async () => {
    const d = new TestDevice()
    const hh = householdPut(t.world.grids.a1.id)
    const created = d.m('household.put', hh)
    const visit = visitArgs(t.world.grids.a1.id, hh.id, t.world.users.wa1.id)
    const visited = d.m('visit.create', visit)
    const edit = d.m('household.put', householdPut(t.world.grids.a1.id, hh.id, { phone: '13911112222' }, { phone: created.hlc }))
    expect(statuses(await push('wa1', d.push([created, visited, edit])))).toEqual(['applied', 'applied', 'applied'])
    const rows = await t.store.changesForGrid(t.world.grids.a1.id, 0, 10)
    expect(rows.map((r) => r.id)).toEqual([visit.id, hh.id])
    expect(rows.map((r) => r.seq)).toEqual([1, 2])
    expect(JSON.parse(rows[1]!.json)).toMatchObject({ phone: '13911112222', headName: hh.patch.headName, hlc: { phone: edit.hlc } })
  })

  it('resubmits a review returned earlier in the same batch by a correcting visit', async () => {
    const d = new TestDevice()
    const hh = householdPut(t.world.grids.a1.id)
    const visit = visitArgs(t.world.grids.a1.id, hh.id, t.world.users.wa1.id)
    const fix = visitArgs(t.world.grids.a1.id, hh.id, t.world.users.wa1.id, { correctsId: visit.id })
    const res = await push('sa', d.push([
      d.m('household.put', hh), d.m('visit.create', visit),
      d.m('review.set', { recordKind: 'visit', recordId: visit.id, gridId: visit.gridId, decision: 'returned', comment: '补照片' }),
      d.m('visit.create', fix),
    ]))
    expect(statuses(res)).toEqual(['applied', 'applied', 'applied', 'applied'])
    expect((await t.store.getRecord('review', visit.id))?.data as Review).toMatchObject({ state: 'resubmitted', resubmittedBy: fix.id })
  })

  it('gives a batch spanning two communities consecutive seqs per community, in order', async () => {
    const d = new TestDevice()
    const a = Array.from({ length: 300 }, () => householdPut(t.world.grids.a1.id))
    const b = Array.from({ length: 150 }, () => householdPut(t.world.grids.b1.id))
    const mixed = a.flatMap((h, i) => (i < b.length ? [h, b[i]!] : [h]))
    const res = await push('district', d.push(mixed.map((h) => d.m('household.put', h))))
    expect(res.results.every((r) => r.status === 'applied')).toBe(true)
    const inA = await t.store.changesForGrid(t.world.grids.a1.id, 0, 1000)
    const inB = await t.store.changesForGrid(t.world.grids.b1.id, 0, 1000)
    expect(inA.map((r) => r.id)).toEqual(a.map((h) => h.id))
    expect(inA.map((r) => r.seq)).toEqual(a.map((_, i) => i + 1))
    expect(inB.map((r) => r.seq)).toEqual(b.map((_, i) => i + 1))
  })

  it('files every conflict of a batch', async () => {
    const first = new TestDevice()
    const hhs = [householdPut(t.world.grids.a1.id), householdPut(t.world.grids.a1.id)]
    await push('wa1', first.push(hhs.map((h) => first.m('household.put', h))))
    const stale = new TestDevice()
    // Edits that never saw the stored notes: each one is a concurrent edit (notes: a
    // supervisor may not change a household's phone).
    const res = await push('sa', stale.push(hhs.map((h) => stale.m('household.put', householdPut(h.gridId, h.id, { notes: '1' }, { notes: null })))))
    expect(statuses(res)).toEqual(['merged', 'merged'])
    const conflicts = await t.store.listConflicts(t.world.communityA)
    expect(conflicts.map((c) => c.id).sort()).toEqual(res.results.flatMap((r) => r.conflictIds ?? []).sort())
  })
})
