import type { ArgsOf } from '../mutations'
import type { ErrorCode } from '../public-api'
import type { Wish } from '../records'
import type { Role, WishState } from '../vocab'
import { reject, sameValue, type RuleOutcome } from './outcome'

/**
 * The wish-card state machine (docs/sync.md, "Wish cards"): the one copy the server
 * enforces, the phone checks and applies before it queues a move, and the sync client
 * replays over a pulled copy (src/sync/rebase.ts).
 *
 *   registered → claimed → fulfilled
 *   claimed → registered (released)
 *   any state but closed → closed
 *   closed → registered (reopened)
 *
 * A worker moves open wishes only; closing a fulfilled wish or reopening a closed one is
 * the supervisor's (or admin's) decision. Every command carries the state the device saw
 * (`expected`). If the card moved on, the command is rejected `stale-state` and the
 * message names the current claimant, so of two offline claims the first to arrive wins
 * and the second worker sees who has it.
 */
const EDGES: Record<WishState, readonly WishState[]> = {
  registered: ['claimed', 'closed'],
  claimed: ['fulfilled', 'registered', 'closed'],
  fulfilled: ['closed'],
  closed: ['registered'],
}

export interface WishActor {
  role: Role
  name: string
}

/** Why a move is refused; `field` names the command field at fault, for a form. */
export interface WishProblem {
  code: ErrorCode
  message: string
  field: 'expected' | 'to' | 'claimedBy' | 'fulfilment' | 'closedReason'
}

const MAX_HISTORY = 100

/** Open wishes hang on the wish tree and count in a household's open wishes. */
export const OPEN_WISH_STATES = ['registered', 'claimed'] as const satisfies readonly WishState[]

export function isOpenWish(state: WishState): boolean {
  return (OPEN_WISH_STATES as readonly WishState[]).includes(state)
}

/** Whether the machine has the edge `from → to` (whoever moves it). */
export function isWishEdge(from: WishState, to: WishState): boolean {
  return EDGES[from].includes(to)
}

/** The states someone in `role` may move a wish to from `from`. */
export function wishMoves(from: WishState, role: Role): readonly WishState[] {
  return mayMoveFrom(from, role) ? EDGES[from] : []
}

const mayMoveFrom = (from: WishState, role: Role): boolean => role !== 'worker' || isOpenWish(from)

/** Creates a wish card; a replay of the same body is a no-op, a different body is refused. */
export function applyWishCreate(stored: Wish | null, incoming: Wish): RuleOutcome<Wish> {
  if (stored === null) return { ok: true, status: 'applied', record: incoming, conflicts: [] }
  if (sameValue(stored, incoming)) return { ok: true, status: 'duplicate', record: stored, conflicts: [] }
  return reject('conflict', 'a wish with this id already exists')
}

/** Applies one transition command to a stored wish. */
export function applyWishTransition(
  stored: Wish | null,
  cmd: ArgsOf<'wish.transition'>,
  actor: WishActor,
  at: string,
): RuleOutcome<Wish> {
  if (stored === null) return reject('not-found', 'wish does not exist')
  const problem = wishTransitionProblem(stored, cmd, actor)
  if (problem) return reject(problem.code, problem.message)
  const next = wishAfter(stored, cmd, actor.name, at)
  if (sameValue(next, stored)) return { ok: true, status: 'duplicate', record: stored, conflicts: [] }
  return { ok: true, status: 'applied', record: next, conflicts: [] }
}

/** Why `cmd` may not move `stored` (stale, no such edge, missing input, no right), or null. */
export function wishTransitionProblem(stored: Wish, cmd: ArgsOf<'wish.transition'>, actor: WishActor): WishProblem | null {
  if (stored.state !== cmd.expected) {
    const who = stored.claimedBy ? `; claimed by ${stored.claimedBy.name}` : ''
    return { code: 'stale-state', field: 'expected', message: `wish is ${stored.state}, not ${cmd.expected}${who}` }
  }
  if (!isWishEdge(stored.state, cmd.to)) {
    return { code: 'invalid-transition', field: 'to', message: `a wish cannot go from ${stored.state} to ${cmd.to}` }
  }
  if (cmd.to === 'claimed' && !cmd.claimedBy) return { code: 'bad-request', field: 'claimedBy', message: 'a claim names who claims the wish' }
  if (cmd.to === 'fulfilled' && !cmd.fulfilment) {
    return { code: 'bad-request', field: 'fulfilment', message: 'fulfilling a wish records what was done' }
  }
  if (cmd.to === 'closed' && !cmd.closedReason) return { code: 'bad-request', field: 'closedReason', message: 'closing a wish gives a reason' }
  if (!mayMoveFrom(stored.state, actor.role)) {
    return { code: 'forbidden', field: 'to', message: 'only a supervisor closes a fulfilled wish or reopens a closed one' }
  }
  return null
}

/**
 * The wish after `cmd` moved it, without checking the move (see `wishTransitionProblem`):
 * a release or a reopening clears the claim, the fulfilment and the closing reason.
 */
export function wishAfter(stored: Wish, cmd: ArgsOf<'wish.transition'>, by: string, at: string): Wish {
  const next: Wish = { ...stored, state: cmd.to, updatedAt: at }
  if (cmd.to === 'claimed') Object.assign(next, { claimedBy: cmd.claimedBy, claimedAt: at })
  if (cmd.to === 'registered') Object.assign(next, { claimedBy: null, claimedAt: null, closedReason: null, fulfilment: null })
  if (cmd.to === 'fulfilled') next.fulfilment = cmd.fulfilment
  if (cmd.to === 'closed') next.closedReason = cmd.closedReason
  const event = { state: cmd.to, at, by: by.slice(0, 40), note: cmd.note }
  next.history = [...stored.history, event].slice(-MAX_HISTORY)
  return next
}
