import Database from 'better-sqlite3'
import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import type { Queryer, SqlDriver, SqlValue } from './sql-driver'
import { createSqlStore } from './sql-store'
import type { Store } from './store'

/**
 * The connection settings (also used by the push benchmark's raw insert, so both sides
 * of its ratio run on the same kind of database).
 * - 64 MB of page cache instead of 2 MB: a push batch reads and writes index pages all
 *   over the records table (random UUID keys); from SQLite's own cache they cost no read
 *   syscall (-25% on the reads of a 500-visit batch, bench push).
 * - synchronous = FULL: every commit is fsynced before it returns, so a push the server
 *   acknowledged survives a power cut or an OS crash, not only a killed process (with
 *   NORMAL, WAL commits since the last checkpoint may be lost). Its cost on a push is in
 *   BENCHMARKS.md (issue 15).
 * - Checkpoint the WAL into the database every 4,000 pages (16 MB) instead of 1,000: each
 *   checkpoint costs two fsyncs and rewrites the hot index pages every commit touched;
 *   at 1,000 a 10k-visit push spent ~10% of its time checkpointing (bench push).
 */
export const SQLITE_PRAGMAS = [
  'journal_mode = WAL',
  'synchronous = FULL',
  'busy_timeout = 5000',
  'foreign_keys = ON',
  'cache_size = -65536',
  'wal_autocheckpoint = 4000',
] as const

/**
 * SQLite through better-sqlite3 (WAL). One connection per process; every operation goes
 * through one async queue so a transaction never interleaves with another request's
 * statements on the shared connection.
 */
export function createSqliteStore(file: string): Store {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true })
  const db = new Database(file)
  for (const p of SQLITE_PRAGMAS) db.pragma(p)
  let queue: Promise<unknown> = Promise.resolve()
  const serial = <T>(fn: () => Promise<T>): Promise<T> => {
    const next = queue.then(fn, fn)
    queue = next.catch(() => undefined)
    return next
  }
  const statements = new Map<string, Database.Statement>()
  const prepare = (sql: string) => {
    let st = statements.get(sql)
    if (!st) {
      st = db.prepare(sql)
      statements.set(sql, st)
    }
    return st
  }
  // SQLite has no booleans. Copied only when one is there: a batch INSERT binds 1,536 values.
  const bind = (params: SqlValue[] = []) => (params.some((p) => typeof p === 'boolean') ? params.map((p) => (typeof p === 'boolean' ? (p ? 1 : 0) : p)) : params)
  const direct: Queryer = {
    async all<T>(sql: string, params?: SqlValue[]) {
      return prepare(sql).all(...bind(params)) as T[]
    },
    async run(sql: string, params?: SqlValue[]) {
      prepare(sql).run(...bind(params))
    },
  }
  const driver: SqlDriver = {
    dialect: 'sqlite',
    all: (sql, params) => serial(() => direct.all(sql, params)),
    run: (sql, params) => serial(() => direct.run(sql, params)),
    async exec(sql) {
      db.exec(sql)
    },
    transaction(fn) {
      return serial(async () => {
        db.exec('BEGIN IMMEDIATE')
        try {
          const result = await fn(direct)
          db.exec('COMMIT')
          return result
        } catch (err) {
          if (db.inTransaction) db.exec('ROLLBACK')
          throw err
        }
      })
    },
    async close() {
      await serial(async () => db.close())
    },
  }
  return createSqlStore(driver)
}
