import { lazySchema, z } from './zod'
import { HLC_PATTERN } from './hlc'
import {
  ClaimantKind,
  KeyGroup,
  NeedLevel,
  Policy,
  Relation,
  RecordKind,
  ReviewState,
  Role,
  VisitMethod,
  VisitOutcome,
  WishCategory,
  WishState,
} from './vocab'
import { CommunitySettings } from './community-settings'

/**
 * One zod schema per stored record. Both the app (Dexie) and the sync server import
 * these; the TypeScript types are derived from them, never written by hand.
 *
 * Mergeable records (household, person, assessment) carry `hlc`: the HLC of the last
 * write of each field, so the server can merge per field; `deleted` is their tombstone.
 * Visits are append-only events; wishes move through a state machine.
 */

export const Id = z.uuid()
export const HlcString = z.string().regex(HLC_PATTERN, 'invalid HLC timestamp')
export const IsoDate = z.iso.date()
export const IsoDateTime = z.iso.datetime({ offset: true })
const text = (max: number) => z.string().trim().max(max)
export const Phone = z.string().trim().regex(/^[0-9+\- ]{0,20}$/, 'invalid phone number')
/**
 * A phone or ID number as stored on a device: the real value, or the masked one a
 * supervisor receives (field-catalogue.ts). Only records read this; what a device
 * writes (mutations) takes the strict form, so a masked value is never written back.
 */
const MaskedNumber = z.string().regex(/^[0-9Xx]*\*+[0-9Xx]*$/).max(20)
export const StoredPhone = z.union([Phone, MaskedNumber])
export const IdNumber = z.string().trim().regex(/^(\d{17}[\dXx])?$/, 'invalid ID number')
export const StoredIdNumber = z.union([IdNumber, MaskedNumber])

/** Per-field HLCs of a mergeable record. */
export const FieldClock = z.record(z.string().max(40), HlcString)

export const Community = lazySchema(() =>
  z.object({
    id: Id,
    name: text(60).min(1),
    district: text(60),
    street: text(60),
  }),
)
export type Community = z.infer<typeof Community>

export const Grid = lazySchema(() =>
  z.object({
    id: Id,
    communityId: Id,
    name: text(60).min(1),
    code: text(20),
    estates: z.array(text(60)).max(50),
    /**
     * Buildings (楼栋) of each estate, for the household form's pick list and to tell
     * grids that share an estate apart. Optional: grids stored before it have none.
     */
    buildings: z.record(text(60), z.array(text(20)).max(300)).optional(),
    workerId: Id.nullable(),
  }),
)
export type Grid = z.infer<typeof Grid>

export const PublicUser = lazySchema(() =>
  z.object({
    id: Id,
    username: z.string().min(3).max(40),
    displayName: text(40).min(1),
    role: Role,
    communityId: Id.nullable(),
    gridIds: z.array(Id),
    phone: Phone.optional(),
    /** Set by an admin's reset (or an admin-set password): the app shows only the change-password screen until it is changed. */
    mustChangePassword: z.boolean().optional(),
  }),
)
export type PublicUser = z.infer<typeof PublicUser>

export const Address = lazySchema(() =>
  z.object({
    estate: text(60),
    building: text(20),
    unit: text(20),
    door: text(20),
  }),
)
export type Address = z.infer<typeof Address>

export const HouseholdFields = lazySchema(() =>
  z.object({
    headName: text(40).min(1, 'name is required'),
    address: Address,
    phone: Phone,
    keyGroups: z.array(KeyGroup).max(9),
    careLevel: NeedLevel,
    /** Days between visits; null means the default for its key groups. */
    visitCadenceDays: z.number().int().min(1).max(365).nullable(),
    notes: text(2000),
  }),
)
export type HouseholdFields = z.infer<typeof HouseholdFields>

const mergeable = {
  id: Id,
  gridId: Id,
  deleted: z.boolean(),
  hlc: FieldClock,
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
}

export const Household = lazySchema(() => HouseholdFields.extend({ ...mergeable, phone: StoredPhone }))
export type Household = z.infer<typeof Household>

export const PersonFields = lazySchema(() =>
  z.object({
    householdId: Id,
    name: text(40).min(1, 'name is required'),
    sex: z.enum(['F', 'M']),
    birthDate: IsoDate.nullable(),
    relation: Relation,
    phone: Phone,
    /** Stored in full on the server; who receives it masked: field-catalogue.ts. */
    idNumber: IdNumber,
    keyGroups: z.array(KeyGroup).max(9),
    notes: text(1000),
  }),
)
export type PersonFields = z.infer<typeof PersonFields>
export const Person = lazySchema(() => PersonFields.extend({ ...mergeable, phone: StoredPhone, idNumber: StoredIdNumber }))
export type Person = z.infer<typeof Person>

export const PhotoRef = lazySchema(() =>
  z.object({
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    mime: z.enum(['image/jpeg', 'image/png', 'image/webp']),
    size: z.number().int().min(1).max(5_000_000),
  }),
)
export type PhotoRef = z.infer<typeof PhotoRef>

