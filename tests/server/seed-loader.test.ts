import type { FastifyInstance } from 'fastify'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { PullReply } from '../../src/shared'
import { buildApp } from '../../sync-server/app'
import { DEMO_PASSWORD, generateDemo, type DemoData } from '../../sync-server/seed/generate-demo'
import { isEmpty, loadDemo } from '../../sync-server/seed-loader'
import type { Store } from '../../sync-server/storage/store'
import { BACKENDS } from '../helpers/server/backends'
import { TestDevice } from '../helpers/server/factories'

/** Pulls every page for a user and returns the record ids by grid. */
async function pullAll(app: FastifyInstance, token: string) {
  const d = new TestDevice()
  let cursors: Record<string, number> = {}
  const byGrid = new Map<string, number>()
  for (let page = 0; page < 100; page++) {
    const res = await app.inject({ method: 'POST', url: '/api/sync/pull', headers: { authorization: `Bearer ${token}` }, payload: d.pull(cursors) })
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200)
    const reply = res.json<PullReply>()
    for (const c of reply.changes) byGrid.set(c.record.gridId, (byGrid.get(c.record.gridId) ?? 0) + 1)
    cursors = reply.cursors
    if (!reply.hasMore) break
  }
  return byGrid
}

describe.each(BACKENDS)('loadDemo on $name', (backend) => {
  let demo: DemoData
  let store: Store
  beforeAll(async () => {
    await backend.setup()
    demo = generateDemo({ now: new Date('2025-06-01T00:00:00Z') })
  })
  afterAll(backend.teardown)

  it('loads the whole demo community in one go, in seconds', async ({ skip }) => {
    if (!backend.available) skip()
    store = await backend.open()
    expect(await isEmpty(store)).toBe(true)
    const started = Date.now()
    const { records } = await loadDemo(store, demo)
    const ms = Date.now() - started
    const expected = demo.households.length + demo.persons.length + demo.visits.length + demo.wishes.length + demo.assessments.length + demo.reviews.length
    expect(records).toBe(expected)
    expect(await store.countRecords()).toBe(expected)
    expect(await isEmpty(store)).toBe(false)
    // Generous for a loaded 2-core machine; unloaded it takes well under a second.
    expect(ms).toBeLessThan(15_000)
  })

  it('leaves the planner statistics of the records behind (PostgreSQL)', async ({ skip }) => {
    if (!backend.available || backend.name !== 'postgres') skip()
    const client = new pg.Client({ connectionString: backend.lastUrl() })
    await client.connect()
    try {
      const { rows } = await client.query<{ n: string }>("SELECT count(*) AS n FROM pg_stats WHERE tablename = 'records' AND attname = 'kind'")
      expect(Number(rows[0]?.n)).toBe(1)
    } finally {
      await client.end()
    }
  })

  it('serves each demo account exactly its scope, every record valid on the wire', async ({ skip }) => {
    if (!backend.available) skip()
    const app = await buildApp({ store, demo: true })
    const login = async (username: string) => {
      const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: DEMO_PASSWORD } })
      expect(res.statusCode).toBe(200)
      return res.json<{ token: string; user: { gridIds: string[] } }>()
    }
    const worker = await login('demo-worker-1')
    const workerGrids = await pullAll(app, worker.token)
    expect([...workerGrids.keys()].sort()).toEqual([...worker.user.gridIds].sort())
    const sup = await login('demo-supervisor')
    const all = await pullAll(app, sup.token)
    expect([...all.values()].reduce((a, b) => a + b, 0)).toBe(await store.countRecords())
    const accounts = await app.inject({ method: 'GET', url: '/api/auth/demo-accounts' })
    expect(accounts.json<{ accounts: { username: string }[] }>().accounts.map((a) => a.username).sort()).toEqual(
      ['demo-admin', 'demo-supervisor', 'demo-worker-1', 'demo-worker-2'],
    )
    await app.close()
  })
})
