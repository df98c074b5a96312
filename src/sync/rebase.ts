import type { Mutation, RecordByKind, RecordKind, Wish } from '@/shared'
import { wishAfter } from '@/shared/rules/wish'

/**
 * Rebase: re-applying the device's still-pending mutations on top of a record pulled
 * from the server, so an edit made offline never disappears from the screen when a
 * pull brings a newer server copy of the same record (Replicache's "rebase", PowerSync's
 * "never adopt server state while the upload queue is non-empty", per record).
 *
 * Pure functions; the result is what the device shows until the server acknowledges
 * the mutation, after which a later pull brings the server's merged copy.
 */

export interface RecordRef {
  kind: RecordKind
  id: string
}

/** The record a mutation writes, or null for one that writes none (e.g. an audit entry). */
export function targetOf(m: Mutation): RecordRef | null {
  switch (m.name) {
    case 'household.put':
    case 'household.delete':
      return { kind: 'household', id: m.args.id }
    case 'person.put':
    case 'person.delete':
      return { kind: 'person', id: m.args.id }
    case 'assessment.put':
    case 'assessment.delete':
      return { kind: 'assessment', id: m.args.id }
    case 'visit.create':
      return { kind: 'visit', id: m.args.id }
    case 'wish.create':
    case 'wish.transition':
      return { kind: 'wish', id: m.args.id }
    case 'record.restore':
      return { kind: m.args.kind, id: m.args.id }
    case 'review.set':
      // One review per record: its id is the reviewed record's id.
      return { kind: 'review', id: m.args.recordId }
    default:
      // Mutations that write no device record (audit entries, later additions).
      return null
  }
}

/** The grid a mutation belongs to. */
export function gridOf(m: Mutation): string {
  return m.args.gridId
}

export const refKey = (r: RecordRef): string => `${r.kind}:${r.id}`

type Mergeable = RecordByKind['household'] | RecordByKind['person'] | RecordByKind['assessment']

function patchMergeable<R extends Mergeable>(record: R, patch: object, hlc: string, at: string): R {
  const clocks = { ...record.hlc }
  for (const field of Object.keys(patch)) clocks[field] = hlc
  return { ...record, ...patch, hlc: clocks, updatedAt: at }
}

/**
 * Applies one pending mutation to a record of its target (the pulled server copy).
 * Returns the record unchanged when the mutation does not fit it.
 */
export function applyPending<K extends RecordKind>(kind: K, record: RecordByKind[K], m: Mutation): RecordByKind[K] {
  const target = targetOf(m)
  if (!target || target.kind !== kind || target.id !== record.id) return record
  switch (m.name) {
    case 'household.put':
    case 'person.put':
    case 'assessment.put':
      return patchMergeable(record as Mergeable, m.args.patch, m.hlc, m.createdAt) as RecordByKind[K]
    case 'household.delete':
    case 'person.delete':
    case 'assessment.delete':
      return patchMergeable(record as Mergeable, { deleted: true }, m.hlc, m.createdAt) as RecordByKind[K]
    case 'record.restore':
      return patchMergeable(record as Mergeable, { deleted: false }, m.hlc, m.createdAt) as RecordByKind[K]
    case 'wish.transition':
      // Checked when it was made and again by the server: here only its effect is shown.
      return wishAfter(record as Wish, m.args, '', m.createdAt) as RecordByKind[K]
    case 'review.set': {
      const review = record as RecordByKind['review']
      return { ...review, state: m.args.decision, comment: m.args.comment } as RecordByKind[K]
    }
    default:
      // Creations carry no edit to replay: the server copy of a created record is it.
      return record
  }
}

/** Re-applies all pending mutations of a record, in outbox order. */
export function rebase<K extends RecordKind>(kind: K, record: RecordByKind[K], pending: Mutation[]): RecordByKind[K] {
  return pending.reduce((r, m) => applyPending(kind, r, m), record)
}
