import { describe, expect, it } from 'vitest'
import { encodeHlc, MAX_DRIFT_MS } from '../../../src/shared/hlc'
import { canAdminister, canRead, canReview, canWrite, madeWhileHeld } from '../../../src/shared/rules/scope'

const grid = { id: 'g1', communityId: 'c1', workerId: 'w1' }

describe('scope rules', () => {
  it('gives a worker only her assigned grids', () => {
    expect(canWrite({ id: 'w1', role: 'worker', communityId: 'c1' }, grid)).toBe(true)
    expect(canWrite({ id: 'w2', role: 'worker', communityId: 'c1' }, grid)).toBe(false)
    expect(canRead({ id: 'w2', role: 'worker', communityId: 'c1' }, { ...grid, workerId: null })).toBe(false)
  })
  it('gives a supervisor every grid of her community and nothing else', () => {
    expect(canRead({ id: 's', role: 'supervisor', communityId: 'c1' }, grid)).toBe(true)
    expect(canRead({ id: 's', role: 'supervisor', communityId: 'c2' }, grid)).toBe(false)
    expect(canRead({ id: 's', role: 'supervisor', communityId: null }, grid)).toBe(false)
  })
  it('gives a community admin her community and a district admin everything', () => {
    expect(canWrite({ id: 'a', role: 'admin', communityId: 'c2' }, grid)).toBe(false)
    expect(canWrite({ id: 'a', role: 'admin', communityId: null }, grid)).toBe(true)
    expect(canAdminister({ id: 'a', role: 'admin', communityId: 'c1' }, 'c1')).toBe(true)
    expect(canAdminister({ id: 'a', role: 'supervisor', communityId: 'c1' }, 'c1')).toBe(false)
  })
  it('lets only supervisors and admins of the community review', () => {
    expect(canReview({ id: 'w1', role: 'worker', communityId: 'c1' }, grid)).toBe(false)
    expect(canReview({ id: 's', role: 'supervisor', communityId: 'c1' }, grid)).toBe(true)
    expect(canReview({ id: 's', role: 'supervisor', communityId: 'c2' }, grid)).toBe(false)
  })
})

describe('madeWhileHeld', () => {
  const T = 1_800_000_000_000
  const at = (millis: number, counter = 0) => encodeHlc({ millis, counter, node: 'p' })
  const notTold = { heldUntil: T, toldHlc: null, toldSeq: null }
  it('refuses a worker who never held the grid', () => {
    expect(madeWhileHeld({ ...notTold, heldUntil: null }, { hlc: at(T - 1), seq: 1 })).toBe(false)
  })
  it('accepts a change of a device not told yet, allowing a clock up to the drift limit ahead', () => {
    expect(madeWhileHeld(notTold, { hlc: at(T - 60_000), seq: 1 })).toBe(true)
    expect(madeWhileHeld(notTold, { hlc: at(T + 2 * 3_600_000), seq: 1 })).toBe(true)
    expect(madeWhileHeld(notTold, { hlc: at(T + MAX_DRIFT_MS), seq: 1 })).toBe(false)
  })
  it('once the device was told, accepts by seq what it had made before, whatever its clock', () => {
    const told = { heldUntil: T, toldHlc: at(T + 5_000), toldSeq: 40 }
    // A phone two hours fast: its earlier change is stamped after the notice's HLC.
    expect(madeWhileHeld(told, { hlc: at(T + 2 * 3_600_000), seq: 40 })).toBe(true)
    expect(madeWhileHeld(told, { hlc: at(T + 2 * 3_600_000), seq: 41 })).toBe(false)
  })
  it('accepts by HLC a change made while the pull that told the device was on the wire', () => {
    const told = { heldUntil: T, toldHlc: at(T + 5_000), toldSeq: 40 }
    expect(madeWhileHeld(told, { hlc: at(T + 1_000), seq: 41 })).toBe(true)
  })
  it('falls back to the notice\'s HLC for a device that did not say its seq', () => {
    const told = { heldUntil: T, toldHlc: at(T + 5_000, 3), toldSeq: null }
    expect(madeWhileHeld(told, { hlc: at(T + 5_000, 2), seq: 9 })).toBe(true)
    expect(madeWhileHeld(told, { hlc: at(T + 5_000, 4), seq: 9 })).toBe(false)
  })
})
