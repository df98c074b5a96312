import { compareHlc, hlcMillis, MAX_DRIFT_MS } from '../hlc'
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

/**
 * True when the user may upload a photo's bytes for the grid: anyone who may write there,
 * and, once a record of the grid names the photo (`named`), anyone of the grid's
 * community. That is the worker whose visit from before the grid moved was accepted, or
 * whose account was disabled after she made it: its photo must still arrive. The server
 * checks that the bytes hash to the photo's name, so this reveals nothing, and such an
 * upload grants nobody new access. A disabled account uploads only such photos.
 */
export function canUploadPhoto(user: ScopeUser & { disabled?: boolean }, grid: ScopeGrid, named: boolean): boolean {
  return (!user.disabled && canWrite(user, grid)) || (named && user.communityId === grid.communityId)
}

/** True when the user may approve or return records of the grid. */
export function canReview(user: ScopeUser, grid: ScopeGrid): boolean {
  return user.role !== 'worker' && canRead(user, grid)
}

/** True when the user may administer (create grids and users in, assign) a community. */
export function canAdminister(user: ScopeUser, communityId: string): boolean {
  return user.role === 'admin' && (user.communityId === null || user.communityId === communityId)
}

/** A worker's past hold of a grid she no longer has, as the server remembers it. */
export interface FormerHolding {
  /** When her last period with the grid ended (epoch ms); null: she never held it. */
  heldUntil: number | null
  /** The server HLC at which this device was first told it lost the grid; null: not yet. */
  toldHlc: string | null
  /** The highest seq the device had handed out when it was told; null: it did not say. */
  toldSeq: number | null
}

/**
 * Whether a change to a grid the worker no longer holds was made while it was still hers
 * (docs/sync.md, guarantee 6): then it is accepted and reaches the new owner, like any change
 * made before the move.
 * - Never held: no. Stamped a drift limit or more after her hold ended: no (a phone's
 *   clock is at most that far ahead; later than that she had long lost it).
 * - A device not told yet was still using the grid: accepted.
 * - Once her device was told it lost the grid, a change is accepted when it provably came
 *   before it heard: a seq up to the one the device had handed out when it asked (exact,
 *   whatever its clock), or an HLC below the notice's (hearing moved its clock past it).
 *   A change made after hearing has neither, and is refused.
 */
export function madeWhileHeld(held: FormerHolding, m: { hlc: string; seq: number }): boolean {
  if (held.heldUntil === null) return false
  if (hlcMillis(m.hlc) >= held.heldUntil + MAX_DRIFT_MS) return false
  if (held.toldHlc === null) return true
  return (held.toldSeq !== null && m.seq <= held.toldSeq) || compareHlc(m.hlc, held.toldHlc) < 0
}
