import type { ReviewItem, ReviewSources } from './review-queue'
import { triageQueue, type TriageEntry, type TriageOptions } from './triage'

/**
 * A review session: the open queue frozen when she starts (triaged once), so records
 * arriving with a sync are counted as new instead of reshuffling the list under her
 * eyes, while each frozen record still shows its current state (a decision shows at
 * once). Pure. Guarantees:
 * - The order is the attention list, then the routine list, as triaged at freezing.
 * - The sample is a pseudo-random subset of the routine records, decided by a hash of
 *   the session's seed and the record id: stable for a session and a rate, different
 *   between sessions, at least one record when there is any routine record.
 */

export interface FrozenQueue {
  attention: TriageEntry[]
  routine: TriageEntry[]
  /** Every frozen id, attention first. */
  order: string[]
  ids: Set<string>
  frozenAt: number
}

export const isOpen = (i: ReviewItem | undefined) => !!i && (i.state === 'pending' || i.state === 'resubmitted')

/** Freezes the open items of `items` into a triaged session. */
export function freezeQueue(items: ReviewItem[], src: ReviewSources, at: number, o?: TriageOptions): FrozenQueue {
  const { attention, routine } = triageQueue(items.filter(isOpen), src, o)
  const order = [...attention, ...routine].map((e) => e.id)
  return { attention, routine, order, ids: new Set(order), frozenAt: at }
}

/** Open items that are not part of the frozen session (arrived since, or reopened). */
export function newArrivals(q: FrozenQueue, items: ReviewItem[]): number {
  let n = 0
  for (const i of items) if (isOpen(i) && !q.ids.has(i.id)) n++
  return n
}

/**
 * A number in [0, 1) from a string: FNV-1a, then MurmurHash3's final mix (FNV alone
 * leaves ids that differ in their last characters close together). Stable, not secret.
 */
export function unitHash(s: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  h ^= h >>> 16
  h = Math.imul(h, 0x85ebca6b)
  h ^= h >>> 13
  h = Math.imul(h, 0xc2b2ae35)
  h ^= h >>> 16
  return (h >>> 0) / 2 ** 32
}

/** The ids of the routine records she opens before the batch approval. */
export function sampleIds(routine: TriageEntry[], rate: number, seed: string): Set<string> {
  if (!routine.length) return new Set()
  const scored = routine.map((e) => ({ id: e.id, h: unitHash(`${seed}:${e.id}`) }))
  const picked = scored.filter((x) => x.h < rate).map((x) => x.id)
  if (picked.length) return new Set(picked)
  return new Set([scored.reduce((a, b) => (b.h < a.h ? b : a)).id])
}

/** The id `step` places from `id` in `order` among those `keep` accepts, or null. */
export function stepFrom(order: string[], id: string, step: 1 | -1, keep: (id: string) => boolean = () => true): string | null {
  const at = order.indexOf(id)
  for (let i = at + step; i >= 0 && i < order.length; i += step) if (keep(order[i]!)) return order[i]!
  return null
}

/** After a decision on `id`: the next open record after it, else the first open one left. */
export function nextAfterDecision(order: string[], id: string, open: (id: string) => boolean): string | null {
  return stepFrom(order, id, 1, open) ?? order.find((x) => x !== id && open(x)) ?? null
}
