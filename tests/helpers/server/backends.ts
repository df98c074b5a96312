import { createPgStore } from '../../../sync-server/storage/pg-store'
import { createSqliteStore } from '../../../sync-server/storage/sqlite-store'
import type { Store } from '../../../sync-server/storage/store'
import { HAVE_POSTGRES, startPgCluster, type PgCluster } from './pg-cluster'

/**
 * The two storage backends every store/route suite runs against. Use with
 * `describe.each(BACKENDS)` and call `setup()`/`teardown()` in beforeAll/afterAll;
 * `open()` gives a migrated, empty store (a new in-memory SQLite, or the file's PG database wiped).
 */
export interface Backend {
  name: 'sqlite' | 'postgres'
  available: boolean
  setup(): Promise<void>
  teardown(): Promise<void>
  open(): Promise<Store>
  /** A URL/file for a server process to open the same database (after open()). */
  lastUrl(): string
}

function sqliteBackend(): Backend {
  return {
    name: 'sqlite', available: true,
    async setup() {}, async teardown() {},
    async open() {
      const store = createSqliteStore(':memory:')
      await store.migrate()
      return store
    },
    lastUrl: () => ':memory:',
  }
}

function postgresBackend(): Backend {
  let cluster: PgCluster | null = null
  let last = ''
  const opened: Store[] = []
  return {
    name: 'postgres', available: HAVE_POSTGRES,
    async setup() {
      if (HAVE_POSTGRES) cluster = await startPgCluster()
    },
    async teardown() {
      for (const s of opened.splice(0)) await s.close().catch(() => undefined)
      cluster?.stop()
    },
    async open() {
      // One database per test file, emptied for each test: CREATE DATABASE per test
      // costs a few hundred milliseconds.
      const reused = opened[0]
      if (reused) {
        await reused.wipe()
        return reused
      }
      if (!cluster) throw new Error('postgres backend not set up')
      last = await cluster.createDatabase()
      const store = createPgStore(last, { max: 5 })
      opened.push(store)
      await store.migrate()
      return store
    },
    lastUrl: () => last,
  }
}

if (!HAVE_POSTGRES) {
  console.warn('\n!!! PostgreSQL binaries (initdb, pg_ctl) not found: every PostgreSQL suite is SKIPPED (see the skipped count below) !!!\n')
}

export const BACKENDS: Backend[] = [sqliteBackend(), postgresBackend()]
