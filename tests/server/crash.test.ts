import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Mutation, PushReply, Wish } from '../../src/shared'
import { createSession, DEFAULT_SESSION_POLICY } from '../../sync-server/auth/sessions'
import { createPgStore } from '../../sync-server/storage/pg-store'
import { createSqliteStore } from '../../sync-server/storage/sqlite-store'
import type { Store } from '../../sync-server/storage/store'
import { BACKENDS } from '../helpers/server/backends'
import { householdPut, TestDevice, visitArgs, wishArgs } from '../helpers/server/factories'
import { startServerProcess, type ServerProcess } from '../helpers/server/server-process'
import { seedWorld } from '../helpers/server/world'

/**
 * A real server process is killed with SIGKILL in the middle of real pushes, many
 * times; the device resends whatever was not acknowledged. Afterwards every change is
 * stored exactly once: one record per create, one history entry per wish transition,
 * lastSeq = the outbox length, and no mutation was ever rejected.
 */
const KILLS = Number(process.env.GRIDSISTER_KILLS ?? 6)
const HOUSEHOLDS = 24
const TRANSITIONS = 12

function rng(seed: number) {
  let s = seed >>> 0
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32)
}

describe.each(BACKENDS)('SIGKILL during pushes on $name', (backend) => {
  beforeAll(backend.setup)
  afterAll(backend.teardown)

  it(`stores every change exactly once across ${KILLS} kills`, async ({ skip }) => {
    if (!backend.available) skip()
    let url: string
    let open: () => Store
    if (backend.name === 'sqlite') {
      url = join(mkdtempSync(join(tmpdir(), 'gridsister-crash-')), 'g.db')
      open = () => createSqliteStore(url)
    } else {
      await backend.open()
      url = backend.lastUrl()
      open = () => createPgStore(url, { max: 2 })
    }
    let store = open()
    await store.migrate()
    const world = await seedWorld(store)
    const worker = world.users.wa1
    const { token } = await createSession(store, worker.id, Date.now(), DEFAULT_SESSION_POLICY)
    await store.close()

    const g = world.grids.a1.id
    const d = new TestDevice()
    const outbox: Mutation[] = []
    const wishHousehold = householdPut(g)
    const wish = wishArgs(g, wishHousehold.id, worker.id)
    outbox.push(d.m('household.put', wishHousehold), d.m('wish.create', wish))
    for (let i = 0; i < HOUSEHOLDS; i++) {
      const hh = householdPut(g)
      outbox.push(d.m('household.put', hh), d.m('visit.create', visitArgs(g, hh.id, worker.id)))
    }
    for (let i = 0; i < TRANSITIONS; i++) {
      const claim = i % 2 === 0
      outbox.push(d.m('wish.transition', {
        id: wish.id, gridId: g, expected: claim ? 'registered' : 'claimed', to: claim ? 'claimed' : 'registered',
        claimedBy: claim ? { name: `志愿者${i}`, kind: 'volunteer', phone: '' } : null, fulfilment: null, closedReason: null, note: `#${i}`,
      }))
    }

    const random = rng(backend.name === 'sqlite' ? 7 : 11)
    let server: ServerProcess | null = null
    let acked = 0
    let kills = 0
    const statuses: string[] = []
    try {
      while (acked < outbox.length) {
        server ??= await startServerProcess(url)
        const batch = outbox.filter((m) => m.seq > acked).slice(0, 8)
        const sent = fetch(`${server.url}/api/sync/push`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify(d.push(batch)),
        })
          .then((r) => r.json() as Promise<PushReply>)
          // The reply is lost with the process: the device resends from the last acknowledged seq.
          .catch(() => null)
        if (kills < KILLS && random() < 0.7) {
          await new Promise((r) => setTimeout(r, random() * 12))
          await server.kill()
          server = null
          kills++
        }
        const reply = await sent
        if (reply) {
          statuses.push(...reply.results.map((r) => r.status))
          acked = reply.lastSeq
        }
      }
    } finally {
      await server?.stop()
    }

    expect(kills).toBe(KILLS)
    expect(statuses).not.toContain('rejected')
    store = open()
    try {
      expect(await store.getClientSeq(d.clientId, worker.id)).toBe(outbox.length)
      const rows = await store.changesForGrid(g, 0, 10_000)
      expect(rows.filter((r) => r.kind === 'household')).toHaveLength(HOUSEHOLDS + 1)
      expect(rows.filter((r) => r.kind === 'visit')).toHaveLength(HOUSEHOLDS)
      expect(new Set(rows.map((r) => r.seq)).size).toBe(rows.length)
      const stored = (await store.getRecord('wish', wish.id))?.data as Wish
      expect(stored.history.map((h) => h.note)).toEqual(Array.from({ length: TRANSITIONS }, (_, i) => `#${i}`))
    } finally {
      await store.close()
    }
  }, 240_000)
})
