import type { Role } from '../vocab'

/**
 * Scoping: who may see and change the data of a grid. Decided on every request from the
 * user's CURRENT assignments (never from ids the device sends), so a reassigned grid
 * stops being readable and writable at once.
 *
 * - worker: the grids assigned to her (grid.workerId === user.id)
 * - supervisor: every grid of her community
 * - admin: every grid of her community, or every grid when she has no community
 */
export interface ScopeUser {
  id: string
  role: Role
  communityId: string | null
}

export interface ScopeGrid {
  id: string
  communityId: string
  workerId: string | null
}

/** True when the user may read the grid's records and photos. */
export function canRead(user: ScopeUser, grid: ScopeGrid): boolean {
  switch (user.role) {
    case 'worker':
      return grid.workerId === user.id
    case 'supervisor':
      return user.communityId !== null && grid.communityId === user.communityId
    case 'admin':
      return user.communityId === null || grid.communityId === user.communityId
  }
}

/** True when the user may change records in the grid (same reach as reading). */
export function canWrite(user: ScopeUser, grid: ScopeGrid): boolean {
  return canRead(user, grid)
}

/** True when the user may approve or return records of the grid. */
export function canReview(user: ScopeUser, grid: ScopeGrid): boolean {
  return user.role !== 'worker' && canRead(user, grid)
}

/** True when the user may administer (create grids and users in, assign) a community. */
export function canAdminister(user: ScopeUser, communityId: string): boolean {
  return user.role === 'admin' && (user.communityId === null || user.communityId === communityId)
}
