import { GridSisterDb } from '../../src/db/db'
import { RecordValidationError } from '../../src/db/outbox-repository'
import { deleteHousehold, saveHousehold } from '../../src/features/households/households-repository'
import { writeReview } from '../../src/features/supervisor/supervisor-repository'
import { createVisit } from '../../src/features/visits/visits-repository'
import { createWish, transitionWish } from '../../src/features/wishes/wishes-repository'
import type { HouseholdFields, WishState } from '../../src/shared'
import { createSyncClient, type SyncClient, type SyncOutcome } from '../../src/sync/sync-client'
import type { DeviceLink, SimNetwork } from './sim-network'
import type { SimWorld, UserKey } from './sim-world'

/**
 * A simulated phone: the real device database (fake-indexeddb, its own name), the real
 * repositories the screens use to write, and the real sync client, talking through the
 * simulated network. Killing it drops every in-memory object (client, Dexie instance,
 * requests in flight) and keeps the IndexedDB database, as a killed browser tab would.
 */

export interface SimDevice {
  name: string
  user: UserKey
  dbName: string
  db: GridSisterDb
  client: SyncClient
  link: DeviceLink
  skewMs: number
  runs: Set<Promise<SyncOutcome | null>>
}

const realNow = Date.now.bind(Date)
let dbCounter = 0

function boot(world: SimWorld, net: SimNetwork, dev: Omit<SimDevice, 'db' | 'client' | 'link' | 'runs'>): SimDevice {
  const db = new GridSisterDb(dev.dbName)
  const link = net.link()
  const client = createSyncClient({
    db,
    baseUrl: 'http://sim.test',
    fetch: net.fetchFor(link),
    getToken: () => world.tokens[dev.user],
    now: () => realNow() + dev.skewMs,
    locks: null,
    backoff: { baseMs: 1, maxMs: 2 },
  })
  return { ...dev, db, client, link, runs: new Set() }
}

export function createDevice(world: SimWorld, net: SimNetwork, name: string, user: UserKey): SimDevice {
  dbCounter += 1
  return boot(world, net, { name, user, dbName: `sim-${name}-${dbCounter}-${realNow()}`, skewMs: 0 })
}

/** Kills the device and starts it again on the same IndexedDB database. */
export function restart(world: SimWorld, net: SimNetwork, dev: SimDevice): SimDevice {
  dev.link.dead = true
  dev.db.close()
  return boot(world, net, { name: dev.name, user: dev.user, dbName: dev.dbName, skewMs: dev.skewMs })
}

/** Starts a sync in the background, as a timer or the online event would. */
export function startSync(dev: SimDevice): void {
  // A run of a killed incarnation ends with a closed-database error: that is the kill.
  const run = dev.client.syncOnce().catch(() => null)
  dev.runs.add(run)
  void run.finally(() => dev.runs.delete(run))
}

export async function settle(devices: SimDevice[]): Promise<void> {
  await Promise.all(devices.flatMap((d) => [...d.runs]))
}

/** Runs a write with the device's (possibly wrong) clock. */
async function withClock<T>(dev: SimDevice, fn: () => Promise<T>): Promise<T | null> {
  Date.now = () => realNow() + dev.skewMs
  try {
    return await fn()
  } catch (e) {
    // The screens refuse the same (a deleted household, an illegal move): not a sync fault.
    if (e instanceof RecordValidationError) return null
    throw e
  } finally {
    Date.now = realNow
  }
}

export type EditOp = 'household-new' | 'household-edit' | 'household-delete' | 'visit' | 'wish' | 'wish-move' | 'review'

const pick = <T>(items: T[], r: number): T | undefined => items[Math.floor(r * items.length)]

function fields(n: number): HouseholdFields {
  return {
    headName: `户主${n}`, address: { estate: '模拟小区', building: `${n % 9}栋`, unit: '1单元', door: `${100 + n}` },
    phone: '', keyGroups: [], careLevel: 0, visitCadenceDays: null, notes: '',
  }
}

const MOVES: Record<WishState, WishState[]> = { registered: ['claimed', 'closed'], claimed: ['fulfilled', 'registered', 'closed'], fulfilled: ['closed'], closed: [] }

/** Performs one edit a person could make on this device; returns false when none applies. */
export async function edit(world: SimWorld, dev: SimDevice, op: EditOp, r: () => number): Promise<boolean> {
  const { db } = dev
  const u = world.users[dev.user]
  const actor = { id: u.id, name: u.displayName, role: u.role }
  const households = (await db.households.toArray()).filter((h) => !h.deleted)
  const h = pick(households, r())
  const done = (x: unknown) => x !== null
  switch (op) {
    case 'household-new': {
      const grid = pick((await db.grids.toArray()).filter((g) => u.role !== 'worker' || g.workerId === u.id), r())
      return !!grid && done(await withClock(dev, () => saveHousehold(db, { gridId: grid.id, fields: fields(Math.floor(r() * 1000)) })))
    }
    case 'household-edit': {
      if (!h) return false
      const value = Math.floor(r() * 100)
      const patch = [{ phone: `1380000${String(value).padStart(4, '0')}` }, { notes: `备注${value}` }, { careLevel: value % 4 }][Math.floor(r() * 3)]!
      return done(await withClock(dev, () => saveHousehold(db, { id: h.id, gridId: h.gridId, fields: patch })))
    }
    case 'household-delete':
      return !!h && done(await withClock(dev, () => deleteHousehold(db, h.id)))
    case 'visit': {
      if (!h) return false
      const input = { householdId: h.id, visitedAt: new Date(realNow() + dev.skewMs).toISOString(), method: 'in-person' as const, seen: `看望${Math.floor(r() * 100)}`, asked: '', done: '', policies: [], nextVisitOn: null }
      return done(await withClock(dev, () => createVisit(db, input, actor)))
    }
    case 'wish':
      return !!h && done(await withClock(dev, () => createWish(db, { householdId: h.id, title: `心愿${Math.floor(r() * 100)}`, detail: '', category: 'care' }, actor)))
    case 'wish-move': {
      const wish = pick(await db.wishes.toArray(), r())
      const to = wish && pick(MOVES[wish.state], r())
      if (!wish || !to) return false
      const input = {
        id: wish.id, to, note: '',
        claimedBy: to === 'claimed' ? { name: `志愿者${dev.name}`, kind: 'volunteer' as const, phone: '' } : null,
        fulfilment: to === 'fulfilled' ? { date: '2025-05-01', whatWasDone: '已上门', feedback: '', photo: null } : null,
        closedReason: to === 'closed' ? '已解决' : null,
      }
      return done(await withClock(dev, () => transitionWish(db, input, actor)))
    }
    case 'review': {
      if (u.role === 'worker') return false
      const reviewed = new Set((await db.reviews.toArray()).map((x) => x.recordId))
      const visit = pick((await db.visits.toArray()).filter((v) => !reviewed.has(v.id)), r())
      if (!visit) return false
      const decision = { kind: 'visit' as const, recordId: visit.id, gridId: visit.gridId, decision: 'returned' as const, comment: `请补充${dev.name}` }
      return done(await withClock(dev, () => writeReview(db, decision, actor)))
    }
  }
}