export const Visit = lazySchema(() =>
  z.object({
    id: Id,
    householdId: Id,
    gridId: Id,
    visitedAt: IsoDateTime,
    visitorId: Id,
    visitorName: text(40),
    method: VisitMethod,
    /**
     * Defaults to 'met': apps installed before the outcome existed send none, and every
     * visit they recorded was a contact. Their replays parse to the same record.
     */
    outcome: VisitOutcome.default('met'),
    seen: text(4000),
    asked: text(4000),
    done: text(4000),
    policies: z.array(Policy).max(20),
    nextVisitOn: IsoDate.nullable(),
    photos: z.array(PhotoRef).max(9),
    /** A correction is a new entry pointing to the entry it corrects. */
    correctsId: Id.nullable(),
    createdAt: IsoDateTime,
  }),
)
export type Visit = z.infer<typeof Visit>

export const Claimant = lazySchema(() =>
  z.object({
    name: text(60).min(1),
    kind: ClaimantKind,
    phone: Phone,
  }),
)
export type Claimant = z.infer<typeof Claimant>

export const Fulfilment = lazySchema(() =>
  z.object({
    date: IsoDate,
    whatWasDone: text(2000).min(1),
    feedback: text(2000),
    photo: PhotoRef.nullable(),
  }),
)
export type Fulfilment = z.infer<typeof Fulfilment>

export const WishEvent = lazySchema(() =>
  z.object({
    state: WishState,
    at: IsoDateTime,
    by: text(40),
    note: text(500),
  }),
)

export const Wish = lazySchema(() =>
  z.object({
    id: Id,
    householdId: Id,
    gridId: Id,
    personId: Id.nullable(),
    visitId: Id.nullable(),
    title: text(120).min(1, 'title is required'),
    detail: text(2000),
    category: WishCategory,
    state: WishState,
    claimedBy: Claimant.nullable(),
    claimedAt: IsoDateTime.nullable(),
    fulfilment: Fulfilment.nullable(),
    closedReason: text(500).nullable(),
    history: z.array(WishEvent).max(100),
    createdBy: Id,
    createdAt: IsoDateTime,
    updatedAt: IsoDateTime,
  }),
)
export type Wish = z.infer<typeof Wish>

/**
 * An assessment answers at most this many domains (the templates have up to eight), each
 * with at most MAX_EXTRA_FIELDS template fields (they have up to two): with the text
 * bounds, a whole assessment stays under the record bound (rules/bounds.ts).
 */
export const MAX_ANSWERS = 10
export const MAX_EXTRA_FIELDS = 4

export const AssessmentAnswer = lazySchema(() =>
  z.object({
    level: NeedLevel,
    notes: text(1000),
    /** Template-defined extra fields, e.g. wanted job and expected pay for employment. */
    extra: z.record(z.string().max(40), text(200)).refine((r) => Object.keys(r).length <= MAX_EXTRA_FIELDS, 'too many extra fields'),
  }),
)
export type AssessmentAnswer = z.infer<typeof AssessmentAnswer>

/** A care level before and after a needs assessment. */
export const CareLevelChange = lazySchema(() => z.object({ from: NeedLevel, to: NeedLevel }))
export type CareLevelChange = z.infer<typeof CareLevelChange>

export const AssessmentFields = lazySchema(() =>
  z.object({
    householdId: Id,
    templateId: z.string().min(1).max(40),
    assessedAt: IsoDateTime,
    assessorId: Id,
    answers: z.record(z.string().max(40), AssessmentAnswer).refine((r) => Object.keys(r).length <= MAX_ANSWERS, 'too many answers'),
    careLevel: NeedLevel,
    cadenceDays: z.number().int().min(1).max(365).nullable(),
    score: z.number().nullable(),
    /**
     * What a needs assessment did to the household's care level: the household.put that
     * carries it names this assessment (mutations.ts) and is reviewed with it, as one
     * record (rules/care-level.ts). Absent on assessments written by older apps.
     */
    careLevelChange: CareLevelChange.nullable().optional(),
  }),
)
export type AssessmentFields = z.infer<typeof AssessmentFields>
export const Assessment = lazySchema(() => AssessmentFields.extend(mergeable))
export type Assessment = z.infer<typeof Assessment>

/** The supervisor's review state of one record (one per record, id = record id). */
export const Review = lazySchema(() =>
  z.object({
    id: Id,
    recordKind: RecordKind.exclude(['review', 'communitySettings']),
    recordId: Id,
    gridId: Id,
    state: ReviewState,
    comment: text(1000),
    reviewerId: Id.nullable(),
    reviewerName: text(40),
    reviewedAt: IsoDateTime.nullable(),
    /** The record that resubmits this one after a return (a correcting visit, say). */
    resubmittedBy: Id.nullable(),
  }),
)
export type Review = z.infer<typeof Review>

export const RECORD_SCHEMAS = {
  household: Household,
  person: Person,
  visit: Visit,
  wish: Wish,
  assessment: Assessment,
  review: Review,
  communitySettings: CommunitySettings,
} as const
export interface RecordByKind {
  household: Household
  person: Person
  visit: Visit
  wish: Wish
  assessment: Assessment
  review: Review
  communitySettings: CommunitySettings
}
