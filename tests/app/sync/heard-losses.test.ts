import { afterEach, describe, expect, it } from 'vitest'
import type { GridSisterDb } from '@/db/db'
import { getMeta, setMeta } from '@/db/meta-repository'
import { createSyncClient } from '@/sync/sync-client'
import { applyPullPage, dropGrids, HEARD_LOSS_DAYS } from '@/sync/pull-repository'
import { makeDb, seedHousehold } from '../../helpers/app/factories'
import { grid, json, pullReply, pushAnswering, scriptedServer } from './sync-test-kit'

/**
 * A phone tells the server, with every push, which grids it heard it lost and the seq it
 * had handed out when it heard, so a change made while the telling pull was on the wire
 * is known to come before (docs/sync.md, guarantee 6).
 */

const LOST = '0190a000-0000-7000-8000-000000000102'
let db: GridSisterDb
afterEach(() => db?.delete())

describe('heard losses', () => {
  it('are noted with the seq handed out when the grid is dropped, and a month-old one is forgotten', async () => {
    db = makeDb()
    await setMeta(db, 'nextSeq', 8)
    await setMeta(db, 'heardLosses', { old: { seq: 1, at: Date.now() - (HEARD_LOSS_DAYS + 1) * 86_400_000 } })
    await db.grids.put(grid(LOST))
    await dropGrids(db, [LOST])
    expect(await getMeta(db, 'heardLosses')).toEqual({ [LOST]: { seq: 7, at: expect.any(Number) } })
  })

  it('are forgotten when the grid comes back', async () => {
    db = makeDb()
    await setMeta(db, 'heardLosses', { [LOST]: { seq: 3, at: Date.now() }, other: { seq: 4, at: Date.now() } })
    await applyPullPage(db, pullReply({ grids: [grid(LOST)], cursors: { [LOST]: 0 } }), Date.now())
    expect(Object.keys((await getMeta(db, 'heardLosses')) ?? {})).toEqual(['other'])
  })

  it('sweep rows written to a lost grid after it was dropped (a save racing the pull)', async () => {
    db = makeDb()
    await db.grids.put(grid(LOST))
    await dropGrids(db, [LOST])
    const late = { ...(await seedHousehold(db)), gridId: LOST }
    await db.households.put(late)
    await applyPullPage(db, pullReply(), Date.now())
    expect(await db.households.get(late.id)).toBeUndefined()
    expect(await db.outbox.count()).toBe(1)
  })

  it('go with every push, none as an empty map', async () => {
    db = makeDb()
    await seedHousehold(db)
    const server = scriptedServer()
    server.on('POST', '/api/sync/push', pushAnswering())
    server.on('POST', '/api/sync/pull', () => json(pullReply()))
    const client = createSyncClient({ db, baseUrl: 'http://sync.test', fetch: server.fetch, getToken: () => 'tok', locks: null })
    await client.syncOnce()
    expect((server.requests.find((r) => r.path === '/api/sync/push')!.body as { heard: unknown }).heard).toEqual({})
  })

  it('go with every push', async () => {
    db = makeDb()
    await seedHousehold(db)
    await setMeta(db, 'heardLosses', { [LOST]: { seq: 3, at: Date.now() } })
    const server = scriptedServer()
    server.on('POST', '/api/sync/push', pushAnswering())
    server.on('POST', '/api/sync/pull', () => json(pullReply()))
    const client = createSyncClient({ db, baseUrl: 'http://sync.test', fetch: server.fetch, getToken: () => 'tok', locks: null })
    await client.syncOnce()
    const push = server.requests.find((r) => r.path === '/api/sync/push')!
    expect((push.body as { heard: unknown }).heard).toEqual({ [LOST]: 3 })
  })
})
