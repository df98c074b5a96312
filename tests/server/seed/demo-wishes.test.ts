import { describe, expect, it } from 'vitest'
import { WISH_STATES } from '../../../src/shared'
import { defaultDemo } from './demo-fixture'

describe('demo wishes', () => {
  const demo = defaultDemo()

  it('has wishes in every state and several categories', () => {
    for (const s of WISH_STATES) expect(demo.wishes.filter((w) => w.state === s).length, s).toBeGreaterThanOrEqual(3)
    expect(new Set(demo.wishes.map((w) => w.category)).size).toBeGreaterThanOrEqual(6)
  })

  it('keeps claimant, fulfilment and reason consistent with the state', () => {
    for (const w of demo.wishes) {
      expect(w.claimedBy !== null, w.id).toBe(w.claimedAt !== null)
      if (w.state === 'registered') expect(w.claimedBy).toBeNull()
      if (w.state === 'claimed' || w.state === 'fulfilled') expect(w.claimedBy?.name).toBeTruthy()
      expect(w.fulfilment !== null).toBe(w.state === 'fulfilled')
      expect(w.closedReason !== null).toBe(w.state === 'closed')
    }
  })

  it('writes a history that starts registered, ends in the state and runs forward in time', () => {
    for (const w of demo.wishes) {
      expect(w.history[0]?.state).toBe('registered')
      expect(w.history[0]?.at).toBe(w.createdAt)
      expect(w.history[w.history.length - 1]?.state).toBe(w.state)
      expect(w.history[w.history.length - 1]?.at).toBe(w.updatedAt)
      const times = w.history.map((e) => Date.parse(e.at))
      expect(times).toEqual([...times].sort((a, b) => a - b))
      if (w.claimedAt) expect(w.history.find((e) => e.state === 'claimed')?.at).toBe(w.claimedAt)
      if (w.fulfilment) expect(w.updatedAt.slice(0, 10)).toBe(w.fulfilment.date)
    }
  })

  it('links wishes raised during a visit to a visit made before them', () => {
    const visits = new Map(demo.visits.map((v) => [v.id, v]))
    const linked = demo.wishes.filter((w) => w.visitId !== null)
    expect(linked.length).toBeGreaterThan(demo.wishes.length / 3)
    for (const w of linked) expect(Date.parse(visits.get(w.visitId ?? '')?.createdAt ?? '')).toBeLessThan(Date.parse(w.createdAt))
  })
})
