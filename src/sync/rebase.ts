import type { Mutation, RecordByKind, RecordKind, Wish } from '@/shared'

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

function transitionWish(wish: Wish, m: Extract<Mutation, { name: 'wish.transition' }>): Wish {
  const a = m.args
  return {
    ...wish,
    state: a.to,
    claimedBy: a.to === 'registered' ? null : (a.claimedBy ?? wish.claimedBy),
    claimedAt: a.to === 'claimed' ? m.createdAt : a.to === 'registered' ? null : wish.claimedAt,
    fulfilment: a.to === 'fulfilled' ? a.fulfilment : wish.fulfilment,
    closedReason: a.to === 'closed' ? a.closedReason : wish.closedReason,
    history: [...wish.history, { state: a.to, at: m.createdAt, by: '', note: a.note }].slice(-100),
    updatedAt: m.createdAt,
  }
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
      return transitionWish(record as Wish, m) as RecordByKind[K]
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
