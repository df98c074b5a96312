import { lazySchema, z } from './zod'
import {
  AssessmentFields,
  Claimant,
  Fulfilment,
  HlcString,
  HouseholdFields,
  Id,
  IsoDateTime,
  PersonFields,
  Visit,
  Wish,
} from './records'
import { RecordKind, WishState } from './vocab'
import { AuditRecordArgs } from './audit'
import { CommunitySettingsFields } from './community-settings'

/**
 * The outbox mutation: every local write produces exactly one, in the same Dexie
 * transaction as the record itself (docs/sync.md, guarantee 3). The server applies them in
 * `seq` order per client and remembers the last `seq` it processed, so a replay is a no-op.
 */

/** Bumped when a reply gains something an installed app could not read (see compat.ts). */
export const SCHEMA_VERSION = 2
/** The server accepts this version and the one before it (docs/sync.md, guarantee 8). */
export const MIN_SCHEMA_VERSION = 1

/** Fields changed by a patch, with the HLC the device had seen for each (null: never). */
const Base = z.record(z.string().max(40), HlcString.nullable())

const put = <T extends z.ZodObject>(fields: T) =>
  z.object({ id: Id, gridId: Id, patch: fields.partial(), base: Base })

const del = z.object({ id: Id, gridId: Id })

export const MutationArgs = {
  'household.put': lazySchema(() =>
    put(HouseholdFields).extend({
      /**
       * The needs assessment whose result this write carries (care level and cadence):
       * the write is then part of that assessment's change (rules/care-level.ts).
       * Absent from older apps and from every other household edit.
       */
      assessmentId: Id.optional(),
    }),
  ),
  'household.delete': del,
  'person.put': lazySchema(() => put(PersonFields)),
  'person.delete': del,
  'assessment.put': lazySchema(() => put(AssessmentFields)),
  'assessment.delete': del,
  'visit.create': Visit,
  'wish.create': lazySchema(() => Wish.extend({ state: z.literal('registered') })),
  'wish.transition': lazySchema(() =>
    z.object({
      id: Id,
      gridId: Id,
      /** The state the device saw; the server rejects the command if it moved on. */
      expected: WishState,
      to: WishState,
      claimedBy: Claimant.nullable(),
      fulfilment: Fulfilment.nullable(),
      closedReason: z.string().trim().max(500).nullable(),
      note: z.string().trim().max(500),
    }),
  ),
  /** Supervisor only: undoes a tombstone (docs/sync.md, "Rules per record kind"). */
  'record.restore': lazySchema(() => z.object({ kind: z.enum(['household', 'person', 'assessment']), id: Id, gridId: Id })),
  'review.set': lazySchema(() =>
    z.object({
      recordKind: RecordKind.exclude(['review', 'communitySettings']),
      recordId: Id,
      gridId: Id,
      decision: z.enum(['approved', 'returned']),
      comment: z.string().trim().max(1000),
    }),
  ),
  /** Supervisor (or admin) of the community only; id and gridId are the community's id. */
  'communitySettings.put': lazySchema(() => put(CommunitySettingsFields)),
  /** Supervisor/admin only: an audit entry (a view or an export); writes no record. */
  'audit.record': AuditRecordArgs,
} as const
export type MutationName = keyof typeof MutationArgs
export const MUTATION_NAMES = Object.keys(MutationArgs) as MutationName[]

const envelope = {
  mutationId: Id,
  seq: z.number().int().min(1),
  hlc: HlcString,
  schemaVersion: z.number().int().min(1),
  createdAt: IsoDateTime,
}

const variant = <N extends MutationName>(name: N) =>
  z.object({ ...envelope, name: z.literal(name), args: MutationArgs[name] })

export const Mutation = lazySchema(() =>
  z.discriminatedUnion('name', [
    variant('household.put'),
    variant('household.delete'),
    variant('person.put'),
    variant('person.delete'),
    variant('assessment.put'),
    variant('assessment.delete'),
    variant('visit.create'),
    variant('wish.create'),
    variant('wish.transition'),
    variant('review.set'),
    variant('record.restore'),
    variant('audit.record'),
    variant('communitySettings.put'),
  ]),
)
export type Mutation = z.infer<typeof Mutation>
export type MutationOf<N extends MutationName> = Extract<Mutation, { name: N }>
export type ArgsOf<N extends MutationName> = z.infer<(typeof MutationArgs)[N]>
