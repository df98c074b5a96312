import { v7 as uuidv7 } from 'uuid'
import type { AuditRecordArgs } from '@/shared'
import type { GridSisterDb } from '@/db/db'
import { commitMutation } from '@/db/outbox-repository'

/**
 * Audit entries go through the outbox (an `audit.record` mutation with no record
 * write), so a view or an export made offline is still logged on the server once the
 * device syncs, and is never lost with a failed request.
 */

export interface AuditInput {
  action: AuditRecordArgs['action']
  recordKind: AuditRecordArgs['recordKind']
  recordId: string | null
  /** The grid that scopes the entry; null (no grid on the device) writes nothing. */
  gridId: string | null
  detail: string
}

/** Queues one audit entry; returns false when there is no grid to scope it. */
export async function recordAudit(db: GridSisterDb, input: AuditInput): Promise<boolean> {
  const { gridId } = input
  if (!gridId) return false
  await commitMutation(db, 'audit.record', [], async () => ({
    id: uuidv7(),
    gridId,
    action: input.action,
    recordKind: input.recordKind,
    recordId: input.recordId,
    detail: input.detail.slice(0, 500),
  }))
  return true
}
