import { describe, expect, it } from 'vitest'
import type { ArgsOf, Wish } from '../../../src/shared'
import { WISH_STATES } from '../../../src/shared'
import { applyWishCreate, applyWishTransition, isWishEdge, wishMoves } from '../../../src/shared/rules/wish'

const at = '2024-05-01T08:00:00.000Z'
const wish = (over: Partial<Wish> = {}): Wish => ({
  id: '0190a000-0000-7000-8000-000000000001', householdId: '0190a000-0000-7000-8000-000000000002',
  gridId: '0190a000-0000-7000-8000-000000000003', personId: null, visitId: null, title: '理发', detail: '',
  category: 'care', state: 'registered', claimedBy: null, claimedAt: null, fulfilment: null, closedReason: null,
  history: [], createdBy: '0190a000-0000-7000-8000-000000000004', createdAt: at, updatedAt: at, ...over,
})
const cmd = (over: Partial<ArgsOf<'wish.transition'>>): ArgsOf<'wish.transition'> => ({
  id: wish().id, gridId: wish().gridId, expected: 'registered', to: 'claimed',
  claimedBy: { name: '张师傅', kind: 'volunteer', phone: '' }, fulfilment: null, closedReason: null, note: '', ...over,
})
const worker = { role: 'worker' as const, name: '王秀梅' }
const supervisor = { role: 'supervisor' as const, name: '刘桂琴' }

describe('applyWishTransition', () => {
  it('claims a registered wish and records the event', () => {
    const r = applyWishTransition(wish(), cmd({}), worker, at)
    expect(r).toMatchObject({ ok: true, status: 'applied', record: { state: 'claimed', claimedBy: { name: '张师傅' }, claimedAt: at } })
    if (r.ok) expect(r.record.history).toEqual([{ state: 'claimed', at, by: '王秀梅', note: '' }])
  })

  it('rejects a command whose expected state moved on, naming the claimant', () => {
    const claimed = wish({ state: 'claimed', claimedBy: { name: '张师傅', kind: 'volunteer', phone: '' } })
    const r = applyWishTransition(claimed, cmd({ claimedBy: { name: '李阿姨', kind: 'shop', phone: '' } }), worker, at)
    expect(r).toMatchObject({ ok: false, code: 'stale-state' })
    if (!r.ok) expect(r.message).toContain('张师傅')
  })

  it('rejects edges outside the machine', () => {
    expect(applyWishTransition(wish(), cmd({ to: 'fulfilled' }), worker, at)).toMatchObject({ ok: false, code: 'invalid-transition' })
    const fulfilled = wish({ state: 'fulfilled' })
    expect(applyWishTransition(fulfilled, cmd({ expected: 'fulfilled', to: 'claimed' }), worker, at)).toMatchObject({ code: 'invalid-transition' })
  })

  it('releases a claim back to registered and clears the claimant', () => {
    const claimed = wish({ state: 'claimed', claimedBy: { name: 'x', kind: 'unit', phone: '' }, claimedAt: at })
    const r = applyWishTransition(claimed, cmd({ expected: 'claimed', to: 'registered', claimedBy: null }), worker, at)
    expect(r).toMatchObject({ ok: true, record: { state: 'registered', claimedBy: null, claimedAt: null } })
  })

  it('fulfils only with a fulfilment and closes only with a reason', () => {
    const claimed = wish({ state: 'claimed' })
    expect(applyWishTransition(claimed, cmd({ expected: 'claimed', to: 'fulfilled' }), worker, at)).toMatchObject({ code: 'bad-request' })
    const fulfilment = { date: '2024-05-01', whatWasDone: '上门理发', feedback: '满意', photo: null }
    expect(applyWishTransition(claimed, cmd({ expected: 'claimed', to: 'fulfilled', fulfilment }), worker, at)).toMatchObject({ ok: true })
    expect(applyWishTransition(wish(), cmd({ to: 'closed' }), worker, at)).toMatchObject({ code: 'bad-request' })
    expect(applyWishTransition(wish(), cmd({ to: 'closed', closedReason: '已搬走' }), worker, at)).toMatchObject({ ok: true, record: { closedReason: '已搬走' } })
  })

  it('lets only a supervisor reopen a closed wish', () => {
    const closed = wish({ state: 'closed', closedReason: 'x' })
    const reopen = cmd({ expected: 'closed', to: 'registered', claimedBy: null })
    expect(applyWishTransition(closed, reopen, worker, at)).toMatchObject({ ok: false, code: 'forbidden' })
    expect(applyWishTransition(closed, reopen, supervisor, at)).toMatchObject({ ok: true, record: { state: 'registered', closedReason: null } })
  })

  it('lets only a supervisor close a fulfilled wish', () => {
    const fulfilled = wish({ state: 'fulfilled' })
    const close = cmd({ expected: 'fulfilled', to: 'closed', claimedBy: null, closedReason: '重复登记' })
    expect(applyWishTransition(fulfilled, close, worker, at)).toMatchObject({ ok: false, code: 'forbidden' })
    expect(applyWishTransition(fulfilled, close, supervisor, at)).toMatchObject({ ok: true, record: { state: 'closed' } })
  })

  it('clears the claim, the fulfilment and the closing reason when a wish goes back to registered', () => {
    const fulfilment = { date: '2024-05-01', whatWasDone: '上门理发', feedback: '', photo: null }
    const claimed = wish({ state: 'claimed', claimedBy: { name: 'x', kind: 'unit', phone: '' }, claimedAt: at, fulfilment, closedReason: '旧的原因' })
    const r = applyWishTransition(claimed, cmd({ expected: 'claimed', to: 'registered', claimedBy: null }), worker, at)
    expect(r).toMatchObject({ ok: true, record: { state: 'registered', claimedBy: null, claimedAt: null, fulfilment: null, closedReason: null } })
  })

  it('reports a missing wish', () => {
    expect(applyWishTransition(null, cmd({}), worker, at)).toMatchObject({ ok: false, code: 'not-found' })
  })
})

describe('applyWishCreate', () => {
  it('creates, treats the same body as a duplicate and refuses a different one', () => {
    expect(applyWishCreate(null, wish())).toMatchObject({ ok: true, status: 'applied' })
    expect(applyWishCreate(wish(), wish())).toMatchObject({ ok: true, status: 'duplicate' })
    expect(applyWishCreate(wish(), wish({ title: '修水管' }))).toMatchObject({ ok: false, code: 'conflict' })
  })
})

describe('wishMoves', () => {
  it('offers a worker the moves of open wishes only, and a supervisor every edge', () => {
    expect(wishMoves('registered', 'worker')).toEqual(['claimed', 'closed'])
    expect(wishMoves('claimed', 'worker')).toEqual(['fulfilled', 'registered', 'closed'])
    expect(wishMoves('fulfilled', 'worker')).toEqual([])
    expect(wishMoves('closed', 'worker')).toEqual([])
    expect(wishMoves('fulfilled', 'supervisor')).toEqual(['closed'])
    expect(wishMoves('closed', 'admin')).toEqual(['registered'])
  })

  it('offers only edges of the machine', () => {
    for (const from of WISH_STATES) {
      for (const role of ['worker', 'supervisor', 'admin'] as const) {
        for (const to of wishMoves(from, role)) expect(isWishEdge(from, to)).toBe(true)
      }
    }
  })
})
