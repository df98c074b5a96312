import type { ShallowRef } from 'vue'
import { useLiveQuery } from '@/composables/useLiveQuery'
import type { RecordState, StateRef } from './record-state'
import { recordStates } from './record-states-repository'

export interface UseRecordStates {
  /** State by `stateKey(ref)`; empty until the first answer. */
  states: ShallowRef<Map<string, RecordState>>
}

/**
 * Live states of the records a screen shows (one query for all of them), following the
 * outbox, rejections and reviews as sync changes them.
 */
export function useRecordStates(refs: () => StateRef[]): UseRecordStates {
  const q = useLiveQuery({
    deps: [() => refs().map((r) => `${r.kind}:${r.id}:${r.updatedAt ?? ''}`).join(',')],
    initial: new Map<string, RecordState>(),
    query: (db) => recordStates(db, refs()),
  })
  return { states: q.data }
}
