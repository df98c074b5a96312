import { migrationSql, MIGRATIONS } from './migrations'
import type { SqlDriver } from './sql-driver'
import { sqlOps } from './sql-ops'
import type { Store } from './store'

const TABLES = ['login_throttle', 'push_rejections', 'audit', 'conflicts', 'photos', 'records', 'community_seq', 'clients', 'sessions', 'users', 'grids', 'communities']

/** A Store over either SQL driver: the same operations, migrations and transactions. */
export function createSqlStore(driver: SqlDriver): Store {
  return {
    ...sqlOps(driver),
    dialect: driver.dialect,
    async migrate() {
      // Exclusive: two server processes starting together on one PostgreSQL must not
      // both apply the same migration.
      return driver.transaction(
        async (q) => {
          await q.run('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)')
          const rows = await q.all<{ v: number | string | null }>('SELECT MAX(version) AS v FROM schema_migrations')
          let version = Number(rows[0]?.v ?? 0)
          for (; version < MIGRATIONS.length; version++) {
            await driver.exec(migrationSql(version, driver.dialect), q)
            await q.run('INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)', [version + 1, new Date().toISOString()])
          }
          return version
        },
        { exclusive: true },
      )
    },
    transaction(fn) {
      return driver.transaction((q) => fn(sqlOps(q)))
    },
    async analyze() {
      if (driver.dialect === 'postgres') await driver.run('ANALYZE')
    },
    async wipe() {
      await driver.transaction(async (q) => {
        for (const t of TABLES) await q.run(`DELETE FROM ${t}`)
      })
    },
    close() {
      return driver.close()
    },
  }
}
