import type { AuditRecordArgs } from '../../src/shared'
import { canReview } from '../../src/shared/rules'
import { refuse, type ApplyCtx, type Effect } from '../sync/effect'

/**
 * `audit.record`: a supervisor's or admin's view of a record, or an export, sent through
 * the outbox. It goes into the audit table inside the push transaction (so it is stored
 * exactly once with the rest of the batch) and writes no record. Only reviewers of the
 * grid's community may write audit entries; the grid itself was scope-checked already.
 */
export async function applyAudit(ctx: ApplyCtx, args: AuditRecordArgs, deviceAt: string): Promise<Effect> {
  if (!canReview(ctx.user, ctx.grid)) return refuse('forbidden', 'only supervisors and admins write audit entries')
  await ctx.tx.audit({
    userId: ctx.user.id,
    action: `record-${args.action}`,
    communityId: ctx.grid.communityId,
    detail: {
      eventId: args.id,
      communityId: ctx.grid.communityId,
      gridId: args.gridId,
      recordKind: args.recordKind,
      recordId: args.recordId,
      detail: args.detail,
      deviceAt,
    },
  })
  return { outcome: { ok: true, status: 'applied', record: null, conflicts: [] }, writes: [] }
}
