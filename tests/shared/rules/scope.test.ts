import { describe, expect, it } from 'vitest'
import { canAdminister, canRead, canReview, canWrite } from '../../../src/shared/rules/scope'

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
