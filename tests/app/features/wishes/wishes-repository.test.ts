import { beforeEach, describe, expect, it } from 'vitest'
import type { GridSisterDb } from '@/db/db'
import { RecordValidationError } from '@/db/outbox-repository'
import { createWish, listOpenWishes, transitionWish } from '@/features/wishes/wishes-repository'
import { preparePhoto } from '@/db/photos-repository'
import { actor, makeDb, photoBlob, seedHousehold, wishInput } from '../../../helpers/app/factories'

const claimant = { name: '爱心理发店', kind: 'shop' as const, phone: '13700003333' }
const base = { claimedBy: null, fulfilment: null, closedReason: null, note: '' }

describe('wishes-repository', () => {
  let db: GridSisterDb
  beforeEach(() => {
    db = makeDb()
  })

  it('registers a wish with its outbox row and counts it as open on the household', async () => {
    const h = await seedHousehold(db)
    const w = await createWish(db, wishInput(h.id), actor)
    expect(w).toMatchObject({ state: 'registered', gridId: h.gridId, createdBy: actor.id })
    expect((await db.households.get(h.id))?.openWishes).toBe(1)
    expect((await db.outbox.orderBy('seq').last())?.mutation.name).toBe('wish.create')
    expect((await listOpenWishes(db)).map((x) => x.id)).toEqual([w.id])
  })

  it('moves registered → claimed → fulfilled with expected states and a proof photo', async () => {
    const h = await seedHousehold(db)
    const w = await createWish(db, wishInput(h.id), actor)
    const claimed = await transitionWish(db, { ...base, id: w.id, to: 'claimed', claimedBy: claimant }, actor)
    expect(claimed.claimedBy).toEqual(claimant)
    const photo = await preparePhoto(photoBlob())
    const fulfilment = { date: '2026-05-02', whatWasDone: '上门理发一次', feedback: '很满意', photo: null }
    const done = await transitionWish(db, { ...base, id: w.id, to: 'fulfilled', fulfilment, photo }, actor)
    expect(done.fulfilment?.photo).toEqual(photo.ref)
    expect(await db.photos.count()).toBe(1)
    expect(done.history.map((e) => e.state)).toEqual(['registered', 'claimed', 'fulfilled'])
    const transitions = (await db.outbox.orderBy('seq').toArray())
      .map((r) => r.mutation)
      .flatMap((m) => (m.name === 'wish.transition' ? [[m.args.expected, m.args.to]] : []))
    expect(transitions).toEqual([['registered', 'claimed'], ['claimed', 'fulfilled']])
    expect((await db.households.get(h.id))?.openWishes).toBe(0)
  })

  it('refuses a transition the state machine forbids and saves nothing', async () => {
    const h = await seedHousehold(db)
    const w = await createWish(db, wishInput(h.id), actor)
    const before = await db.outbox.count()
    const fulfilment = { date: '2026-05-02', whatWasDone: 'x', feedback: '', photo: null }
    await expect(transitionWish(db, { ...base, id: w.id, to: 'fulfilled', fulfilment }, actor)).rejects.toBeInstanceOf(
      RecordValidationError,
    )
    expect((await db.wishes.get(w.id))?.state).toBe('registered')
    expect(await db.outbox.count()).toBe(before)
  })

  it('requires a claimant to claim and a reason to close', async () => {
    const h = await seedHousehold(db)
    const w = await createWish(db, wishInput(h.id), actor)
    await expect(transitionWish(db, { ...base, id: w.id, to: 'claimed' }, actor)).rejects.toMatchObject({
      issues: [{ path: 'claimedBy' }],
    })
    await expect(transitionWish(db, { ...base, id: w.id, to: 'closed', closedReason: '' }, actor)).rejects.toMatchObject({
      issues: [{ path: 'closedReason' }],
    })
    const badPhone = { ...claimant, phone: 'call me' }
    await expect(transitionWish(db, { ...base, id: w.id, to: 'claimed', claimedBy: badPhone }, actor)).rejects.toBeInstanceOf(
      RecordValidationError,
    )
    expect((await db.wishes.get(w.id))?.state).toBe('registered')
  })

  it('saves nothing for a wish without a title', async () => {
    const h = await seedHousehold(db)
    await expect(createWish(db, wishInput(h.id, { title: '  ' }), actor)).rejects.toMatchObject({ issues: [{ path: 'title' }] })
    expect(await db.wishes.count()).toBe(0)
    expect((await db.households.get(h.id))?.openWishes).toBe(0)
  })
})
