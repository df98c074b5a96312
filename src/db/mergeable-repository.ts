import type { Table } from 'dexie'
import type { z } from 'zod'
import type { ArgsOf } from '@/shared'
import type { GridSisterDb } from './db'
import { checkPutWrite, isAssessedCareWrite, type AssessmentResultLike } from '@/shared/rules'
import { RecordValidationError, commitMutation, throwIfIssues, type WriteContext } from './outbox-repository'

/**
 * Writes of mergeable records (household, person, assessment, community settings) as per-field patches.
 *
 * Guarantees:
 * - Only fields whose value actually changed go into the mutation's `patch`; `base`
 *   holds, for each of them, the HLC the device had seen (null when never written), so
 *   the server can tell a concurrent edit of the same field from an unrelated one.
 * - The stored record's `hlc[field]` becomes the write's HLC for exactly those fields.
 * - The whole record is validated with its shared schema before anything is written;
 *   an invalid record throws `RecordValidationError` and the transaction rolls back.
 * - A save that changes nothing writes nothing (no empty mutation in the outbox).
 */

type MergeableName = 'household.put' | 'person.put' | 'assessment.put' | 'communitySettings.put'

interface MergeableRecord {
  id: string
  gridId: string
  deleted: boolean
  hlc: Record<string, string>
  createdAt: string
  updatedAt: string
}

export interface PutMergeableOptions<R extends MergeableRecord, L extends R> {
  db: GridSisterDb
  name: MergeableName
  table: Table<L, string>
  schema: z.ZodType<R>
  id: string
  gridId: string
  /** The fields to set (a subset of the record's own fields). */
  fields: Partial<Omit<R, keyof MergeableRecord>>
  /** Builds the stored row (adds local derived columns), given the previous row. */
  toLocal: (record: R, previous: L | undefined) => L
  /** Runs inside the same transaction after the record is written (e.g. derived rows). */
  after?: (record: R, ctx: WriteContext) => Promise<void>
  /** Extra tables `after` touches. */
  extraTables?: Table[]
  /**
   * household.put only: the needs assessment whose result this write carries; the
   * mutation names it, and the write keeps the household's `updatedAt` when it is
   * exactly that result (rules/care-level.ts).
   */
  assessment?: AssessmentResultLike
}

/**
 * Opens the database before a write's transaction starts. Dexie opens lazily on the
 * first operation; when that first operation is a write racing a live query that is
 * itself opening the database, the write's transaction can be committed early
 * (PrematureCommitError, reproduced under fake-indexeddb). Opening first avoids it.
 */
export async function whenOpen(db: GridSisterDb): Promise<void> {
  if (!db.isOpen()) await db.open()
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b)

/** Names of the fields in `fields` whose value differs from `previous`. */
export function changedFields(previous: object | undefined, fields: object): string[] {
  const prev = previous as Record<string, unknown> | undefined
  return Object.entries(fields)
    .filter(([k, v]) => v !== undefined && (!prev || !same(prev[k], v)))
    .map(([k]) => k)
}

/** Maps zod issues to the `RecordValidationError` the forms understand. */
export function validationError(error: z.ZodError): RecordValidationError {
  return new RecordValidationError(error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })))
}

/**
 * Creates or patches a mergeable record and queues its `*.put` mutation atomically.
 * @returns the stored record, or the unchanged one when nothing changed
 */
export async function putMergeable<R extends MergeableRecord, L extends R>(o: PutMergeableOptions<R, L>): Promise<R> {
  await whenOpen(o.db)
  return o.db.transaction('rw', [o.table, o.db.outbox, o.db.meta, ...(o.extraTables ?? [])], async () => {
    const previous = await o.table.get(o.id)
    const changed = changedFields(previous, o.fields)
    if (previous && changed.length === 0) return previous
    let saved: R | undefined
    await commitMutation(o.db, o.name, [o.table, ...(o.extraTables ?? [])], async (ctx) => {
      const hlc = { ...(previous?.hlc ?? {}) }
      for (const k of changed) hlc[k] = ctx.hlc
      const candidate = {
        ...(previous ?? {}),
        ...o.fields,
        id: o.id,
        gridId: previous?.gridId ?? o.gridId,
        deleted: previous?.deleted ?? false,
        hlc,
        createdAt: previous?.createdAt ?? ctx.now,
        updatedAt: ctx.now,
      }
      const parsed = o.schema.safeParse(candidate)
      if (!parsed.success) throw validationError(parsed.error)
      const data = parsed.data as unknown as Record<string, unknown>
      const patch = Object.fromEntries(changed.map((k) => [k, data[k]]))
      // The community's settings have no value checks beyond their schema.
      if (o.name !== 'communitySettings.put') throwIfIssues(checkPutWrite(o.name, patch, previous ?? null, ctx.clock))
      const link = o.assessment ? { assessmentId: o.assessment.id } : {}
      if (previous && isAssessedCareWrite({ patch, ...link }, o.id, o.assessment ?? null)) {
        parsed.data.updatedAt = previous.updatedAt
      }
      saved = parsed.data
      await o.table.put(o.toLocal(parsed.data, previous))
      if (o.after) await o.after(parsed.data, ctx)
      const base = Object.fromEntries(changed.map((k) => [k, previous?.hlc[k] ?? null]))
      return { id: o.id, gridId: saved.gridId, patch, base, ...link } as ArgsOf<typeof o.name>
    })
    return saved as R
  })
}

/** Marks a mergeable record deleted (a tombstone) and queues its `*.delete` mutation. */
export async function deleteMergeable<R extends MergeableRecord, L extends R>(
  db: GridSisterDb,
  name: 'household.delete' | 'person.delete' | 'assessment.delete',
  table: Table<L, string>,
  id: string,
  after?: (record: L) => Promise<void>,
  extraTables: Table[] = [],
): Promise<void> {
  await whenOpen(db)
  await commitMutation(db, name, [table, ...extraTables], async (ctx) => {
    const previous = await table.get(id)
    if (!previous) throw new RecordValidationError([{ path: 'id', message: 'record not found' }])
    const next = { ...previous, deleted: true, updatedAt: ctx.now, hlc: { ...previous.hlc, deleted: ctx.hlc } }
    await table.put(next)
    if (after) await after(next)
    return { id, gridId: previous.gridId }
  })
}
