import type { ArgsOf } from '../mutations'
import type { Wish } from '../records'
import type { Role, WishState } from '../vocab'
import { reject, sameValue, type RuleOutcome } from './outcome'

/**
 * The wish-card state machine the server enforces (SYNC.md "Wish cards").
 *
 *   registered → claimed → fulfilled
 *   claimed → registered (released)
 *   any open state → closed
 *   closed → registered (reopened; supervisor or admin only)
 *
 * Every command carries the state the device saw (`expected`). If the card moved on,
 * the command is rejected `stale-state` and the message names the current claimant, so
 * of two offline claims the first to arrive wins and the second worker sees who has it.
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

const MAX_HISTORY = 100

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
  if (stored.state !== cmd.expected) {
    const who = stored.claimedBy ? `; claimed by ${stored.claimedBy.name}` : ''
    return reject('stale-state', `wish is ${stored.state}, not ${cmd.expected}${who}`)
  }
  if (!EDGES[stored.state].includes(cmd.to)) {
    return reject('invalid-transition', `a wish cannot go from ${stored.state} to ${cmd.to}`)
  }
  const missing = missingInput(stored.state, cmd, actor)
  if (missing) return missing
  const next: Wish = { ...stored, state: cmd.to, updatedAt: at }
  if (cmd.to === 'claimed') Object.assign(next, { claimedBy: cmd.claimedBy, claimedAt: at })
  if (cmd.to === 'registered') Object.assign(next, { claimedBy: null, claimedAt: null, closedReason: null, fulfilment: null })
  if (cmd.to === 'fulfilled') next.fulfilment = cmd.fulfilment
  if (cmd.to === 'closed') next.closedReason = cmd.closedReason
  const event = { state: cmd.to, at, by: actor.name.slice(0, 40), note: cmd.note }
  next.history = [...stored.history, event].slice(-MAX_HISTORY)
  if (sameValue(next, stored)) return { ok: true, status: 'duplicate', record: stored, conflicts: [] }
  return { ok: true, status: 'applied', record: next, conflicts: [] }
}

/** Why a transition lacks what it needs (claimant, fulfilment, reason, rights), or null. */
function missingInput(from: WishState, cmd: ArgsOf<'wish.transition'>, actor: WishActor): RuleOutcome<Wish> | null {
  if (cmd.to === 'claimed' && !cmd.claimedBy) return reject('bad-request', 'a claim names who claims the wish')
  if (cmd.to === 'fulfilled' && !cmd.fulfilment) return reject('bad-request', 'fulfilling a wish records what was done')
  if (cmd.to === 'closed' && !cmd.closedReason) return reject('bad-request', 'closing a wish gives a reason')
  if (from === 'closed' && actor.role === 'worker') return reject('forbidden', 'only a supervisor reopens a closed wish')
  return null
}
