import type { RecordKind } from '../../src/shared'
import {
  applyDelete,
  applyRestore,
  createFromPatch,
  mergeFields,
  refuseEditOfDeleted,
  type MergeableRecord,
  type Tombstoned,
} from '../../src/shared/rules'
import { refuse, type ApplyCtx, type Effect } from './effect'

/** Households, persons and assessments: per-field merge, tombstones, restore. */

interface PutArgs {
  id: string
  gridId: string
  patch: Record<string, unknown>
  base: Record<string, string | null>
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
  if (kind !== 'household') {
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
    // processed). A different edit that changes nothing (same values) was still applied.
    return { outcome: { ok: true, status: conflicts.length ? 'merged' : 'applied', record: stored, conflicts }, writes: [] }
  }
  const record = { ...merged.record, updatedAt: ctx.at }
  return { outcome: { ok: true, status: conflicts.length ? 'merged' : 'applied', record, conflicts }, writes: [{ kind, record }] }
}

export async function applyRecordDelete(ctx: ApplyCtx, kind: RecordKind, args: { id: string }, hlc: string): Promise<Effect> {
  const loaded = await load(ctx, kind, args.id)
  if ('outcome' in loaded) return loaded
  const outcome = applyDelete(loaded.data, hlc, ctx.at)
  return { outcome, writes: outcome.ok ? [{ kind, record: outcome.record }] : [] }
}

export async function applyRecordRestore(ctx: ApplyCtx, kind: RecordKind, args: { id: string }, hlc: string): Promise<Effect> {
  const loaded = await load(ctx, kind, args.id)
  if ('outcome' in loaded) return loaded
  const outcome = applyRestore(loaded.data, ctx.user.role, hlc, ctx.at)
  return { outcome, writes: outcome.ok ? [{ kind, record: outcome.record }] : [] }
}
