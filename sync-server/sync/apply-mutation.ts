import { randomUUID } from 'node:crypto'
import {
  hlcMillis,
  MAX_DRIFT_MS,
  RECORD_SCHEMAS,
  mutationTarget,
  type Mutation,
  type MutationResult,
} from '../../src/shared'
import { canWrite } from '../../src/shared/rules'
import type { ApplyCtx, Effect } from './effect'
import type { UserRow } from '../storage/store'
import type { ApplyStore } from './batch-view'
import { applyMergeable, applyRecordDelete, applyRecordRestore } from './apply-mergeable'
import { applyReview, applyVisit, applyWish, applyWishMove } from './apply-events'
import { applyAudit } from '../supervisor/apply-audit'
import { invalidValue } from './check-write'
import { guardMutation } from './apply-guards'

/**
 * Applies one mutation inside the push transaction: scope first (from the user's
 * current assignments, never from what the device claims), then the pure rule for its
 * record kind, then the writes. A refused mutation writes nothing and is reported.
 */
export async function applyMutation(tx: ApplyStore, user: UserRow, m: Mutation, now: number): Promise<MutationResult> {
  // m.hlc passed the request schema's HLC pattern: its first 15 digits are its millis.
  if (hlcMillis(m.hlc) - now > MAX_DRIFT_MS) return refused(m, 'clock-drift', 'the phone clock is far ahead; set the date and time')
  const guard = await guardMutation(tx, user, m)
  if (guard) return refused(m, guard.code, guard.message)
  const grid = await tx.getGrid(m.args.gridId)
  if (!grid || !canWrite(user, grid)) return refused(m, 'out-of-scope', 'this grid is not in your scope')
  const ctx: ApplyCtx = { tx, user, grid, now, at: isoAt(now) }
  const effect = await dispatch(ctx, m)
  const { outcome } = effect
  if (!outcome.ok) return refused(m, outcome.code, outcome.message)
  const invalid = outcome.status === 'duplicate' ? null : await invalidValue(ctx, m)
  if (invalid) return refused(m, 'invalid-value', invalid)
  // Stored exactly as its schema reads it: the pull sends stored records as they are.
  const records: unknown[] = []
  for (const w of effect.writes) {
    // The request's args passed this schema (or a stricter one) already: a visit or a
    // new wish written as sent needs no second parse.
    if (w.record === m.args) {
      records.push(w.record)
      continue
    }
    const parsed = RECORD_SCHEMAS[w.kind].safeParse(w.record)
    if (!parsed.success) return refused(m, 'bad-request', `invalid ${w.kind}: ${parsed.error.issues[0]?.message ?? 'invalid'}`)
    records.push(parsed.data)
  }
  const base = { mutationId: m.mutationId, seq: m.seq }
  if (outcome.status === 'duplicate') return { ...base, status: 'duplicate' }
  effect.writes.forEach((w, i) => tx.putRecord(w.kind, w.record.id, grid.id, grid.communityId, records[i]))
  const conflictIds: string[] = []
  // Filed against the record the mutation writes (every mutation that merges has one).
  const target = outcome.conflicts.length > 0 ? mutationTarget(m) : null
  for (const c of outcome.conflicts) {
    if (!target) break
    const id = randomUUID()
    conflictIds.push(id)
    tx.insertConflict({
      id,
      communityId: grid.communityId,
      kind: target.kind,
      recordId: target.id,
      gridId: grid.id,
      field: c.field,
      winnerValue: c.winnerValue,
      winnerHlc: c.winnerHlc,
      loserValue: c.loserValue,
      loserHlc: c.loserHlc,
      loserUserId: c.incomingLost ? user.id : null,
      createdAt: ctx.at,
      resolvedAt: null,
    })
  }
  return conflictIds.length ? { ...base, status: 'merged', conflictIds } : { ...base, status: 'applied' }
}

function refused(m: Mutation, code: MutationResult['code'], message: string): MutationResult {
  return { mutationId: m.mutationId, seq: m.seq, status: 'rejected', code, message }
}

// A push batch applies a thousand mutations at one `now`: format it once, not per mutation.
let lastNow = NaN
let lastAt = ''
function isoAt(now: number): string {
  if (now !== lastNow) {
    lastAt = new Date(now).toISOString()
    lastNow = now
  }
  return lastAt
}

function dispatch(ctx: ApplyCtx, m: Mutation): Promise<Effect> {
  switch (m.name) {
    case 'household.put':
      return applyMergeable(ctx, 'household', m.args, m.hlc)
    case 'person.put':
      return applyMergeable(ctx, 'person', m.args, m.hlc)
    case 'assessment.put':
      return applyMergeable(ctx, 'assessment', m.args, m.hlc)
    case 'household.delete':
      return applyRecordDelete(ctx, 'household', m.args, m.hlc)
    case 'person.delete':
      return applyRecordDelete(ctx, 'person', m.args, m.hlc)
    case 'assessment.delete':
      return applyRecordDelete(ctx, 'assessment', m.args, m.hlc)
    case 'record.restore':
      return applyRecordRestore(ctx, m.args.kind, m.args, m.hlc)
    case 'visit.create':
      return applyVisit(ctx, m.args)
    case 'wish.create':
      return applyWish(ctx, m.args)
    case 'wish.transition':
      return applyWishMove(ctx, m.args)
    case 'review.set':
      return applyReview(ctx, m.args)
    case 'audit.record':
      return applyAudit(ctx, m.args, m.createdAt)
  }
}

