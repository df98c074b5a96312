import type { Role } from '../vocab'
import { reject, type RuleOutcome } from './outcome'

/**
 * Tombstones of mergeable records (households, persons, assessments).
 *
 * Guarantees: a delete wins over every concurrent edit (an edit arriving for a deleted
 * record is rejected with `conflict`, so the worker sees it rather than losing it
 * silently); deleting twice is a no-op; only a supervisor or admin restores.
 */
export interface Tombstoned {
  deleted: boolean
  hlc: Record<string, string>
  updatedAt: string
}

/** Marks a record deleted. */
export function applyDelete<T extends Tombstoned>(stored: T | null, hlc: string, at: string): RuleOutcome<T> {
  if (!stored) return reject('not-found', 'record does not exist')
  if (stored.deleted) return { ok: true, status: 'duplicate', record: stored, conflicts: [] }
  return { ok: true, status: 'applied', record: { ...stored, deleted: true, hlc: { ...stored.hlc, deleted: hlc }, updatedAt: at }, conflicts: [] }
}

/** Restores a deleted record; refused for workers. */
export function applyRestore<T extends Tombstoned>(stored: T | null, role: Role, hlc: string, at: string): RuleOutcome<T> {
  if (!stored) return reject('not-found', 'record does not exist')
  if (role === 'worker') return reject('forbidden', 'only a supervisor restores a deleted record')
  if (!stored.deleted) return { ok: true, status: 'duplicate', record: stored, conflicts: [] }
  return { ok: true, status: 'applied', record: { ...stored, deleted: false, hlc: { ...stored.hlc, deleted: hlc }, updatedAt: at }, conflicts: [] }
}

/** Refuses an edit of a deleted record (delete wins). */
export function refuseEditOfDeleted<T>(): RuleOutcome<T> {
  return reject('conflict', 'the record was deleted; a supervisor must restore it before it can be edited')
}
