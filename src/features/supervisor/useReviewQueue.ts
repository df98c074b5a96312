import { computed, watch, type ComputedRef } from 'vue'
import { matchesFilter, type ReviewItem } from './reports/review-queue'
import { freezeQueue, isOpen, newArrivals, nextAfterDecision, sampleIds, stepFrom } from './reports/review-session'
import type { TriageReason } from './reports/triage'
import { useSupervisorStore } from './supervisor-store'

/**
 * The review session as both the queue and the record page see it: the frozen,
 * triaged order with each record's current state, the sample, what the batch would
 * approve, new arrivals, and moving to the next or previous record.
 */

export interface QueueRow {
  item: ReviewItem
  reasons: TriageReason[]
}

export interface ReviewQueueView {
  items: ComputedRef<ReviewItem[]>
  attention: ComputedRef<QueueRow[]>
  sample: ComputedRef<QueueRow[]>
  rest: ComputedRef<QueueRow[]>
  order: ComputedRef<string[]>
  openLeft: ComputedRef<number>
  sampleLeft: ComputedRef<number>
  batchable: ComputedRef<ReviewItem[]>
  newCount: ComputedRef<number>
  reasonsOf(id: string): TriageReason[]
  /** Takes the new records in and triages again. */
  refresh(): void
  step(id: string, dir: 1 | -1): ReviewItem | null
  nextAfter(id: string): ReviewItem | null
}

/** Opens (or joins) the review session of the workspace store. */
export function useReviewQueue(): ReviewQueueView {
  const store = useSupervisorStore()
  const items = computed(() => store.reviewItems)
  const byId = computed(() => store.reviewItemsById)
  const freeze = () => {
    if (store.snapshot) store.reviewSession = freezeQueue(items.value, store.snapshot, store.clock().getTime())
  }
  // Frozen once the device's first sync is done (until then every page of it is taken
  // in); an empty session takes what arrives (there is nothing to reshuffle).
  watch([items, () => store.session?.synced?.() ?? true], ([list, synced]) => {
    const q = store.reviewSession
    if (store.snapshot && (!q || !synced || (q.order.length === 0 && newArrivals(q, list) > 0))) freeze()
  }, { immediate: true })
  const matches = (i: ReviewItem) => matchesFilter(i, store.reviewFilter)
  const rows = (entries: { id: string; reasons: TriageReason[] }[]) =>
    entries.flatMap((e) => {
      const item = byId.value.get(e.id)
      return item && matches(item) ? [{ item, reasons: e.reasons }] : []
    })
  const sampled = computed(() => sampleIds(store.reviewSession?.routine ?? [], store.sampleRate, store.sampleSeed))
  const attention = computed(() => rows(store.reviewSession?.attention ?? []))
  const routine = computed(() => rows(store.reviewSession?.routine ?? []))
  const sample = computed(() => routine.value.filter((r) => sampled.value.has(r.item.id)))
  const rest = computed(() => routine.value.filter((r) => !sampled.value.has(r.item.id)))
  const order = computed(() => [...attention.value, ...sample.value, ...rest.value].map((r) => r.item.id))
  const reasons = computed(() => new Map([...attention.value, ...routine.value].map((r) => [r.item.id, r.reasons])))
  const open = (id: string) => isOpen(byId.value.get(id))
  const get = (id: string | null) => (id ? (byId.value.get(id) ?? null) : null)
  return {
    items, attention, sample, rest, order,
    openLeft: computed(() => order.value.filter(open).length),
    sampleLeft: computed(() => sample.value.filter((r) => isOpen(r.item)).length),
    batchable: computed(() => rest.value.map((r) => r.item).filter(isOpen)),
    newCount: computed(() => (store.reviewSession ? newArrivals(store.reviewSession, items.value) : 0)),
    reasonsOf: (id) => reasons.value.get(id) ?? [],
    refresh: freeze,
    step: (id, dir) => get(stepFrom(order.value, id, dir)),
    nextAfter: (id) => get(nextAfterDecision(order.value, id, open)),
  }
}
