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
