import { describe, expect, it } from 'vitest'
import { v7 as uuidv7 } from 'uuid'
import { createSyncClient, type SyncProgress } from '@/sync/sync-client'
import { getMeta } from '@/db/meta-repository'
import { saveHousehold } from '@/features/households/households-repository'
import { storePhotos } from '@/db/photos-repository'
import type { Mutation, PullRequest } from '@/shared'
import { GRID_ID, makeDb, photoBlob, seedHousehold } from '../../helpers/app/factories'
import {
  change, error, grid, json, pullReply, pushAnswering, scriptedServer, serverHousehold, serverVisit, serverWish,
} from './sync-test-kit'

function setup() {
  const db = makeDb()
  const server = scriptedServer()
  const progress: SyncProgress[] = []
  const client = createSyncClient({
    db, baseUrl: 'http://sync.test', fetch: server.fetch, getToken: () => 'tok', locks: null, onProgress: (p) => progress.push(p),
  })
  return { db, server, client, progress }
}

const pulls = (s: ReturnType<typeof scriptedServer>) => s.requests.filter((r) => r.path === '/api/sync/pull')

describe('pull', () => {
  it('pages while hasMore, sending the stored cursors, and reports progress', async () => {
    const { db, server, client, progress } = setup()
    const h1 = serverHousehold()
    const h2 = serverHousehold({ headName: '刘芳' })
    const pages = [
      pullReply({ changes: [change('household', h1)], cursors: { [GRID_ID]: 10 }, hasMore: true }),
      pullReply({ changes: [change('household', h2)], cursors: { [GRID_ID]: 20 } }),
    ]
    server.on('POST', '/api/sync/pull', () => json(pages.shift() ?? pullReply({ cursors: { [GRID_ID]: 20 } })))
    const outcome = await client.syncOnce()
    expect(outcome).toMatchObject({ state: 'idle', pulled: 2 })
    const sent = pulls(server).map((r) => (r.body as PullRequest).cursors)
    expect(sent).toEqual([{}, { [GRID_ID]: 10 }])
    expect(await getMeta(db, 'cursors')).toEqual({ [GRID_ID]: 20 })
    expect(await db.households.count()).toBe(2)
    expect(await db.grids.count()).toBe(1)
    expect(progress.filter((p) => p.phase === 'pull').map((p) => p.done)).toEqual([1, 2])
  })

  it('reports how many records wait in the outbox on every push and pull (the admin sees it as the watermark)', async () => {
    const { db, server, client } = setup()
    const h = await seedHousehold(db)
    await saveHousehold(db, { id: h.id, gridId: GRID_ID, fields: { notes: '还没上传' } })
    server.on('POST', '/api/sync/push', pushAnswering(() => 'skipped'))
    server.on('POST', '/api/sync/pull', () => json(pullReply()))
    await client.syncOnce()
    const push = server.requests.find((r) => r.path === '/api/sync/push')
    expect((push?.body as { pending?: number }).pending).toBe(await db.outbox.count())
    expect(pulls(server).map((r) => (r.body as PullRequest).pending)).toEqual([await db.outbox.count()])
    expect(await db.outbox.count()).toBeGreaterThan(0)
  })

  it('computes derived columns: search text, last visit and open wishes', async () => {
    const { db, server, client } = setup()
    const h = serverHousehold({ headName: '张桂兰' })
    const changes = [
      change('household', h),
      change('visit', serverVisit(h.id, { visitedAt: '2025-02-01T08:00:00.000Z' })),
      change('visit', serverVisit(h.id, { visitedAt: '2025-03-05T08:00:00.000Z' })),
      change('wish', serverWish(h.id)),
      change('wish', serverWish(h.id, { state: 'closed', closedReason: '已搬走' })),
    ]
    server.on('POST', '/api/sync/pull', () => json(pullReply({ changes })))
    await client.syncOnce()
    const row = await db.households.get(h.id)
    expect(row).toMatchObject({ lastVisitAt: '2025-03-05T08:00:00.000Z', openWishes: 1 })
    expect(row!.searchText).toContain('zgl')
  })

  it('re-applies a local unsent edit on top of a newer server copy (rebase)', async () => {
    const { db, server, client } = setup()
    const local = await seedHousehold(db, { phone: '13800001111' })
    await saveHousehold(db, { id: local.id, gridId: GRID_ID, fields: { notes: '本地备注' } })
    // The server skips the pushes, so the edits are still pending when the pull arrives.
    server.on('POST', '/api/sync/push', pushAnswering(() => 'skipped'))
    const serverCopy = serverHousehold({ id: local.id, headName: '王秀英', notes: 'server', phone: '13700000000' })
    server.on('POST', '/api/sync/pull', () => json(pullReply({ changes: [change('household', serverCopy)] })))
    await client.syncOnce()
    const row = await db.households.get(local.id)
    expect(row).toMatchObject({ notes: '本地备注', phone: '13800001111', headName: '王秀英' })
    expect(await db.outbox.count()).toBe(2)
  })

  it('pushes pending changes of a lost grid first, then drops its rows, keeping a photo the server does not have yet', async () => {
    const { db, server, client } = setup()
    const h = await seedHousehold(db)
    await storePhotos(db, [{ ref: { sha256: 'a'.repeat(64), mime: 'image/jpeg', size: 10 }, blob: photoBlob() }], GRID_ID)
    const order: string[] = []
    let pushedMutations: Mutation[] = []
    server.on('POST', '/api/sync/push', (req) => {
      order.push('push')
      pushedMutations = (req.body as { mutations: Mutation[] }).mutations
      return pushAnswering()(req)
    })
    let first = true
    server.on('POST', '/api/sync/pull', () => {
      order.push('pull')
      if (first) {
        first = false
        return json(pullReply({ cursors: { [GRID_ID]: 5 } }))
      }
      return json(pullReply({ cursors: {}, grids: [], gridsLost: [GRID_ID] }))
    })
    await client.syncOnce()
    expect(await db.households.count()).toBe(1)
    await saveHousehold(db, { id: h.id, gridId: GRID_ID, fields: { notes: '最后一次修改' } })
    // Simulate a reassignment between this edit and the next pull's reply.
    server.on('POST', '/api/sync/push', pushAnswering(() => 'skipped'))
    const sync2 = client.syncOnce()
    await sync2
    expect(await db.households.count()).toBe(1) // skipped: the grid stays until its edit is answered
    server.on('POST', '/api/sync/push', (req) => {
      order.push('push')
      pushedMutations = (req.body as { mutations: Mutation[] }).mutations
      return pushAnswering()(req)
    })
    order.length = 0
    await client.syncOnce()
    expect(order[0]).toBe('push')
    expect(pushedMutations.map((m) => m.name)).toEqual(['household.put'])
    expect(await db.households.count()).toBe(0)
    // Never uploaded (this server refuses photos): kept, to go up later (lost-grid-photos.test.ts).
    expect((await db.photos.toArray()).map((p) => p.uploaded)).toEqual([0])
    expect(await getMeta(db, 'cursors')).toEqual({})
  })

  it('replaces the grid list with the grids now in scope', async () => {
    const { db, server, client } = setup()
    const other = uuidv7()
    server.on('POST', '/api/sync/pull', () => json(pullReply({ grids: [grid(), grid(other)], cursors: { [GRID_ID]: 0, [other]: 0 } })))
    await client.syncOnce()
    expect((await db.grids.toArray()).map((g) => g.id).sort()).toEqual([GRID_ID, other].sort())
  })

  it('settles the derived columns of what it stored when the pull is cut off between pages', async () => {
    const { db, server, client } = setup()
    const h = serverHousehold()
    const first = pullReply({
      changes: [change('household', h), change('visit', serverVisit(h.id, { visitedAt: '2025-03-05T08:00:00.000Z' })), change('wish', serverWish(h.id))],
      cursors: { [GRID_ID]: 3 },
      hasMore: true,
    })
    let calls = 0
    server.on('POST', '/api/sync/pull', () => (calls++ === 0 ? json(first) : error(503, 'unavailable')))
    expect((await client.syncOnce()).state).not.toBe('idle')
    expect(await getMeta(db, 'cursors')).toEqual({ [GRID_ID]: 3 })
    expect(await db.households.get(h.id)).toMatchObject({ lastVisitAt: '2025-03-05T08:00:00.000Z', openWishes: 1 })
    expect(await getMeta(db, 'householdsToSettle')).toBeUndefined()
  })

  it('stores nothing of a reply that fails validation and reports an error', async () => {
    const { db, server, client } = setup()
    const bad = { ...pullReply(), changes: [{ kind: 'household', seq: 1, record: { id: 'nope' } }] }
    server.on('POST', '/api/sync/pull', () => json(bad))
    expect((await client.syncOnce()).state).toBe('error')
    expect(await db.households.count()).toBe(0)
    expect(await getMeta(db, 'cursors')).toBeUndefined()
  })
})

