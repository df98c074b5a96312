import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { MIGRATIONS } from '../../../sync-server/storage/migrations'
import { createSqliteStore } from '../../../sync-server/storage/sqlite-store'
import type { Store } from '../../../sync-server/storage/store'
import { BACKENDS } from '../../helpers/server/backends'
import { householdPut, visitArgs, wishArgs } from '../../helpers/server/factories'
import { seedWorld } from '../../helpers/server/world'

/**
 * The migration that brings per-(photo, grid) grants fills them from a database that
 * already holds photos and records naming them: a server upgraded in the field must not
 * hide a photo from a grid that could read it before, and must open it to a second grid
 * whose visit names it. Each database is rewound to before that migration by hand.
 */

const VERSION = MIGRATIONS.findIndex((m) => typeof m !== 'string' && m.sqlite.includes('CREATE TABLE photo_grids')) + 1
// Rewinding replays every later migration too: undo those that cannot run twice.
const REWIND = [
  `DROP TABLE photo_grids`,
  `ALTER TABLE community_seq DROP COLUMN hlc`,
  `DROP TABLE grid_assignments`,
  `DROP TABLE grid_loss_notices`,
  `DELETE FROM schema_migrations WHERE version >= ${VERSION}`,
]
const sha = (c: string) => c.repeat(64)

/** Photos and records as an older server stored them, then the grants table dropped. */
async function fillOldData(store: Store) {
  const world = await seedWorld(store)
  const { a1, a2 } = world.grids
  await store.putPhoto({ sha256: sha('a'), mime: 'image/jpeg', size: 3, gridId: a1.id, communityId: a1.communityId, bytes: Buffer.from('abc') })
  const hh = householdPut(a2.id)
  const photo = { sha256: sha('a'), mime: 'image/jpeg' as const, size: 3 }
  const visit = visitArgs(a2.id, hh.id, world.users.wa2.id, { photos: [photo, { ...photo, sha256: sha('b') }] })
  const wish = { ...wishArgs(a1.id, hh.id, world.users.wa1.id), state: 'fulfilled', fulfilment: { date: '2026-12-01', whatWasDone: '理发', feedback: '', photo: { ...photo, sha256: sha('c') } } }
  await store.bulkInsertRecords([
    { kind: 'visit', id: visit.id, gridId: a2.id, communityId: a2.communityId, data: visit },
    { kind: 'wish', id: wish.id, gridId: a1.id, communityId: a1.communityId, data: wish },
  ])
  return world
}

async function expectGrants(store: Store, world: Awaited<ReturnType<typeof fillOldData>>) {
  const { a1, a2 } = world.grids
  expect(await store.photoGrids(sha('a'))).toEqual([a1.id, a2.id].sort())
  expect(await store.photoGrids(sha('b'))).toEqual([a2.id])
  expect(await store.photoGrids(sha('c'))).toEqual([a1.id])
}

describe('the photo grants migration', () => {
  it('fills the grants from stored photos, visits and wishes on sqlite', async () => {
    expect(VERSION).toBeGreaterThan(0)
    const dir = mkdtempSync(join(tmpdir(), 'gs-grants-'))
    const file = join(dir, 'old.db')
    try {
      let store = createSqliteStore(file)
      await store.migrate()
      const world = await fillOldData(store)
      await store.close()
      const raw = new Database(file)
      for (const sql of REWIND) raw.exec(sql)
      raw.close()
      store = createSqliteStore(file)
      expect(await store.migrate()).toBe(MIGRATIONS.length)
      await expectGrants(store, world)
      await store.close()
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  const postgres = BACKENDS.find((b) => b.name === 'postgres')!
  describe.skipIf(!postgres.available)('on postgres', () => {
    beforeAll(postgres.setup)
    afterAll(postgres.teardown)
    it('fills the grants from stored photos, visits and wishes on postgres', async () => {
      const store = await postgres.open()
      const world = await fillOldData(store)
      const client = new pg.Client({ connectionString: postgres.lastUrl() })
      await client.connect()
      for (const sql of REWIND) await client.query(sql)
      await client.end()
      expect(await store.migrate()).toBe(MIGRATIONS.length)
      await expectGrants(store, world)
    })
  })
})
