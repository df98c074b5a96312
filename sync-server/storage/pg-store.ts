import pg from 'pg'
import type { Queryer, SqlDriver, SqlValue } from './sql-driver'
import { createSqlStore } from './sql-store'
import type { Store } from './store'

/**
 * PostgreSQL through pg. Several stateless server processes may share one database:
 * transactions that deadlock or fail to serialize are retried whole (they rolled back,
 * so a retry cannot apply anything twice), and migrations take an advisory lock.
 */
const RETRYABLE = new Set(['40001', '40P01'])
const MIGRATION_LOCK = 4_247_001

/**
 * Turns `?` placeholders into `$1, $2, …`, once per statement text (a batch INSERT has
 * 1,536 of them; the texts are few, see sql-batch-ops.ts, and held for the process).
 */
const numberedTexts = new Map<string, string>()
function numbered(sql: string): string {
  let out = numberedTexts.get(sql)
  if (out === undefined) {
    let i = 0
    out = sql.replace(/\?/g, () => `$${++i}`)
    if (numberedTexts.size < 2000) numberedTexts.set(sql, out)
  }
  return out
}

function queryer(client: pg.Pool | pg.PoolClient): Queryer {
  return {
    async all<T>(sql: string, params?: SqlValue[]) {
      const res = await client.query(numbered(sql), params && params.length ? params : undefined)
      return res.rows as T[]
    },
    async run(sql: string, params?: SqlValue[]) {
      await client.query(numbered(sql), params && params.length ? params : undefined)
    },
  }
}

export function createPgStore(url: string, opts: { max?: number } = {}): Store {
  const pool = new pg.Pool({ connectionString: url, max: opts.max ?? 10 })
  // An idle client's network error must not crash the process; the next query reconnects.
  pool.on('error', (err) => console.error('[gridsister] idle PostgreSQL client error:', err.message))
  const base = queryer(pool)
  const driver: SqlDriver = {
    dialect: 'postgres',
    ...base,
    async exec(sql, q) {
      await (q ?? base).run(sql)
    },
    async transaction(fn, txOpts) {
      for (let attempt = 0; ; attempt++) {
        const client = await pool.connect()
        try {
          await client.query('BEGIN')
          if (txOpts?.exclusive) await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK])
          const result = await fn(queryer(client))
          await client.query('COMMIT')
          return result
        } catch (err) {
          await client.query('ROLLBACK').catch(() => undefined)
          const code = (err as { code?: string }).code
          if (!code || !RETRYABLE.has(code) || attempt >= 5) throw err
        } finally {
          client.release()
        }
      }
    },
    async close() {
      await pool.end()
    },
  }
  return createSqlStore(driver)
}
