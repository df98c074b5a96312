import { v7 as uuidv7 } from 'uuid'
import Dexie, { type Table } from 'dexie'
import {
  MutationArgs,
  SCHEMA_VERSION,
  decodeHlc,
  encodeHlc,
  initialHlc,
  nodeIdFrom,
  tick,
  type ArgsOf,
  type Mutation,
  type MutationName,
} from '@/shared'
import { recordTooLarge } from '@/shared/rules/bounds'
import type { FieldIssue, FieldIssueCode, WriteClock } from '@/shared/rules'
import type { GridSisterDb } from './db'
import { getMeta, getMetas, setMeta, setMetas, type MetaValues } from './meta-repository'

/**
 * The one way the app writes a record: the record(s) and exactly one outbox mutation
 * are written in a single Dexie transaction (docs/sync.md, guarantee 3), so a crash or a
 * killed tab leaves either both or neither. Arguments are validated with the shared
 * zod schema before commit; invalid input throws `RecordValidationError` and the
 * transaction is rolled back, so nothing is saved.
 */

/** One refused field; `code` names a shared write check (field-checks.ts) when one refused it. */
export interface ValidationIssue {
  path: string
  message: string
  code?: FieldIssueCode
}

export class RecordValidationError extends Error {
  constructor(readonly issues: ValidationIssue[]) {
    super(issues.map((i) => `${i.path}: ${i.message}`).join('; '))
  }
}

export interface WriteContext {
  /** The HLC of this write (for per-field clocks). */
  hlc: string
  /** Wall-clock time of the write, ISO. */
  now: string
  /** The same time and the phone's time zone, for the shared write checks. */
  clock: WriteClock
}

/** Throws the form-readable error when a shared write check refused a value. */
export function throwIfIssues(issues: FieldIssue[]): void {
  if (issues.length) throw new RecordValidationError(issues.map((i) => ({ path: i.path, message: i.message, code: i.code })))
}

/** Ensures the device has a client id and returns it. */
export async function ensureClientId(db: GridSisterDb): Promise<string> {
  const existing = await getMeta(db, 'clientId')
  if (existing) return existing
  const id = uuidv7()
  await setMeta(db, 'clientId', id)
  return id
}

/**
 * Runs `write` and records its mutation atomically.
 * @param tables the record tables `write` touches
 * @param write writes the records and returns the mutation's arguments
 */
export async function commitMutation<N extends MutationName>(
  db: GridSisterDb,
  name: N,
  tables: Table[],
  write: (ctx: WriteContext) => Promise<ArgsOf<N>>,
  clock: () => number = Date.now,
): Promise<Mutation> {
  return inWriteTransaction(db, [...tables, db.outbox, db.meta], async () => {
    // The device's meta rows are read with one request and written with one: a save is
    // a handful of IndexedDB requests, close to a bare put (BENCHMARKS.md, "save a visit").
    const meta = await getMetas(db, ['clientId', 'hlc', 'nextSeq'] as const)
    const clientId = meta.clientId ?? uuidv7()
    const last = meta.hlc ? decodeHlc(meta.hlc) : initialHlc(nodeIdFrom(clientId))
    const hlc = encodeHlc(tick(last, clock()))
    const at = clock()
    const now = new Date(at).toISOString()
    const args = await write({ hlc, now, clock: { now: at, offsetMinutes: -new Date(at).getTimezoneOffset() } })
    const parsed = MutationArgs[name].safeParse(args)
    if (!parsed.success) {
      throw new RecordValidationError(
        parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
      )
    }
    // The server refuses a record above the bound (rules/bounds.ts): refuse it here first.
    if (recordTooLarge(parsed.data)) throw new RecordValidationError([{ path: 'tooLarge', message: 'record over the size bound' }])
    const seq = meta.nextSeq ?? 1
    const mutation = {
      mutationId: uuidv7(),
      seq,
      name,
      args: parsed.data,
      hlc,
      schemaVersion: SCHEMA_VERSION,
      createdAt: now,
    } as Mutation
    const next: Partial<MetaValues> = { nextSeq: seq + 1, hlc }
    if (!meta.clientId) next.clientId = clientId
    await Promise.all([db.outbox.add({ seq, mutation, attempts: 0 }), setMetas(db, next)])
    return mutation
  })
}

/**
 * Runs `work` in a read-write transaction over `tables`: the caller's own when it is
 * already in one that covers them (a repository that reads first, then commits), else a
 * new one. Dexie would open a nested sub-transaction, which makes nothing more atomic
 * and cost a save about 5 % of its time (BENCHMARKS.md, "save a visit").
 */
function inWriteTransaction<T>(db: GridSisterDb, tables: Table[], work: () => Promise<T>): Promise<T> {
  const tx = Dexie.currentTransaction
  const covered = tx?.db === db && tx.mode === 'readwrite' && tables.every((t) => tx.storeNames.includes(t.name))
  return covered ? work() : db.transaction('rw', tables, work)
}

/** Pending mutations in push order. */
export function pendingMutations(db: GridSisterDb, limit = Infinity): Promise<Mutation[]> {
  const q = db.outbox.orderBy('seq')
  return (Number.isFinite(limit) ? q.limit(limit) : q).toArray().then((rows) => rows.map((r) => r.mutation))
}

/** Number of mutations not yet acknowledged by the server. */
export function pendingCount(db: GridSisterDb): Promise<number> {
  return db.outbox.count()
}
