import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { v7 as uuidv7 } from 'uuid'
import type { Mutation } from '@/shared'
import { applyWishTransition } from '@/shared/rules'
import { applyPending, rebase } from '@/sync/rebase'
import { serverHousehold, serverWish } from './sync-test-kit'

const HLC = '001800000000000-00001-device'
const AT = '2025-04-01T09:00:00.000Z'

function mutation(name: Mutation['name'], args: object, hlc = HLC): Mutation {
  return { mutationId: uuidv7(), seq: 1, name, args, hlc, schemaVersion: 1, createdAt: AT } as Mutation
}

describe('rebase', () => {
  it('re-applies a pending household patch over the server copy, field by field', () => {
    const server = serverHousehold({ phone: '13900002222', notes: 'server note' })
    const m = mutation('household.put', { id: server.id, gridId: server.gridId, patch: { phone: '13811112222' }, base: {} })
    const out = rebase('household', server, [m])
    expect(out.phone).toBe('13811112222')
    expect(out.notes).toBe('server note')
    expect(out.hlc.phone).toBe(HLC)
    expect(out.hlc.headName).toBe(server.hlc.headName)
  })

  it("keeps the household's time under a pending care-level write of an assessment, and moves it for any other", () => {
    const server = serverHousehold({ careLevel: 1 })
    const args = { id: server.id, gridId: server.gridId, patch: { careLevel: 3, visitCadenceDays: 14 }, base: {} }
    const assessed = rebase('household', server, [mutation('household.put', { ...args, assessmentId: uuidv7() })])
    expect(assessed).toMatchObject({ careLevel: 3, updatedAt: server.updatedAt })
    expect(rebase('household', server, [mutation('household.put', args)]).updatedAt).toBe(AT)
  })

  it('keeps a pending delete as a tombstone and a restore undoes it', () => {
    const server = serverHousehold()
    const del = mutation('household.delete', { id: server.id, gridId: server.gridId })
    expect(rebase('household', server, [del]).deleted).toBe(true)
    const restore = mutation('record.restore', { kind: 'household', id: server.id, gridId: server.gridId })
    expect(rebase('household', server, [del, restore]).deleted).toBe(false)
  })

  it('replays a pending wish claim on a wish the server still shows registered', () => {
    const wish = serverWish(uuidv7())
    const claimedBy = { name: '志愿者小王', kind: 'volunteer' as const, phone: '' }
    const m = mutation('wish.transition', {
      id: wish.id, gridId: wish.gridId, expected: 'registered', to: 'claimed', claimedBy, fulfilment: null, closedReason: null, note: '',
    })
    const out = rebase('wish', wish, [m])
    expect(out.state).toBe('claimed')
    expect(out.claimedBy).toEqual(claimedBy)
    expect(out.history.map((h) => h.state)).toEqual(['registered', 'claimed'])
  })

  it('replays a pending release as the server rule applies it, clearing the closing reason and fulfilment', () => {
    const claimedBy = { name: '志愿者小王', kind: 'volunteer' as const, phone: '' }
    const fulfilment = { date: '2025-04-01', whatWasDone: '已上门', feedback: '', photo: null }
    const wish = serverWish(uuidv7(), { state: 'claimed', claimedBy, claimedAt: AT, closedReason: '重复登记', fulfilment })
    const args = { id: wish.id, gridId: wish.gridId, expected: 'claimed' as const, to: 'registered' as const, claimedBy: null, fulfilment: null, closedReason: null, note: '' }
    const server = applyWishTransition(wish, args, { role: 'worker', name: '' }, AT)
    expect(server.ok).toBe(true)
    if (server.ok) expect(rebase('wish', wish, [mutation('wish.transition', args)])).toEqual(server.record)
  })

  it('leaves a record alone when the mutation targets another record', () => {
    const server = serverHousehold()
    const other = mutation('household.put', { id: uuidv7(), gridId: server.gridId, patch: { phone: '1' }, base: {} })
    expect(applyPending('household', server, other)).toBe(server)
  })

  it('shows every locally patched field with its local value, whatever the server sent', () => {
    const phone = fc.stringMatching(/^1[0-9]{10}$/)
    fc.assert(
      fc.property(phone, phone, fc.string({ maxLength: 20 }), (serverPhone, localPhone, note) => {
        const server = serverHousehold({ phone: serverPhone, notes: note })
        const edits = [
          mutation('household.put', { id: server.id, gridId: server.gridId, patch: { notes: 'mine' }, base: {} }),
          mutation('household.put', { id: server.id, gridId: server.gridId, patch: { phone: localPhone }, base: {} }),
        ]
        const out = rebase('household', server, edits)
        expect(out).toMatchObject({ phone: localPhone, notes: 'mine', headName: server.headName })
      }),
    )
  })
})
