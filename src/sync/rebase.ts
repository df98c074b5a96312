import { mutationTarget, type Mutation, type RecordByKind, type RecordKind, type RecordRef, type Wish } from '@/shared'
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

export const refKey = (r: RecordRef): string => `${r.kind}:${r.id}`

type Mergeable = RecordByKind['household'] | RecordByKind['person'] | RecordByKind['assessment'] | RecordByKind['communitySettings']

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
  const target = mutationTarget(m)
  if (!target || target.kind !== kind || target.id !== record.id) return record
  switch (m.name) {
    case 'household.put': {
      // An assessment's care-level write keeps the household's time: the device only
      // names the assessment when the shared rule held (rules/care-level.ts).
      const at = m.args.assessmentId ? (record as Mergeable).updatedAt : m.createdAt
      return patchMergeable(record as Mergeable, m.args.patch, m.hlc, at) as RecordByKind[K]
    }
    case 'person.put':
    case 'assessment.put':
    case 'communitySettings.put':
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
