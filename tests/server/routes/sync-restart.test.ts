import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { FastifyInstance } from 'fastify'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { decodeHlc, encodeHlc, initialHlc, receive, tick, type PullReply, type PushReply } from '../../../src/shared'
import { createPgStore } from '../../../sync-server/storage/pg-store'
import { createSqliteStore } from '../../../sync-server/storage/sqlite-store'
import type { Store } from '../../../sync-server/storage/store'
import { BACKENDS } from '../../helpers/server/backends'
import { householdFields, householdPut, TestDevice } from '../../helpers/server/factories'
import { appOver, seedWorld, type World } from '../../helpers/server/world'

/**
 * Issue 15, finding 1: a phone whose clock is two hours fast edits a household; the
 * server restarts (SQLite: the file is closed and opened again) or another server
 * process answers (PostgreSQL: two apps, two pools, one database). A second device pulls
 * and edits the same field on top of what it saw. That edit must apply: an edit made on
 * top of the stored value is never answered `duplicate` and never dropped.
 */

const TWO_HOURS = 2 * 3_600_000

interface Server {
  app: FastifyInstance
  auth: Awaited<ReturnType<typeof appOver>>['auth']
}

/** A device with its own HLC that follows every server reply, as the app's clock does. */
class ClockedDevice extends TestDevice {
  private clock = initialHlc(this.clientId.replace(/-/g, '').slice(-16))
  constructor(private readonly skewMs = 0) {
    super()
  }
  stamp(): string {
    this.clock = tick(this.clock, Date.now() + this.skewMs)
    return encodeHlc(this.clock)
  }
  hear(serverHlc: string): void {
    this.clock = receive(this.clock, decodeHlc(serverHlc), Date.now() + this.skewMs, Number.MAX_SAFE_INTEGER)
  }
}

async function pushVia(s: Server, d: ClockedDevice, body: ReturnType<TestDevice['push']>): Promise<PushReply> {
  const res = await s.app.inject({ method: 'POST', url: '/api/sync/push', headers: s.auth.wa1, payload: body })
  expect(res.statusCode).toBe(200)
  const reply = res.json<PushReply>()
  d.hear(reply.serverHlc)
  return reply
}

async function pullVia(s: Server, d: ClockedDevice): Promise<PullReply> {
  const res = await s.app.inject({ method: 'POST', url: '/api/sync/pull', headers: s.auth.wa1, payload: d.pull() })
  expect(res.statusCode).toBe(200)
  const reply = res.json<PullReply>()
  d.hear(reply.serverHlc)
  return reply
}

/**
 * The scenario: A (fast clock) creates through `first`; then `second` (a restarted or
 * another process) serves B's pull and B's edit on top of A's value.
 */
async function fastClockThenEdit(world: World, first: Server, second: () => Promise<Server>, readBack: () => Store) {
  const a = new ClockedDevice(TWO_HOURS)
  const hh = householdPut(world.grids.a1.id, undefined, householdFields({ phone: '13800000001' }))
  const created = await pushVia(first, a, a.push([a.m('household.put', hh, a.stamp())]))
  expect(created.results[0]?.status).toBe('applied')

  const s2 = await second()
  const b = new ClockedDevice()
  const pulled = await pullVia(s2, b)
  const record = pulled.changes.find((c) => c.record.id === hh.id)?.record as { hlc: Record<string, string> }
  const aStamp = record.hlc.phone!
  // The server's clock, in whatever process, is past every HLC it stored.
  expect(pulled.serverHlc > aStamp).toBe(true)

  const edit = b.m('household.put', { id: hh.id, gridId: hh.gridId, patch: { phone: '13900000002' }, base: { phone: aStamp } }, b.stamp())
  const reply = await pushVia(s2, b, b.push([edit]))
  expect(reply.results[0]?.status).toBe('applied')
  const stored = (await readBack().getRecord('household', hh.id))?.data as { phone: string; hlc: Record<string, string> }
  expect(stored.phone).toBe('13900000002')
  expect(stored.hlc.phone! > aStamp).toBe(true)
}

describe('an edit on top of a fast clock\'s value survives a server restart on sqlite', () => {
  let dir = ''
  const open: { close(): Promise<unknown> }[] = []
  afterEach(async () => {
    for (const o of open.splice(0).reverse()) await o.close()
    if (dir) rmSync(dir, { recursive: true, force: true })
  })

  it('applies the second device\'s edit after the file is closed and opened again', async () => {
    dir = mkdtempSync(join(tmpdir(), 'gs-restart-'))
    const file = join(dir, 'gs.db')
    const store1 = createSqliteStore(file)
    await store1.migrate()
    const world = await seedWorld(store1)
    const first = await appOver(store1, world)
    let store2: Store | null = null
    await fastClockThenEdit(world, first, async () => {
      await first.app.close()
      await store1.close()
      store2 = createSqliteStore(file)
      await store2.migrate()
      const s = await appOver(store2, world)
      open.push(store2, s.app)
      return s
    }, () => store2!)
  })
})

const pg = BACKENDS.find((b) => b.name === 'postgres')!

describe.skipIf(!pg.available)('an edit on top of a fast clock\'s value survives a second server process on postgres', () => {
  beforeAll(pg.setup, 60_000)
  afterAll(pg.teardown)

  it('applies the second device\'s edit when another process (own pool, own clock) answers it', async () => {
    const store1 = await pg.open()
    const world = await seedWorld(store1)
    const first = await appOver(store1, world)
    // The second process started before the first one's push: it has never seen it.
    const store2 = createPgStore(pg.lastUrl(), { max: 2 })
    const second = await appOver(store2, world)
    try {
      await fastClockThenEdit(world, first, async () => second, () => store1)
    } finally {
      await first.app.close()
      await second.app.close()
      await store2.close()
    }
  })
})
