import type { RecordKind } from '../../src/shared'
import {
  applyDelete,
  applyRestore,
  createFromPatch,
  isAssessedCareWrite,
  mergeFields,
  refuseEditOfDeleted,
  type AssessmentResultLike,
  type FieldConflict,
  type MergeableRecord,
  type RuleOutcome,
  type Tombstoned,
} from '../../src/shared/rules'
import { refuse, type ApplyCtx, type Effect } from './effect'

/** Households, persons, assessments and community settings: per-field merge, tombstones, restore. */

interface PutArgs {
  id: string
  gridId: string
  patch: Record<string, unknown>
  base: Record<string, string | null>
  /** household.put only: the assessment whose result it carries. */
  assessmentId?: string
}

type Mergeable = MergeableRecord & Tombstoned & { id: string; gridId: string; householdId?: string }

/** Loads a record of this grid; refuses one stored under another grid. */
async function load(ctx: ApplyCtx, kind: RecordKind, id: string): Promise<{ data: Mergeable | null } | Effect> {
  const stored = await ctx.tx.getRecord(kind, id)
  if (stored && stored.gridId !== ctx.grid.id) return refuse('out-of-scope', `this ${kind} belongs to another grid`)
  return { data: (stored?.data as Mergeable | undefined) ?? null }
}

/** Refuses a reference to a household that is missing or in another grid. */
export async function checkHousehold(ctx: ApplyCtx, householdId: string | undefined): Promise<Effect | null> {
  if (householdId === undefined) return null
  const hh = await ctx.tx.getRecordPlace('household', householdId)
  if (!hh) return refuse('not-found', 'the household does not exist on the server')
  if (hh.gridId !== ctx.grid.id) return refuse('out-of-scope', 'the household belongs to another grid')
  return null
}

export async function applyMergeable(ctx: ApplyCtx, kind: RecordKind, args: PutArgs, hlc: string): Promise<Effect> {
  const loaded = await load(ctx, kind, args.id)
  if ('outcome' in loaded) return loaded
  const stored = loaded.data
  // Persons and assessments belong to a household of the same grid.
  if (kind === 'person' || kind === 'assessment') {
    const bad = await checkHousehold(ctx, (args.patch.householdId as string | undefined) ?? (stored ? undefined : ''))
    if (bad) return bad
  }
  if (!stored) {
    const record = createFromPatch({ id: args.id, gridId: ctx.grid.id, at: ctx.at }, args.patch, hlc) as Mergeable
    return { outcome: { ok: true, status: 'applied', record, conflicts: [] }, writes: [{ kind, record }] }
  }
  if (stored.deleted) return { outcome: refuseEditOfDeleted(), writes: [] }
  const merged = mergeFields(stored, args.patch, args.base, hlc)
  const { conflicts } = merged
  if (!merged.changed) {
    // Not `duplicate`: that answer is kept for a replay of the same mutation (its seq was
    // processed). A different edit that changes nothing was still taken; see `rewrite`.
    return rewrite(kind, stored, conflicts.length ? 'merged' : 'applied', conflicts)
  }
  const keepsTime = kind === 'household' && (await isAssessmentsWrite(ctx, args))
  const record = { ...merged.record, updatedAt: keepsTime ? stored.updatedAt : ctx.at }
  return { outcome: { ok: true, status: conflicts.length ? 'merged' : 'applied', record, conflicts }, writes: [{ kind, record }] }
}

/**
 * A household's care level written as an assessment's result is that assessment's
 * change (rules/care-level.ts): the household keeps its `updatedAt`, so its review state
 * does not move. The assessment is read through the batch view: it usually arrives in
 * the same push, just before.
 */
async function isAssessmentsWrite(ctx: ApplyCtx, args: PutArgs): Promise<boolean> {
  if (!args.assessmentId) return false
  const stored = await ctx.tx.getRecord('assessment', args.assessmentId)
  if (!stored || stored.gridId !== ctx.grid.id) return false
  return isAssessedCareWrite(args, args.id, stored.data as AssessmentResultLike)
}

/**
 * An accepted mutation that leaves its record as it was (a second delete, a restore of a
 * live record, an edit whose values all lost or were already there) still writes the
 * record again under a new seq. The device that sent it shows its own version of the
 * change (its clocks, its `updatedAt`); without a new seq no pull would ever bring it the
 * server's copy and it would never converge (issue 15, finding 2: a household deleted on
 * two devices kept each device's own `deleted` clock). Such mutations are rare.
 */
function rewrite(kind: RecordKind, stored: Mergeable, status: 'applied' | 'merged', conflicts: FieldConflict[]): Effect {
  return { outcome: { ok: true, status, record: stored, conflicts }, writes: [{ kind, record: stored }] }
}

/** A tombstone rule's outcome as an effect: a no-op (`duplicate` from the rule) rewrites. */
function tombstoneEffect(kind: RecordKind, stored: Mergeable | null, outcome: RuleOutcome<Mergeable>): Effect {
  if (!outcome.ok) return { outcome, writes: [] }
  if (outcome.status === 'duplicate' && stored) return rewrite(kind, stored, 'applied', [])
  return { outcome, writes: [{ kind, record: outcome.record }] }
}

export async function applyRecordDelete(ctx: ApplyCtx, kind: RecordKind, args: { id: string }, hlc: string): Promise<Effect> {
  const loaded = await load(ctx, kind, args.id)
  if ('outcome' in loaded) return loaded
  return tombstoneEffect(kind, loaded.data, applyDelete(loaded.data, hlc, ctx.at))
}

export async function applyRecordRestore(ctx: ApplyCtx, kind: RecordKind, args: { id: string }, hlc: string): Promise<Effect> {
  const loaded = await load(ctx, kind, args.id)
  if ('outcome' in loaded) return loaded
  return tombstoneEffect(kind, loaded.data, applyRestore(loaded.data, ctx.user.role, hlc, ctx.at))
}
