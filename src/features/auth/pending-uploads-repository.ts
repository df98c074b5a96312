import type { GridSisterDb } from '@/db/db'
import type { MutationName } from '@/shared'

/**
 * What on this phone has not reached the server yet, by what the worker would call it,
 * so logging out can name it ("2 条走访记录还没上传") before it is deleted.
 */

export const PENDING_KINDS = ['visit', 'household', 'person', 'wish', 'assessment', 'review', 'other', 'photo'] as const
export type PendingKind = (typeof PENDING_KINDS)[number]
export type PendingUploads = Record<PendingKind, number> & { total: number }

function kindOf(name: MutationName): PendingKind {
  const prefix = name.slice(0, name.indexOf('.'))
  return (PENDING_KINDS as readonly string[]).includes(prefix) ? (prefix as PendingKind) : 'other'
}

/** Counts the outbox by record kind, and the photos not uploaded yet. */
export async function pendingUploads(db: GridSisterDb): Promise<PendingUploads> {
  const counts = Object.fromEntries(PENDING_KINDS.map((k) => [k, 0])) as Record<PendingKind, number>
  const [rows, photos] = await Promise.all([db.outbox.toArray(), db.photos.where('uploaded').equals(0).count()])
  // An audit entry (a supervisor opened a record) is not something she made: not named.
  for (const row of rows) if (row.mutation.name !== 'audit.record') counts[kindOf(row.mutation.name)] += 1
  counts.photo = photos
  return { ...counts, total: PENDING_KINDS.reduce((n, k) => n + counts[k], 0) }
}

/** Changes that never reached the server: still waiting, or refused as made after a disable. */
export async function countUnsent(db: GridSisterDb): Promise<number> {
  const [waiting, refused] = await Promise.all([
    db.outbox.filter((row) => row.mutation.name !== 'audit.record').count(),
    db.rejections.filter((r) => r.code === 'account-disabled').count(),
  ])
  return waiting + refused
}
