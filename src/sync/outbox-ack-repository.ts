import type { GridSisterDb, OutboxRow, RejectionRow } from '@/db/db'
import type { Mutation, MutationResult } from '@/shared'
import { getMeta, setMeta } from '@/db/meta-repository'
import { recordTables } from './local-records-repository'
import { restoreShadows } from './shadow-repository'

/**
 * Acknowledging pushed mutations. An outbox row leaves the outbox only when the server
 * answered for it: applied, merged or duplicate (already processed earlier) remove it;
 * rejected moves it to `rejections` with the server's code and message (and rewinds its
 * grid's cursor so the server's copy comes back), in the same transaction, so a rejected change is never silently dropped (docs/sync.md, guarantee 7);
 * merged with code `conflict` (applied, but some values lost to a concurrent edit) leaves the
 * outbox and is also kept in `rejections`, so the worker sees which values did not stick;
 * skipped (the server saw a gap before it) leaves it pending for the next push. Records
 * shown rebased go back to their server copy once all their mutations are answered.
 */

export interface AckSummary {
  acked: number
  rejected: number
  skipped: number
}

/** Applies one push reply to the outbox; rows the reply does not mention stay pending. */
export function applyPushResults(
  db: GridSisterDb,
  sent: OutboxRow[],
  results: MutationResult[],
  now: string,
): Promise<AckSummary> {
  const byId = new Map(sent.map((row) => [row.mutation.mutationId, row]))
  return db.transaction('rw', [db.outbox, db.rejections, db.meta, ...recordTables(db)], async () => {
    const summary: AckSummary = { acked: 0, rejected: 0, skipped: 0 }
    const named = results.flatMap((result) => {
      const row = byId.get(result.mutationId)
      return row ? [{ result, row }] : []
    })
    // One range read and a range delete per run of seqs for the whole reply (500
    // answers), not a round trip to IndexedDB per answer (bench: push 2,000 visits).
    const seqs = named.map(({ row }) => row.seq)
    const inRange = seqs.length ? await db.outbox.where('seq').between(Math.min(...seqs), Math.max(...seqs), true, true).toArray() : []
    const bySeq = new Map(inRange.map((r) => [r.seq, r]))
    const current = seqs.map((seq) => bySeq.get(seq))
    const answered: Mutation[] = []
    const refused = new Set<string>()
    const rejections: RejectionRow[] = []
    const done = new Set<number>()
    named.forEach(({ result, row }, i) => {
      // The row may have been acknowledged by an earlier, duplicated reply already.
      if (current[i]?.mutation.mutationId !== result.mutationId || done.has(row.seq)) return
      if (result.status === 'skipped') {
        summary.skipped += 1
        return
      }
      if (result.status === 'merged' && result.code) {
        // Applied, but some of its values lost to a concurrent edit: acknowledged, and kept
        // in view with the reason until the worker dismisses it (docs/sync.md, guarantee 7).
        rejections.push(rejectionOf(row, result, now))
      }
      if (result.status === 'rejected') {
        refused.add(row.mutation.args.gridId)
        rejections.push(rejectionOf(row, result, now))
        summary.rejected += 1
      } else {
        summary.acked += 1
      }
      done.add(row.seq)
      answered.push(row.mutation)
    })
    await Promise.all([db.rejections.bulkPut(rejections), ...seqRuns([...done]).map(([lo, hi]) => db.outbox.where('seq').between(lo, hi, true, true).delete())])
    await restoreShadows(db, answered)
    await repullGrids(db, refused)
    return summary
  })
}

function rejectionOf(row: OutboxRow, result: MutationResult, now: string): RejectionRow {
  return { mutationId: result.mutationId, seq: row.seq, mutation: row.mutation, code: result.code ?? 'bad-request', message: result.message ?? '', rejectedAt: now, dismissed: 0 }
}

/** Sorted seqs as inclusive runs of consecutive numbers: [1,2,3,7] → [[1,3],[7,7]]. */
export function seqRuns(seqs: number[]): [number, number][] {
  const runs: [number, number][] = []
  for (const seq of [...seqs].sort((a, b) => a - b)) {
    const last = runs.at(-1)
    if (last && seq === last[1] + 1) last[1] = seq
    else runs.push([seq, seq])
  }
  return runs
}

/**
 * After a refusal the device may show an edit the server never took, and no later pull
 * would correct it (its cursor is past the server copy). Rewinding that grid's cursor
 * makes the next pull bring the grid's server state again, rebased on what is still
 * pending. Refusals are rare, so a whole-grid pull is an affordable price for exactness.
 */
async function repullGrids(db: GridSisterDb, gridIds: Set<string>): Promise<void> {
  if (gridIds.size === 0) return
  const cursors = { ...((await getMeta(db, 'cursors')) ?? {}) }
  for (const id of gridIds) if (id in cursors) cursors[id] = 0
  await setMeta(db, 'cursors', cursors)
  // The community's settings are kept under its id, not a grid's (src/shared/community-settings.ts).
  const community = await db.communitySettings.where('gridId').anyOf([...gridIds]).count()
  if (community > 0) await setMeta(db, 'communityCursor', 0)
}

/** Counts a transport failure against the rows of a push that got no answer. */
export async function markAttempt(db: GridSisterDb, sent: OutboxRow[]): Promise<void> {
  const seqs = new Set(sent.map((row) => row.seq))
  await db.outbox.where('seq').anyOf([...seqs]).modify((r) => {
    r.attempts += 1
  })
}

/** Pending rows to push, with their mutations already as the JSON array text to send. */
export interface PushBatch {
  rows: OutboxRow[]
  /** `[m1,m2,…]`: each mutation serialized once, for both the size bound and the body. */
  mutationsJson: string
}

/**
 * The first pending rows in seq order (after `afterSeq` when given), bounded by count and
 * by JSON size in characters.
 */
export async function nextPushBatch(db: GridSisterDb, maxCount: number, maxChars: number, afterSeq?: number): Promise<PushBatch> {
  const rows = await (afterSeq === undefined ? db.outbox.orderBy('seq') : db.outbox.where('seq').above(afterSeq)).limit(maxCount).toArray()
  const batch: OutboxRow[] = []
  const texts: string[] = []
  let chars = 0
  for (const row of rows) {
    const text = JSON.stringify(row.mutation)
    chars += text.length
    if (batch.length > 0 && chars > maxChars) break
    batch.push(row)
    texts.push(text)
  }
  return { rows: batch, mutationsJson: `[${texts.join(',')}]` }
}

/** Whether any pending mutation belongs to one of these grids. */
/** How many mutations wait in the outbox (the device reports it to the server on every sync). */
export function countPending(db: GridSisterDb): Promise<number> {
  return db.outbox.count()
}

export async function hasPendingIn(db: GridSisterDb, gridIds: string[]): Promise<boolean> {
  const set = new Set(gridIds)
  const first = await db.outbox.filter((row) => set.has(row.mutation.args.gridId)).first()
  return first !== undefined
}