describe('shadows', () => {
  it('puts a rebased record back to the server copy when its edit loses the merge', async () => {
    const { db, server, client } = setup()
    const local = await seedHousehold(db)
    server.on('POST', '/api/sync/push', pushAnswering())
    server.on('POST', '/api/sync/pull', () => json(pullReply()))
    await client.syncOnce()
    await saveHousehold(db, { id: local.id, gridId: GRID_ID, fields: { notes: '我的备注' } })
    // Run 1: the push is skipped, the pull brings another device's winning edit.
    server.on('POST', '/api/sync/push', pushAnswering(() => 'skipped'))
    const winner = serverHousehold({ ...local, notes: '主席的备注' })
    server.on('POST', '/api/sync/pull', () => json(pullReply({ changes: [change('household', winner)] })))
    await client.syncOnce()
    expect((await db.households.get(local.id))!.notes).toBe('我的备注')
    // Run 2: the edit is answered `merged` (it lost); nothing new to pull.
    server.on('POST', '/api/sync/push', pushAnswering(() => 'merged'))
    server.on('POST', '/api/sync/pull', () => json(pullReply()))
    await client.syncOnce()
    expect((await db.households.get(local.id))!.notes).toBe('主席的备注')
    expect(await db.meta.where('key').startsWith('shadow:').count()).toBe(0)
  })

  it('keeps showing a still-pending edit over the shadow while others are answered', async () => {
    const { db, server, client } = setup()
    const local = await seedHousehold(db)
    server.on('POST', '/api/sync/push', pushAnswering())
    server.on('POST', '/api/sync/pull', () => json(pullReply()))
    await client.syncOnce()
    await saveHousehold(db, { id: local.id, gridId: GRID_ID, fields: { notes: '第一次' } })
    await saveHousehold(db, { id: local.id, gridId: GRID_ID, fields: { phone: '13600000000' } })
    server.on('POST', '/api/sync/push', pushAnswering(() => 'skipped'))
    server.on('POST', '/api/sync/pull', () => json(pullReply({ changes: [change('household', serverHousehold({ ...local, notes: 'server' }))] })))
    await client.syncOnce()
    // Only the first edit is answered; the phone edit stays pending and visible.
    server.on('POST', '/api/sync/push', pushAnswering((m) => (m.name === 'household.put' && 'notes' in m.args.patch ? 'applied' : 'skipped')))
    server.on('POST', '/api/sync/pull', () => json(pullReply()))
    await client.syncOnce()
    const row = await db.households.get(local.id)
    expect(row).toMatchObject({ notes: 'server', phone: '13600000000' })
    expect(await db.outbox.count()).toBe(1)
  })
})
