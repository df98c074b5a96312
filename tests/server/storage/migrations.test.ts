import Database from 'better-sqlite3'
import { randomUUID } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { encodeHlc } from '../../../src/shared'
import { migrationSql, SCHEMA_DB_VERSION } from '../../../sync-server/storage/migrations'
import { createSqliteStore, SQLITE_PRAGMAS } from '../../../sync-server/storage/sqlite-store'

/**
 * Upgrading a database that holds data: the server clock's high-water mark and the grid
 * history are learnt from what is stored (issue 15), not started empty.
 */
describe('migrations over existing data (sqlite)', () => {
  let dir = ''
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true })
  })

  it('learns each community\'s newest HLC from its records and who holds each grid now', async () => {
    dir = mkdtempSync(join(tmpdir(), 'gs-migrate-'))
    const file = join(dir, 'old.db')
    const old = new Database(file)
    old.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)')
    for (const v of [0, 1]) {
      old.exec(migrationSql(v, 'sqlite'))
      old.prepare('INSERT INTO schema_migrations VALUES (?, ?)').run(v + 1, new Date().toISOString())
    }
    const [community, grid, worker] = [randomUUID(), randomUUID(), randomUUID()]
    const newest = encodeHlc({ millis: Date.now() + 3_600_000, counter: 2, node: 'fast' })
    const older = encodeHlc({ millis: Date.now(), counter: 0, node: 'slow' })
    old.prepare('INSERT INTO communities (id, data) VALUES (?, ?)').run(community, '{}')
    old.prepare('INSERT INTO grids (id, community_id, worker_id, data) VALUES (?, ?, ?, ?)').run(grid, community, worker, '{}')
    old.prepare('INSERT INTO community_seq (community_id, seq) VALUES (?, 2)').run(community)
    const put = old.prepare('INSERT INTO records (kind, id, grid_id, community_id, data, seq) VALUES (?, ?, ?, ?, ?, ?)')
    put.run('household', randomUUID(), grid, community, JSON.stringify({ hlc: { phone: older, notes: newest } }), 1)
    put.run('visit', randomUUID(), grid, community, JSON.stringify({ seen: 'x' }), 2)
    old.close()

    const store = createSqliteStore(file)
    try {
      expect(await store.migrate()).toBe(SCHEMA_DB_VERSION)
      expect(await store.newestHlc(null)).toBe(newest)
      expect(await store.newestHlc([community])).toBe(newest)
      await store.transaction((tx) => tx.assignGrid(grid, randomUUID(), 1234))
      expect(await store.getHolding(grid, worker, 'any-device')).toEqual({ heldUntil: 1234, toldHlc: null, toldSeq: null })
    } finally {
      await store.close()
    }
  })

  it('acknowledges a push only once it is on disk: WAL with synchronous=FULL', () => {
    // What the store applies to its connection, read back from SQLite itself.
    const db = new Database(':memory:')
    for (const p of SQLITE_PRAGMAS) db.pragma(p)
    expect(db.pragma('synchronous', { simple: true })).toBe(2)
    db.close()
  })
})
