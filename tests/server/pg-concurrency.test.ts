import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Cursors, Household, PullReply, PushReply } from '../../src/shared'
import { createSession, DEFAULT_SESSION_POLICY } from '../../sync-server/auth/sessions'
import type { Store } from '../../sync-server/storage/store'
import { BACKENDS } from '../helpers/server/backends'
import { householdPut, TestDevice, visitArgs } from '../helpers/server/factories'
import { startServerProcess, type ServerProcess } from '../helpers/server/server-process'
import { seedWorld, type World } from '../helpers/server/world'

/**
 * Two server processes on one PostgreSQL (READ COMMITTED), taking pushes for the SAME
 * grid at the same time:
 * - complete pulls (docs/sync.md, guarantee 5): every pushed record must
 *   reach a supervisor pulling through both, by its cursors alone; a seq that became
 *   visible before a lower one committed would be skipped forever;
 * - no lost update: two devices editing different fields of one household concurrently
 *   must both keep their field; a push that merged into a household read before the
 *   other push committed would silently put the other's field back.
 */
const pg = BACKENDS.find((b) => b.name === 'postgres')!
const BATCHES = 40
const PER_BATCH = 3
const ROUNDS = 25
/** Visits after the household edit keep each push's transaction open a while. */
const VISITS_AFTER_EDIT = 40

describe('two server processes on one PostgreSQL', () => {
  const servers: ServerProcess[] = []
  let store: Store
  let world: World
  let worker = ''
  let supervisor = ''
  beforeAll(async () => {
    await pg.setup()
    if (!pg.available) return
    store = await pg.open()
    world = await seedWorld(store)
    const now = Date.now()
    worker = (await createSession(store, world.users.wa1.id, now, DEFAULT_SESSION_POLICY)).token
    supervisor = (await createSession(store, world.users.sa.id, now, DEFAULT_SESSION_POLICY)).token
    servers.push(...(await Promise.all([startServerProcess(pg.lastUrl()), startServerProcess(pg.lastUrl())])))
  }, 120_000)
  afterAll(async () => {
    for (const s of servers) await s.stop()
    await pg.teardown()
  })

  const post = async <T>(server: ServerProcess, path: string, token: string, body: unknown) => {
    const res = await fetch(`${server.url}${path}`, {
      method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body),
    })
    if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`)
    return (await res.json()) as T
  }

  it('never lets a pull skip a change committed concurrently', async ({ skip }) => {
    if (!pg.available) skip()
    const [s1, s2] = servers as [ServerProcess, ServerProcess]
    const g = world.grids.a1.id
    const pushed = new Set<string>()
    const writer = async (server: ServerProcess) => {
      const d = new TestDevice()
      for (let i = 0; i < BATCHES; i++) {
        const households = Array.from({ length: PER_BATCH }, () => householdPut(g))
        const reply = await post<PushReply>(server, '/api/sync/push', worker, d.push(households.map((h) => d.m('household.put', h))))
        expect(reply.results.every((r) => r.status === 'applied')).toBe(true)
        for (const h of households) pushed.add(h.id)
      }
    }
    const seen = new Set<string>()
    let cursors: Cursors = {}
    let pulls = 0
    const puller = new TestDevice()
    const pullOnce = async () => {
      const server = servers[pulls++ % 2]!
      const reply = await post<PullReply>(server, '/api/sync/pull', supervisor, puller.pull(cursors, 50))
      for (const c of reply.changes) seen.add(c.record.id)
      for (const [grid, seq] of Object.entries(reply.cursors)) expect(seq).toBeGreaterThanOrEqual(cursors[grid] ?? 0)
      cursors = reply.cursors
      return reply.hasMore
    }
    let writing = true
    const writers = Promise.all([writer(s1), writer(s2)]).finally(() => (writing = false))
    while (writing) await pullOnce()
    await writers
    while (await pullOnce());
    await pullOnce()

    expect(pushed.size).toBe(2 * BATCHES * PER_BATCH)
    expect([...pushed].filter((id) => !seen.has(id))).toEqual([])
    expect(pulls).toBeGreaterThan(5)
  }, 240_000)

  it('keeps both fields when two devices edit one household at the same time', async ({ skip }) => {
    if (!pg.available) skip()
    const [s1, s2] = servers as [ServerProcess, ServerProcess]
    const g = world.grids.a1.id
    const setup = new TestDevice()
    const hh = householdPut(g)
    await post<PushReply>(s1, '/api/sync/push', worker, setup.push([setup.m('household.put', hh)]))
    const phoneDevice = new TestDevice()
    const notesDevice = new TestDevice()
    // Each device has seen the household as created, and then only its own later edits.
    let phoneBase = (await store.getRecord('household', hh.id))?.data as Household
    let notesBase = phoneBase
    const lost: string[] = []
    const edit = (d: TestDevice, field: 'phone' | 'notes', value: string, seen: Household) => {
      // Disjoint fields, each with the HLC the device last saw for it: no conflict either way.
      const patch = field === 'phone' ? { phone: value } : { notes: value }
      const put = d.m('household.put', householdPut(g, hh.id, patch, { [field]: seen.hlc[field] ?? null }))
      const visits = Array.from({ length: VISITS_AFTER_EDIT }, () => d.m('visit.create', visitArgs(g, hh.id, world.users.wa1.id)))
      return d.push([put, ...visits])
    }
    for (let round = 0; round < ROUNDS; round++) {
      const phone = `1390000${String(round).padStart(4, '0')}`
      const notes = `round ${round}`
      const [a, b] = await Promise.all([
        post<PushReply>(s1, '/api/sync/push', worker, edit(phoneDevice, 'phone', phone, phoneBase)),
        post<PushReply>(s2, '/api/sync/push', worker, edit(notesDevice, 'notes', notes, notesBase)),
      ])
      expect([a, b].flatMap((r) => r.results.map((x) => x.status)).every((s) => s === 'applied')).toBe(true)
      const stored = (await store.getRecord('household', hh.id))?.data as Household
      if (stored.phone !== phone || stored.notes !== notes) lost.push(`round ${round}: phone ${stored.phone}, notes ${stored.notes}`)
      phoneBase = stored
      notesBase = stored
    }
    expect(lost).toEqual([])
  }, 240_000)
})
