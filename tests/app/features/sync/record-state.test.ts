import { describe, expect, it } from 'vitest'
import { recordStateOf, stateKey } from '@/features/sync/record-state'
import { recordStates } from '@/features/sync/record-states-repository'
import { createVisit } from '@/features/visits/visits-repository'
import { createWish } from '@/features/wishes/wishes-repository'
import { actor, makeDb, review, seedHousehold, visitInput, wishInput } from '../../../helpers/app/factories'

const refused = (name: string, dismissed: 0 | 1 = 0) => ({ mutation: { name } as { name: 'visit.create' }, dismissed })

describe('recordStateOf', () => {
  it('says 待上传 while a change waits, whatever the review says', () => {
    expect(recordStateOf({ pending: true, rejections: [], review: { state: 'approved', reviewedAt: '2026-12-01T00:00:00Z' } })).toBe('pending')
  })

  it('says 未被接受 for an open refusal, and for good when the creation itself was refused', () => {
    expect(recordStateOf({ pending: false, rejections: [refused('wish.transition')], review: null })).toBe('not-accepted')
    expect(recordStateOf({ pending: false, rejections: [refused('wish.transition', 1)], review: null })).toBe('uploaded')
    expect(recordStateOf({ pending: false, rejections: [refused('visit.create', 1)], review: null })).toBe('not-accepted')
  })

  it('follows the review: 已上传, 待审核, 已通过, 被退回', () => {
    const at = '2026-12-01T00:00:00.000Z'
    expect(recordStateOf({ pending: false, rejections: [], review: undefined })).toBe('uploaded')
    expect(recordStateOf({ pending: false, rejections: [], review: { state: 'resubmitted', reviewedAt: at } })).toBe('in-review')
    expect(recordStateOf({ pending: false, rejections: [], review: { state: 'approved', reviewedAt: at } })).toBe('approved')
    expect(recordStateOf({ pending: false, rejections: [], review: { state: 'returned', reviewedAt: at } })).toBe('returned')
    // Changed after the approval: the supervisor has to look again.
    expect(recordStateOf({ pending: false, rejections: [], review: { state: 'approved', reviewedAt: at }, updatedAt: '2026-12-02T00:00:00.000Z' })).toBe('in-review')
  })
})

describe('recordStates', () => {
  it('reads the outbox, rejections and reviews of the records asked for', async () => {
    const db = makeDb()
    const h = await seedHousehold(db)
    const visit = await createVisit(db, visitInput(h.id), actor)
    const wish = await createWish(db, wishInput(h.id), actor)
    const refs = [{ kind: 'visit' as const, id: visit.id }, { kind: 'wish' as const, id: wish.id }, { kind: 'household' as const, id: h.id }]
    expect([...(await recordStates(db, refs)).values()]).toEqual(['pending', 'pending', 'pending'])
    // The server took everything; the supervisor returned the visit; the wish's creation was refused.
    const rows = await db.outbox.toArray()
    const wishRow = rows.find((r) => r.mutation.name === 'wish.create')!
    await db.outbox.clear()
    await db.rejections.put({ mutationId: wishRow.mutation.mutationId, seq: wishRow.seq, mutation: wishRow.mutation, code: 'out-of-scope', message: '', rejectedAt: '2026-12-01T00:00:00.000Z', dismissed: 0 })
    await db.reviews.put(review(visit.id))
    const states = await recordStates(db, refs)
    expect([stateKey(refs[0]!), stateKey(refs[1]!), stateKey(refs[2]!)].map((k) => states.get(k))).toEqual(['returned', 'not-accepted', 'uploaded'])
  })
})
