import { lazySchema, z } from './zod'
import { Id } from './records'
import { RecordKind } from './vocab'

/**
 * An audit entry written by a supervisor's or admin's device: every opening of a
 * household's record and every export (who, when, what). It travels in the outbox like
 * any change, so an entry made offline reaches the server's audit log once she is back
 * online. It writes no record. `gridId` scopes it like every mutation: the grid of the
 * viewed record, or for a community-wide export any grid of that community.
 */
export const AuditRecordArgs = lazySchema(() =>
  z.object({
    /** Id of this audit event (made on the device). */
    id: Id,
    gridId: Id,
    action: z.enum(['view', 'export']),
    recordKind: RecordKind.exclude(['review']).nullable(),
    recordId: Id.nullable(),
    /** What was viewed or exported, e.g. 'monthly-xlsx 2026-03 masked'. */
    detail: z.string().trim().max(500),
  }),
)
export type AuditRecordArgs = z.infer<typeof AuditRecordArgs>

/**
 * `GET /api/audit`: the audit log as the supervisor's 审计日志 page reads it (issue 16).
 * Every filter narrows; `action` is an exact action or a prefix ending in `-` (`record-`).
 * Times are ISO instants; `beforeId` asks for the page after the last entry shown.
 */
export const AuditQuery = lazySchema(() =>
  z.object({
    action: z.string().trim().regex(/^[a-z-]{1,40}$/).optional(),
    userId: Id.optional(),
    since: z.iso.datetime().optional(),
    until: z.iso.datetime().optional(),
    beforeId: z.coerce.number().int().min(1).optional(),
    limit: z.coerce.number().int().min(1).max(500).default(100),
  }),
)
export type AuditQuery = z.infer<typeof AuditQuery>

export const AuditItem = lazySchema(() =>
  z.object({
    id: z.number().int(),
    at: z.iso.datetime(),
    userId: Id.nullable(),
    /** The actor's display name and username, when the account still exists. */
    userName: z.string().nullable(),
    username: z.string().nullable(),
    action: z.string(),
    detail: z.record(z.string(), z.unknown()),
  }),
)
export type AuditItem = z.infer<typeof AuditItem>

export const AuditListReply = lazySchema(() => z.object({ entries: z.array(AuditItem), hasMore: z.boolean() }))
export type AuditListReply = z.infer<typeof AuditListReply>
