import { randomUUID } from 'node:crypto'
import {
  hlcMillis,
  MAX_DRIFT_MS,
  RECORD_SCHEMAS,
  mutationTarget,
  type Grid,
  type Mutation,
  type MutationResult,
} from '../../src/shared'
import { canWrite, jsonTooLarge, madeWhileHeld, MAX_RECORD_BYTES, type FieldConflict } from '../../src/shared/rules'
import type { ApplyCtx, Effect } from './effect'
import type { UserRow } from '../storage/store'
import type { ApplyStore } from './batch-view'
import { applyMergeable, applyRecordDelete, applyRecordRestore } from './apply-mergeable'
import { applyReview, applyVisit, applyWish, applyWishMove } from './apply-events'
import { applyAudit } from '../supervisor/apply-audit'
import { invalidValue } from './check-write'
import { guardMutation } from './apply-guards'
import { fieldNames } from './field-names'
import { communityPlace, isCommunityWide } from './apply-community'

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
  const grid = await placeOf(tx, user, m)
  if ('status' in grid) return grid
  const ctx: ApplyCtx = { tx, user, grid, now, at: isoAt(now) }
  const effect = await dispatch(ctx, m)
  const { outcome } = effect
  if (!outcome.ok) return refused(m, outcome.code, outcome.message)
  const invalid = outcome.status === 'duplicate' ? null : await invalidValue(ctx, m)
  if (invalid) return refused(m, 'invalid-value', invalid)
  const writes = writesOf(m, outcome, effect.writes)
  const checked = checkWrites(m, writes)
  if ('status' in checked) return checked
  writes.forEach((w, i) => tx.putRecord(w.kind, w.record.id, grid.id, grid.communityId, checked.records[i], checked.texts[i]))
  const base = { mutationId: m.mutationId, seq: m.seq }
  const conflictIds = fileConflicts(ctx, m, outcome.conflicts)
  if (conflictIds.length === 0) return { ...base, status: 'applied' }
  // The device must hear that some of its values lost (docs/sync.md, guarantee 7), not only
  // the supervisor: the phone keeps this answer beside its rejected changes.
  const lost = outcome.conflicts.filter((c) => c.incomingLost).map((c) => c.field)
  if (lost.length === 0) return { ...base, status: 'merged', conflictIds }
  return { ...base, status: 'merged', conflictIds, code: 'conflict', message: lostMessage(lost) }
}

/** The grid the mutation writes (or its community's channel), or why the user may not write it. */
async function placeOf(tx: ApplyStore, user: UserRow, m: Mutation): Promise<Grid | MutationResult> {
  if (isCommunityWide(m)) {
    const place = communityPlace(user, m)
    return 'message' in place ? refused(m, place.code, place.message) : place
  }
  const grid = await tx.getGrid(m.args.gridId)
  const outOfScope = await scopeRefusal(tx, user, grid, m)
  if (outOfScope || !grid) return outOfScope ?? refused(m, 'out-of-scope', 'this grid is not in your scope')
  return grid
}

/**
 * Null when the user may write the grid now, or (a worker who held it) when the change
 * was made while it was hers (docs/sync.md, guarantee 6); else the refusal.
 */
async function scopeRefusal(tx: ApplyStore, user: UserRow, grid: Grid | null, m: Mutation): Promise<MutationResult | null> {
  if (!grid) return refused(m, 'out-of-scope', 'this grid is not in your scope')
  if (canWrite(user, grid)) return null
  const held = user.role === 'worker' && grid.communityId === user.communityId ? await tx.getHolding(grid.id, user.id) : null
  if (!held || held.heldUntil === null) return refused(m, 'out-of-scope', 'this grid is not in your scope')
  return madeWhileHeld(held, m) ? null : refused(m, 'out-of-scope', movedAwayMessage(grid.name, held.heldUntil))
}

/**
 * Each record as its schema reads it (the pull sends stored records as they are) and its
 * JSON, serialized once for the size bound and the write (batch-view.ts); or the refusal.
 */
function checkWrites(m: Mutation, writes: Effect['writes']): MutationResult | { records: unknown[]; texts: string[] } {
  const records: unknown[] = []
  const texts: string[] = []
  for (const w of writes) {
    // The request's args passed this schema (or a stricter one) already: a visit or a
    // new wish written as sent needs no second parse.
    const parsed = w.record === m.args ? { success: true as const, data: w.record } : RECORD_SCHEMAS[w.kind].safeParse(w.record)
    if (!parsed.success) return refused(m, 'bad-request', `invalid ${w.kind}: ${parsed.error.issues[0]?.message ?? 'invalid'}`)
    const json = JSON.stringify(parsed.data)
    if (jsonTooLarge(json)) return refused(m, 'payload-too-large', TOO_LARGE)
    records.push(parsed.data)
    texts.push(json)
  }
  return { records, texts }
}

/** Files each losing value in the conflict inbox, against the record the mutation writes. */
function fileConflicts(ctx: ApplyCtx, m: Mutation, conflicts: FieldConflict[]): string[] {
  const target = conflicts.length > 0 ? mutationTarget(m) : null
  if (!target) return []
  return conflicts.map((c) => {
    const id = randomUUID()
    ctx.tx.insertConflict({
      id,
      communityId: ctx.grid.communityId,
      kind: target.kind,
      recordId: target.id,
      gridId: ctx.grid.id,
      field: c.field,
      winnerValue: c.winnerValue,
      winnerHlc: c.winnerHlc,
      loserValue: c.loserValue,
      loserHlc: c.loserHlc,
      loserUserId: c.incomingLost ? ctx.user.id : null,
      createdAt: ctx.at,
      resolvedAt: null,
    })
    return id
  })
}

/**
 * Why a change to a grid that moved away was refused, for the worker who made it. The day
 * (China time) is written as the app writes dates (src/i18n/date-format.ts), with its year,
 * since the message may be read in another year; 未被接受 is the app's word for a refusal.
 */
function movedAwayMessage(gridName: string, movedAt: number): string {
  const cst = new Date(movedAt + 8 * 3_600_000)
  const day = `${cst.getUTCFullYear()}年${cst.getUTCMonth() + 1}月${cst.getUTCDate()}日`
  return `网格「${gridName}」已于 ${day} 调整给其他网格员，这条修改是在调整之后做的，未被接受。内容仍留在本机的“未被接受的修改”里，请联系主席处理。`
}

/** Why some values of a merged edit were not kept, for the worker. */
function lostMessage(fields: string[]): string {
  return `别人同时改了同一项（${fieldNames(fields)}），保留了较新的那一份；你的修改没有被采用，已交给主席在冲突记录里查看。`
}

/**
 * A rule's `duplicate` (what the mutation asks for is already stored) is still this
 * mutation's first processing (a replayed seq never reaches the rules). It is answered
 * `applied` and its record written again under a new seq, so the device that sent it
 * pulls the server's copy instead of keeping its own (issue 15, finding 2).
 */
function writesOf(m: Mutation, outcome: Extract<Effect['outcome'], { ok: true }>, writes: Effect['writes']): Effect['writes'] {
  if (outcome.status !== 'duplicate') return writes
  const target = mutationTarget(m)
  return target ? [{ kind: target.kind, record: outcome.record as { id: string; gridId: string } }] : []
}

const TOO_LARGE = `这条记录超过 ${MAX_RECORD_BYTES / 1024} KB，服务器没有收下；请删减文字后重新保存。`

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
    case 'communitySettings.put':
      return applyMergeable(ctx, 'communitySettings', m.args, m.hlc)
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

