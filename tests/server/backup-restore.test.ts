import { spawnSync } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PullReply, type PushReply } from '../../src/shared'
import { buildApp } from '../../sync-server/app'
import { createSession, DEFAULT_SESSION_POLICY } from '../../sync-server/auth/sessions'
import { backupDatabase, restoreDatabase } from '../../sync-server/cli/backup'
import type { DatabaseConfig } from '../../sync-server/config'
import { createPgStore } from '../../sync-server/storage/pg-store'
import { createSqliteStore } from '../../sync-server/storage/sqlite-store'
import type { Store } from '../../sync-server/storage/store'
import { BACKENDS } from '../helpers/server/backends'
import { householdPut, TestDevice, visitArgs } from '../helpers/server/factories'
import { seedWorld } from '../helpers/server/world'

const HAVE_PG_DUMP = spawnSync('pg_dump', ['--version']).status === 0 && spawnSync('pg_restore', ['--version']).status === 0

/**
 * The restore drill of the README's deployment kit: a device syncs, the database is
 * backed up while the server runs, the database is lost, the backup is restored, and
 * the device syncs on: it resends the batch whose reply it never got and sends new
 * work; nothing is lost and nothing is applied twice.
 */
describe.each(BACKENDS)('backup and restore on $name', (backend) => {
  const dir = mkdtempSync(join(tmpdir(), 'gridsister-backup-'))
  let db: DatabaseConfig
  beforeAll(backend.setup)
  afterAll(async () => {
    await backend.teardown()
    rmSync(dir, { recursive: true, force: true })
  })

  const open = async (): Promise<Store> => {
    const store = db.kind === 'sqlite' ? createSqliteStore(db.file) : createPgStore(db.url, { max: 3 })
    await store.migrate()
    return store
  }
  const loseDatabase = async () => {
    if (db.kind === 'sqlite') {
      for (const f of ['', '-wal', '-shm']) rmSync(db.file + f, { force: true })
      return
    }
    const client = new pg.Client({ connectionString: db.url })
    await client.connect()
    await client.query('DROP SCHEMA public CASCADE; CREATE SCHEMA public')
    await client.end()
  }

  it('brings a device back with nothing lost or duplicated', async ({ skip }) => {
    if (!backend.available) skip()
    if (backend.name === 'postgres' && !HAVE_PG_DUMP) {
      console.warn('!!! pg_dump/pg_restore not found: the PostgreSQL restore drill is SKIPPED !!!')
      skip()
    }
    if (backend.name === 'sqlite') db = { kind: 'sqlite', file: join(dir, 'gridsister.db') }
    else {
      await (await backend.open()).close()
      db = { kind: 'postgres', url: backend.lastUrl() }
    }
    let store = await open()
    const world = await seedWorld(store)
    const grid = world.grids.a1.id
    const worker = world.users.wa1.id
    const { token } = await createSession(store, worker, Date.now(), DEFAULT_SESSION_POLICY)
    const headers = { authorization: `Bearer ${token}` }
    const d = new TestDevice()
    const [hh1, hh2, hh3] = [householdPut(grid), householdPut(grid), householdPut(grid)]
    const visit1 = visitArgs(grid, hh1.id, worker)
    const batchA = [d.m('household.put', hh1), d.m('visit.create', visit1), d.m('household.put', hh2)]

    let app = await buildApp({ store })
    const first = await app.inject({ method: 'POST', url: '/api/sync/push', headers, payload: d.push(batchA) })
    expect(first.json<PushReply>().lastSeq).toBe(3)
    const file = join(dir, backend.name === 'sqlite' ? 'backup.db' : 'backup.dump')
    await backupDatabase(db, file) // while the server runs
    await app.close()
    await store.close()

    await loseDatabase()
    await restoreDatabase(db, file)
    store = await open()
    app = await buildApp({ store })

    // The reply to batch A was lost: the device sends it again, with new work after it.
    const visit2 = visitArgs(grid, hh3.id, worker)
    const batchB = [d.m('household.put', hh3), d.m('visit.create', visit2)]
    const again = (await app.inject({ method: 'POST', url: '/api/sync/push', headers, payload: d.push([...batchA, ...batchB]) })).json<PushReply>()
    expect(again.results.map((r) => r.status)).toEqual(['duplicate', 'duplicate', 'duplicate', 'applied', 'applied'])
    expect(again.lastSeq).toBe(5)

    const fresh = new TestDevice()
    const pulled = PullReply.parse((await app.inject({ method: 'POST', url: '/api/sync/pull', headers, payload: fresh.pull() })).json())
    const ids = pulled.changes.map((c) => `${c.kind}:${c.record.id}`)
    expect(new Set(ids).size).toBe(ids.length)
    expect(ids.sort()).toEqual(
      [`household:${hh1.id}`, `household:${hh2.id}`, `household:${hh3.id}`, `visit:${visit1.id}`, `visit:${visit2.id}`].sort(),
    )
    expect(await store.countRecords()).toBe(5)
    await app.close()
    await store.close()
  })

  it('refuses a missing or damaged backup file and writes no database', async ({ skip }) => {
    if (!backend.available || backend.name !== 'sqlite') skip()
    const target: DatabaseConfig = { kind: 'sqlite', file: join(dir, `other-${randomUUID()}.db`) }
    await expect(restoreDatabase(target, join(dir, 'missing.db'))).rejects.toThrow(/no backup/)
    const garbage = join(dir, 'garbage.db')
    writeFileSync(garbage, 'not a database at all '.repeat(100))
    await expect(restoreDatabase(target, garbage)).rejects.toThrow()
    expect(existsSync(target.file)).toBe(false)
  })
})
