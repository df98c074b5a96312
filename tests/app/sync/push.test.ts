import { describe, expect, it } from 'vitest'
import { createSyncClient } from '@/sync/sync-client'
import { getMeta } from '@/db/meta-repository'
import { createVisit } from '@/features/visits/visits-repository'
import { MAX_PUSH_MUTATIONS, type Mutation } from '@/shared'
import { actor, makeDb, seedHousehold, visitInput } from '../../helpers/app/factories'
import { error, pullReply, json, pushAnswering, scriptedServer, SERVER_HLC } from './sync-test-kit'

async function setup() {
  const db = makeDb()
  const server = scriptedServer()
  server.on('POST', '/api/sync/pull', () => json(pullReply()))
  const client = createSyncClient({ db, baseUrl: 'http://sync.test', fetch: server.fetch, getToken: () => 'tok', locks: null })
  return { db, server, client }
}

const pushes = (s: ReturnType<typeof scriptedServer>) => s.requests.filter((r) => r.path === '/api/sync/push')

describe('push', () => {
  it('sends pending mutations in seq order with the bearer token and empties the outbox', async () => {
    const { db, server, client } = await setup()
    server.on('POST', '/api/sync/push', pushAnswering())
    const h = await seedHousehold(db)
    await createVisit(db, visitInput(h.id), actor)
    const outcome = await client.syncOnce()
    expect(outcome).toMatchObject({ state: 'idle', pushed: 2, rejected: 0 })
    const [req] = pushes(server)
    const seqs = (req!.body as { mutations: Mutation[] }).mutations.map((m) => m.seq)
    expect(seqs).toEqual([1, 2])
    expect(req!.headers.authorization).toBe('Bearer tok')
    expect(await db.outbox.count()).toBe(0)
    expect(await getMeta(db, 'lastSyncAt')).toBeTruthy()
  })

  it('gzips a large body and marks it with Content-Encoding', async () => {
    const { db, server, client } = await setup()
    server.on('POST', '/api/sync/push', pushAnswering())
    const h = await seedHousehold(db, { notes: '很长的备注'.repeat(200) })
    await createVisit(db, visitInput(h.id), actor)
    await client.syncOnce()
    expect(pushes(server)[0]!.headers['content-encoding']).toBe('gzip')
  })

  it('moves a rejected mutation to rejections with its reason and keeps the record', async () => {
    const { db, server, client } = await setup()
    const h = await seedHousehold(db)
    const visit = await createVisit(db, visitInput(h.id), actor)
    server.on('POST', '/api/sync/push', pushAnswering((m) => (m.name === 'visit.create' ? 'rejected' : 'applied')))
    const outcome = await client.syncOnce()
    expect(outcome).toMatchObject({ pushed: 1, rejected: 1 })
    const [rejection] = await db.rejections.toArray()
    expect(rejection).toMatchObject({ code: 'stale-state', message: '已被他人认领', dismissed: 0 })
    expect(rejection!.mutation.name).toBe('visit.create')
    expect(await db.visits.get(visit.id)).toBeDefined()
    expect(await db.outbox.count()).toBe(0)
  })

  it('keeps skipped mutations pending and reports a stalled push instead of looping', async () => {
    const { db, server, client } = await setup()
    await seedHousehold(db)
    server.on('POST', '/api/sync/push', pushAnswering(() => 'skipped'))
    const outcome = await client.syncOnce()
    expect(outcome).toMatchObject({ state: 'error', message: 'push-stalled' })
    expect(await db.outbox.count()).toBe(1)
    expect(pushes(server).length).toBeLessThanOrEqual(2)
  })

  it('acknowledges an edit that lost a concurrent merge and keeps it in view with the reason', async () => {
    const { db, server, client } = await setup()
    await seedHousehold(db)
    server.on('POST', '/api/sync/push', (req) => {
      const [m] = (req.body as { mutations: Mutation[] }).mutations
      const lost = { mutationId: m!.mutationId, seq: m!.seq, status: 'merged', conflictIds: [crypto.randomUUID()], code: 'conflict', message: '别人同时改了同一项' }
      return json({ results: [lost], lastSeq: m!.seq, serverHlc: SERVER_HLC })
    })
    const outcome = await client.syncOnce()
    expect(outcome).toMatchObject({ pushed: 1, rejected: 0 })
    expect(await db.outbox.count()).toBe(0)
    const [kept] = await db.rejections.toArray()
    expect(kept).toMatchObject({ code: 'conflict', message: '别人同时改了同一项', dismissed: 0 })
    expect(kept!.mutation.name).toBe('household.put')
  })

  it('treats a duplicate answer (already processed) as acknowledged', async () => {
    const { db, server, client } = await setup()
    await seedHousehold(db)
    server.on('POST', '/api/sync/push', pushAnswering(() => 'duplicate'))
    await client.syncOnce()
    expect(await db.outbox.count()).toBe(0)
    expect(await db.rejections.count()).toBe(0)
  })

  it('counts an answer repeated in one reply once, and answers a whole batch of MAX_PUSH_MUTATIONS at a time', async () => {
    const { db, server, client } = await setup()
    const h = await seedHousehold(db)
    for (let i = 0; i < MAX_PUSH_MUTATIONS + 100; i++) await createVisit(db, visitInput(h.id, { seen: `第${i}次` }), actor)
    const answer = pushAnswering()
    server.on('POST', '/api/sync/push', async (req) => {
      const reply = (await (await answer(req)).json()) as { results: unknown[] }
      return json({ ...reply, results: [...reply.results, ...reply.results] })
    })
    const outcome = await client.syncOnce()
    expect(outcome).toMatchObject({ state: 'idle', pushed: MAX_PUSH_MUTATIONS + 101, rejected: 0 })
    expect(pushes(server).map((r) => (r.body as { mutations: Mutation[] }).mutations.length)).toEqual([MAX_PUSH_MUTATIONS, 101])
    expect(await db.outbox.count()).toBe(0)
    // 1,100 saves first: generous for a loaded 2-core CI machine.
  }, 60_000)

  it('reads the next batch ahead, but after a partly answered batch starts again from its first pending row', async () => {
    const { db, server, client } = await setup()
    const h = await seedHousehold(db)
    for (let i = 0; i < MAX_PUSH_MUTATIONS + 100; i++) await createVisit(db, visitInput(h.id, { seen: `第${i}次` }), actor)
    let calls = 0
    server.on('POST', '/api/sync/push', (req) => {
      calls += 1
      // The first reply answers seqs 1–10 only (the server saw a gap after them).
      return pushAnswering((m) => (calls === 1 && m.seq > 10 ? 'skipped' : 'applied'))(req)
    })
    const outcome = await client.syncOnce()
    expect(outcome).toMatchObject({ state: 'idle', pushed: MAX_PUSH_MUTATIONS + 101, rejected: 0 })
    const sent = pushes(server).map((r) => (r.body as { mutations: Mutation[] }).mutations.map((m) => m.seq))
    expect(sent.map((seqs) => [seqs[0], seqs.at(-1)])).toEqual([
      [1, MAX_PUSH_MUTATIONS],
      [11, MAX_PUSH_MUTATIONS + 10],
      [MAX_PUSH_MUTATIONS + 11, MAX_PUSH_MUTATIONS + 101],
    ])
    expect(await db.outbox.count()).toBe(0)
  }, 60_000)

  it('keeps the outbox and says auth-expired on 401', async () => {
    const { db, server, client } = await setup()
    await seedHousehold(db)
    server.on('POST', '/api/sync/push', () => error(401, 'unauthorized'))
    expect((await client.syncOnce()).state).toBe('auth-expired')
    expect(await db.outbox.count()).toBe(1)
  })

  it('keeps the outbox and says upgrade-required on 426', async () => {
    const { db, server, client } = await setup()
    await seedHousehold(db)
    server.on('POST', '/api/sync/push', () => error(426, 'upgrade-required', '请更新应用'))
    expect(await client.syncOnce()).toMatchObject({ state: 'upgrade-required', message: '请更新应用' })
    expect(await db.outbox.count()).toBe(1)
  })

  it('counts an attempt and backs off when the network fails', async () => {
    const { db, server, client } = await setup()
    await seedHousehold(db)
    server.on('POST', '/api/sync/push', () => Promise.reject(new TypeError('Failed to fetch')))
    const first = await client.syncOnce()
    const second = await client.syncOnce()
    expect(first.state).toBe('offline')
    expect(second.retryInMs).toBeGreaterThan(0)
    expect(client.failures).toBe(2)
    expect((await db.outbox.toArray())[0]!.attempts).toBe(2)
  })

  it('advances the device clock past the server clock', async () => {
    const { db, server, client } = await setup()
    await seedHousehold(db)
    server.on('POST', '/api/sync/push', pushAnswering())
    await client.syncOnce()
    expect((await getMeta(db, 'hlc'))! > SERVER_HLC).toBe(true)
  })
})
