import type { Store } from '../storage/store'

/**
 * How long audit entries are kept. The Cybersecurity Law (art. 21) asks for network logs
 * to be kept no less than six months, so the retention can be set longer but never
 * shorter: `auditCutoff` refuses a period under MIN_AUDIT_RETENTION_DAYS, and an entry
 * younger than the period is never deleted (the cutoff is computed from the same clock
 * as the entries' times; 184 days covers any six calendar months).
 */
export const MIN_AUDIT_RETENTION_DAYS = 184
export const DEFAULT_AUDIT_RETENTION_DAYS = 366
const DAY_MS = 24 * 3600 * 1000

/** The instant before which entries may go; throws when the period is under six months. */
export function auditCutoff(now: number, retentionDays: number): number {
  if (!Number.isFinite(retentionDays) || retentionDays < MIN_AUDIT_RETENTION_DAYS) {
    throw new Error(`audit retention must be at least ${MIN_AUDIT_RETENTION_DAYS} days (six months), got ${retentionDays}`)
  }
  return now - retentionDays * DAY_MS
}

/** Deletes the entries older than the retention period; returns how many went. */
export async function pruneAudit(store: Store, now: number, retentionDays = DEFAULT_AUDIT_RETENTION_DAYS): Promise<number> {
  return store.pruneAudit(auditCutoff(now, retentionDays))
}
