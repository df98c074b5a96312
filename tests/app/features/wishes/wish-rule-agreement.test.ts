import { beforeEach, describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { WISH_STATES, type Mutation, type Wish, type WishState } from '@/shared'
import { applyWishTransition } from '@/shared/rules'
import type { GridSisterDb } from '@/db/db'
import { RecordValidationError } from '@/db/outbox-repository'
import { createWish, transitionWish, type TransitionInput } from '@/features/wishes/wishes-repository'
import { actor, makeDb, seedHousehold, wishInput } from '../../../helpers/app/factories'

/**
 * The phone moves a wish card with the same rule the server enforces (src/shared/rules/
 * wish.ts): what the phone stores after a move is what the server stores for the
 * mutation it queued, and a move the rule refuses is refused on the phone, saving nothing.
 */

const claimant = { name: '爱心理发店', kind: 'shop' as const, phone: '13700003333' }
const fulfilment = { date: '2026-05-02', whatWasDone: '上门理发一次', feedback: '很满意', photo: null }
const worker = { ...actor, role: 'worker' as const }

function moveTo(id: string, to: WishState): TransitionInput {
  return {
    id,
    to,
    claimedBy: to === 'claimed' ? claimant : null,
    fulfilment: to === 'fulfilled' ? fulfilment : null,
    closedReason: to === 'closed' ? '已搬走' : null,
    note: '',
  }
}

async function lastMutation(db: GridSisterDb): Promise<Mutation> {
  return (await db.outbox.orderBy('seq').last())!.mutation
}

/** A stored wish in `state`, carrying what earlier moves left on it. */
async function storedWish(db: GridSisterDb, state: WishState, over: Partial<Wish> = {}): Promise<Wish> {
  const h = await seedHousehold(db)
  const w = await createWish(db, wishInput(h.id), worker)
  const stored: Wish = { ...w, state, claimedBy: state === 'registered' ? null : claimant, claimedAt: w.createdAt, ...over }
  await db.wishes.put(stored)
  return stored
}

describe('wishes-repository and the shared wish rule', () => {
  let db: GridSisterDb
  beforeEach(() => {
    db = makeDb()
  })

  it('clears the closing reason and the fulfilment on release, as the server does', async () => {
    const stored = await storedWish(db, 'claimed', { closedReason: '重复登记', fulfilment })
    const released = await transitionWish(db, moveTo(stored.id, 'registered'), worker)
    const m = await lastMutation(db)
    if (m.name !== 'wish.transition') throw new Error(`queued ${m.name}`)
    const server = applyWishTransition(stored, m.args, worker, m.createdAt)
    expect(server.ok).toBe(true)
    if (server.ok) expect(released).toEqual(server.record)
    expect(released).toMatchObject({ state: 'registered', claimedBy: null, closedReason: null, fulfilment: null })
  })

  it('stores what the rule stores for every move it allows and refuses every move it refuses', async () => {
    const states = fc.constantFrom(...WISH_STATES)
    await fc.assert(
      fc.asyncProperty(states, states, async (from, to) => {
        db = makeDb()
        const stored = await storedWish(db, from, from === 'closed' ? { closedReason: '已搬走' } : {})
        const queued = await db.outbox.count()
        const input = moveTo(stored.id, to)
        const cmd = { ...input, gridId: stored.gridId, expected: from }
        const rule = applyWishTransition(stored, cmd, worker, new Date().toISOString())
        if (!rule.ok) {
          await expect(transitionWish(db, input, worker)).rejects.toBeInstanceOf(RecordValidationError)
          expect(await db.wishes.get(stored.id)).toEqual(stored)
          expect(await db.outbox.count()).toBe(queued)
          return
        }
        const saved = await transitionWish(db, input, worker)
        const m = await lastMutation(db)
        if (m.name !== 'wish.transition') throw new Error(`queued ${m.name}`)
        const server = applyWishTransition(stored, m.args, worker, m.createdAt)
        expect(server.ok && server.record).toEqual(saved)
      }),
      { numRuns: 40 },
    )
  })
})
