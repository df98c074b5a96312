import type { ArgsOf, Review, Visit, Wish } from '../../src/shared'
import {
  applyReviewSet,
  applyVisitCreate,
  applyWishCreate,
  applyWishTransition,
  canReview,
  checkCorrection,
  resubmitReview,
} from '../../src/shared/rules'
import type { StoredRecord } from '../storage/store'
import { checkHousehold } from './apply-mergeable'
import { refuse, type ApplyCtx, type Effect } from './effect'

/** Visits (append-only), wishes (state machine) and reviews. */

const inGrid = (ctx: ApplyCtx, r: StoredRecord | null) => r === null || r.gridId === ctx.grid.id

export async function applyVisit(ctx: ApplyCtx, visit: Visit): Promise<Effect> {
  // A worker writes her own diary; supervisors may record visits on anyone's behalf.
  if (ctx.user.role === 'worker' && visit.visitorId !== ctx.user.id) return refuse('forbidden', 'a visit is recorded by its visitor')
  const bad = await checkHousehold(ctx, visit.householdId)
  if (bad) return bad
  const stored = await ctx.tx.getRecord('visit', visit.id)
  if (!inGrid(ctx, stored)) return refuse('out-of-scope', 'this visit belongs to another grid')
  const outcome = applyVisitCreate((stored?.data as Visit | undefined) ?? null, visit)
  if (!outcome.ok || outcome.status === 'duplicate') return { outcome, writes: [] }
  const writes: Effect['writes'] = [{ kind: 'visit', record: visit }]
  if (visit.correctsId) {
    const corrected = await ctx.tx.getRecord('visit', visit.correctsId)
    const wrong = checkCorrection(visit, (corrected?.data as Visit | undefined) ?? null)
    if (wrong) return { outcome: wrong, writes: [] }
    const review = await ctx.tx.getRecord('review', visit.correctsId)
    const resubmitted = resubmitReview((review?.data as Review | undefined) ?? null, visit.id)
    if (resubmitted) writes.push({ kind: 'review', record: resubmitted })
  }
  return { outcome, writes }
}

export async function applyWish(ctx: ApplyCtx, wish: Wish): Promise<Effect> {
  const bad = await checkHousehold(ctx, wish.householdId)
  if (bad) return bad
  const stored = await ctx.tx.getRecord('wish', wish.id)
  if (!inGrid(ctx, stored)) return refuse('out-of-scope', 'this wish belongs to another grid')
  const outcome = applyWishCreate((stored?.data as Wish | undefined) ?? null, wish)
  return { outcome, writes: outcome.ok ? [{ kind: 'wish', record: wish }] : [] }
}

export async function applyWishMove(ctx: ApplyCtx, cmd: ArgsOf<'wish.transition'>): Promise<Effect> {
  const stored = await ctx.tx.getRecord('wish', cmd.id)
  if (!inGrid(ctx, stored)) return refuse('out-of-scope', 'this wish belongs to another grid')
  const actor = { role: ctx.user.role, name: ctx.user.displayName }
  const outcome = applyWishTransition((stored?.data as Wish | undefined) ?? null, cmd, actor, ctx.at)
  return { outcome, writes: outcome.ok ? [{ kind: 'wish', record: outcome.record }] : [] }
}

export async function applyReview(ctx: ApplyCtx, cmd: ArgsOf<'review.set'>): Promise<Effect> {
  const mayReview = canReview(ctx.user, ctx.grid)
  if (!mayReview) return refuse('forbidden', 'only a supervisor of this community reviews records')
  const target = await ctx.tx.getRecordPlace(cmd.recordKind, cmd.recordId)
  if (!target) return refuse('not-found', 'the reviewed record does not exist')
  if (target.gridId !== ctx.grid.id) return refuse('out-of-scope', 'the reviewed record belongs to another grid')
  const stored = await ctx.tx.getRecord('review', cmd.recordId)
  const reviewer = { id: ctx.user.id, name: ctx.user.displayName, mayReview }
  const outcome = applyReviewSet((stored?.data as Review | undefined) ?? null, cmd, reviewer, ctx.at)
  return { outcome, writes: outcome.ok ? [{ kind: 'review', record: outcome.record }] : [] }
}
