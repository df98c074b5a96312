import type { GridSisterDb, RejectionRow } from '@/db/db'
import { mutationTarget } from '@/shared'
import { recordStateOf, stateKey, type RecordState, type StateRef } from './record-state'

/**
 * Reads what `recordStateOf` needs for a screenful of records in three requests: the
 * whole outbox and the rejections (both short: what waits or was refused), and the
 * reviews of just these records.
 */
export function recordStates(db: GridSisterDb, refs: StateRef[]): Promise<Map<string, RecordState>> {
  // A plain promise chain, not an async function: it runs inside liveQuery (see rejections-repository.ts).
  return Promise.all([
    db.outbox.toArray(),
    db.rejections.toArray(),
    refs.length ? db.reviews.where('recordId').anyOf(refs.map((r) => r.id)).toArray() : Promise.resolve([]),
  ]).then(([outbox, rejections, reviews]) => {
    const pending = new Set(outbox.flatMap((row) => keyOf(row.mutation)))
    const refused = new Map<string, RejectionRow[]>()
    for (const r of rejections) for (const key of keyOf(r.mutation)) refused.set(key, [...(refused.get(key) ?? []), r])
    const byRecord = new Map(reviews.map((r) => [r.recordId, r]))
    return new Map(
      refs.map((ref) => {
        const key = stateKey(ref)
        const input = { pending: pending.has(key), rejections: refused.get(key) ?? [], review: byRecord.get(ref.id), updatedAt: ref.updatedAt }
        return [key, recordStateOf(input)] as const
      }),
    )
  })
}

function keyOf(m: Parameters<typeof mutationTarget>[0]): string[] {
  const target = mutationTarget(m)
  return target ? [stateKey(target)] : []
}
