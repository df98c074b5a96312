import { lazySchema, z } from './zod'
import { Grid, HlcString, Id, PublicUser, RECORD_SCHEMAS } from './records'
import { Mutation } from './mutations'
import { ErrorCode } from './public-api'
import { RecordKind } from './vocab'

/** Request and reply bodies of the sync server's API (docs/sync.md, "Protocol"); error bodies: public-api.ts. */

export const LoginRequest = lazySchema(() =>
  z.object({
    username: z.string().trim().min(1).max(40),
    password: z.string().min(1).max(200),
  }),
)
export const LoginReply = lazySchema(() => z.object({ token: z.string(), user: PublicUser, expiresAt: z.iso.datetime() }))
export type LoginReply = z.infer<typeof LoginReply>

/**
 * The most mutations one push request may carry: as many as a pull page (docs/sync.md, ~1,000
 * changes or 1 MB). A device with a backlog sends 1,000 visits (≈ 0.1 MB gzip, about a
 * second at 750 kbit/s up) per round trip; 500 cost two more round trips per 2,000 on a
 * 150 ms link and a tenth more server time per mutation (BENCHMARKS.md, push).
 */
export const MAX_PUSH_MUTATIONS = 1000
/** How many lost grids a push may report having heard of (a phone keeps a month's). */
export const MAX_HEARD_LOSSES = 200

export const PushRequest = lazySchema(() =>
  z.object({
    clientId: Id,
    schemaVersion: z.number().int().min(1),
    mutations: z.array(Mutation).max(MAX_PUSH_MUTATIONS),
    /** Records this device has not uploaded yet (its outbox), shown to the admin as its watermark. */
    pending: z.number().int().min(0).optional(),
    /**
     * Grids this device heard it lost, each with the highest seq it had handed out when it
     * heard: its changes up to that seq were made before (docs/sync.md, guarantee 6), even
     * those made while the pull that told it was on the wire.
     */
    heard: z
      .record(Id, z.number().int().min(0))
      .refine((r) => Object.keys(r).length <= MAX_HEARD_LOSSES, `at most ${MAX_HEARD_LOSSES} grids`)
      .optional(),
  }),
)
export type PushRequest = z.infer<typeof PushRequest>

export const MutationStatus = z.enum(['applied', 'merged', 'rejected', 'duplicate', 'skipped'])
export type MutationStatus = z.infer<typeof MutationStatus>

export const MutationResult = lazySchema(() =>
  z.object({
    mutationId: Id,
    seq: z.number().int(),
    /** duplicate: seq already processed; skipped: after a gap, resend later. */
    status: MutationStatus,
    // A code this app version does not know yet reads as bad-request: a newer server's
    // reply must never make the whole push unreadable (and the outbox stuck).
    code: ErrorCode.catch('bad-request').optional(),
    message: z.string().optional(),
    conflictIds: z.array(Id).optional(),
  }),
)
export type MutationResult = z.infer<typeof MutationResult>

export const PushReply = lazySchema(() =>
  z.object({
    results: z.array(MutationResult),
    /** The highest seq of this client the server has processed. */
    lastSeq: z.number().int(),
    serverHlc: HlcString,
  }),
)
export type PushReply = z.infer<typeof PushReply>

/** Per-grid cursors: the last change seq of that grid the device has stored. */
export const Cursors = lazySchema(() => z.record(Id, z.number().int().min(0)))
export type Cursors = z.infer<typeof Cursors>

export const PullRequest = lazySchema(() =>
  z.object({
    clientId: Id,
    schemaVersion: z.number().int().min(1),
    cursors: Cursors,
    limit: z.number().int().min(1).max(5000).optional(),
    /**
     * The highest mutation seq the device has handed out so far: a change it makes after
     * this pull (after hearing that it lost a grid) has a higher seq.
     */
    outboxSeq: z.number().int().min(0).optional(),
    /** Records this device has not uploaded yet (its outbox), shown to the admin as its watermark. */
    pending: z.number().int().min(0).optional(),
    /**
     * The seq of the community's settings the device holds (0: none). Only a device that
     * sends it receives them (a `communitySettings` change): an app that predates them
     * would not read the change.
     */
    communityCursor: z.number().int().min(0).optional(),
  }),
)
export type PullRequest = z.infer<typeof PullRequest>

/**
 * One pulled change. Its record's schema is reached through `z.lazy`, so that telling the
 * kinds apart (the union reads every option's fields) builds none of them: a page builds
 * the schemas of the kinds it holds, and the empty pull of an ordinary start none.
 */
const change = <K extends keyof typeof RECORD_SCHEMAS>(kind: K) =>
  z.object({ kind: z.literal(kind), seq: z.number().int(), record: z.lazy(() => RECORD_SCHEMAS[kind]) })

export const Change = lazySchema(() =>
  z.discriminatedUnion('kind', [
    change('household'),
    change('person'),
    change('visit'),
    change('wish'),
    change('assessment'),
    change('review'),
    change('communitySettings'),
  ]),
)
export type Change = z.infer<typeof Change>

export const PullReply = lazySchema(() =>
  z.object({
    changes: z.array(Change),
    cursors: Cursors,
    /** All grids now in scope (metadata for display). */
    grids: z.array(Grid),
    /** Grids in the request's cursors that are no longer in scope: drop their data. */
    gridsLost: z.array(Id),
    hasMore: z.boolean(),
    /**
     * Changes in scope still to pull after this page (0 when `hasMore` is false), so a
     * first sync can say "x / y". Optional: a reply without it still parses.
     */
    remaining: z.number().int().min(0).optional(),
    /** The community settings' cursor after this page (only when the request sent one). */
    communityCursor: z.number().int().min(0).optional(),
    serverHlc: HlcString,
  }),
)
export type PullReply = z.infer<typeof PullReply>

export const Conflict = lazySchema(() =>
  z.object({
    id: Id,
    kind: RecordKind,
    recordId: Id,
    gridId: Id,
    field: z.string(),
    winnerValue: z.unknown(),
    winnerHlc: HlcString,
    loserValue: z.unknown(),
    loserHlc: HlcString,
    loserUserId: Id.nullable(),
    createdAt: z.iso.datetime(),
    resolvedAt: z.iso.datetime().nullable(),
  }),
)
export type Conflict = z.infer<typeof Conflict>
