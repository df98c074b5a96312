import type { ArgsOf, Mutation, MutationName } from './mutations'
import type { RecordKind } from './vocab'

/** A stored record, by kind and id. */
export interface RecordRef {
  kind: RecordKind
  id: string
}

type TargetOf<N extends MutationName> = (args: ArgsOf<N>) => RecordRef | null

/**
 * The one map from a mutation to the record it writes. The server's push (which record a
 * rule reads and stores, where a conflict is filed) and the device (which pending
 * mutations a pulled record is rebased on) both read it, so they never disagree.
 * A mapped type, so a new mutation name does not compile until it is listed here.
 */
const TARGETS: { [N in MutationName]: TargetOf<N> } = {
  'household.put': (a) => ({ kind: 'household', id: a.id }),
  'household.delete': (a) => ({ kind: 'household', id: a.id }),
  'person.put': (a) => ({ kind: 'person', id: a.id }),
  'person.delete': (a) => ({ kind: 'person', id: a.id }),
  'assessment.put': (a) => ({ kind: 'assessment', id: a.id }),
  'assessment.delete': (a) => ({ kind: 'assessment', id: a.id }),
  'visit.create': (a) => ({ kind: 'visit', id: a.id }),
  'wish.create': (a) => ({ kind: 'wish', id: a.id }),
  'wish.transition': (a) => ({ kind: 'wish', id: a.id }),
  'record.restore': (a) => ({ kind: a.kind, id: a.id }),
  // One review per record: its id is the reviewed record's id.
  'review.set': (a) => ({ kind: 'review', id: a.recordId }),
  'communitySettings.put': (a) => ({ kind: 'communitySettings', id: a.id }),
  // An audit entry (a view, an export) writes no record.
  'audit.record': () => null,
}

/** The record a mutation writes, or null for one that writes none. */
export function mutationTarget(m: Mutation): RecordRef | null {
  return (TARGETS[m.name] as TargetOf<MutationName>)(m.args as ArgsOf<MutationName>)
}
