import { GridSisterDb } from '../../src/db/db'
import { RecordValidationError } from '../../src/db/outbox-repository'
import { deleteHousehold, saveHousehold } from '../../src/features/households/households-repository'
import { writeReview } from '../../src/features/supervisor/supervisor-repository'
import { createVisit } from '../../src/features/visits/visits-repository'
import { preparePhoto, type PreparedPhoto } from '../../src/db/photos-repository'
import { createWish, transitionWish } from '../../src/features/wishes/wishes-repository'
import type { HouseholdFields, PhotoRef, WishState } from '../../src/shared'
import { createSyncClient, type SyncClient, type SyncOutcome } from '../../src/sync/sync-client'
import { createPhotoDownloader, type PhotoDownloader } from '../../src/sync/photo-downloader'
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
  /** The background photo download queue, as the app runs it. */
  photos: PhotoDownloader
  link: DeviceLink
  skewMs: number
  runs: Set<Promise<SyncOutcome | null>>
}

const realNow = Date.now.bind(Date)
let dbCounter = 0

function boot(world: SimWorld, net: SimNetwork, dev: Omit<SimDevice, 'db' | 'client' | 'photos' | 'link' | 'runs'>): SimDevice {
  const db = new GridSisterDb(dev.dbName)
  const link = net.link()
  const connection = { db, baseUrl: 'http://sim.test', fetch: net.fetchFor(link), getToken: () => world.tokens[dev.user], now: () => realNow() + dev.skewMs, locks: null }
  const client = createSyncClient({ ...connection, backoff: { baseMs: 1, maxMs: 2 } })
  return { ...dev, db, client, photos: createPhotoDownloader(connection), link, runs: new Set() }
}

/** The app started again (its photo queue's memory of misses is gone): for the final pass. */
export function freshPhotoQueue(world: SimWorld, net: SimNetwork, dev: SimDevice): PhotoDownloader {
  return createPhotoDownloader({ db: dev.db, baseUrl: 'http://sim.test', fetch: net.fetchFor(dev.link), getToken: () => world.tokens[dev.user], locks: null })
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

/** Starts a photo download pass in the background, as the app does after a sync. */
export function startPhotoDownload(dev: SimDevice): void {
  const run = dev.photos.run().then(() => null, () => null)
  dev.runs.add(run)
  void run.finally(() => dev.runs.delete(run))
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

/** Runs a write with the device's (possibly wrong) clock; notes when it really happened. */
async function withClock<T>(dev: SimDevice, fn: () => Promise<T>, world?: SimWorld): Promise<T | null> {
  const last = (await dev.db.outbox.orderBy('seq').last())?.seq ?? 0
  Date.now = () => realNow() + dev.skewMs
  try {
    const result = await fn()
    Date.now = realNow
    for (const row of await dev.db.outbox.where('seq').above(last).toArray()) world?.madeAt.set(row.mutation.mutationId, realNow())
    return result
  } catch (e) {
    // The screens refuse the same (a deleted household, an illegal move): not a sync fault.
    if (e instanceof RecordValidationError) return null
    throw e
  } finally {
    Date.now = realNow
  }
}

export type EditOp = 'household-new' | 'household-edit' | 'household-delete' | 'visit' | 'visit-photo' | 'wish' | 'wish-move' | 'review'

/**
 * A photo for a visit: new bytes, or (one time in three) bytes this phone already holds,
 * as when a worker attaches a picture forwarded to her, possibly from another grid.
 */
async function photoFor(dev: SimDevice, r: () => number): Promise<PreparedPhoto> {
  const held = await dev.db.photos.toArray()
  const again = r() < 1 / 3 ? pick(held, r()) : undefined
  if (again) return { ref: { sha256: again.sha256, mime: again.mime as PhotoRef['mime'], size: again.size }, blob: again.blob }
  const bytes = new Uint8Array(24).map(() => Math.floor(r() * 256))
  return preparePhoto(new Blob([bytes], { type: 'image/jpeg' }))
}

const pick = <T>(items: T[], r: number): T | undefined => items[Math.floor(r * items.length)]

function fields(n: number): HouseholdFields {
  return {
    headName: `户主${n}`, address: { estate: '模拟小区', building: `${n % 9}栋`, unit: '1单元', door: `${100 + n}` },
    phone: '', keyGroups: [], careLevel: 0, visitCadenceDays: null, notes: '',
  }
}

const MOVES: Record<WishState, WishState[]> = { registered: ['claimed', 'closed'], claimed: ['fulfilled', 'registered', 'closed'], fulfilled: ['closed'], closed: [] }

/**
 * Performs one edit a person could make on this device (on a household of `onlyGrid`
 * when given); returns false when none applies.
 */
export async function edit(world: SimWorld, dev: SimDevice, op: EditOp, r: () => number, onlyGrid?: string): Promise<boolean> {
  const { db } = dev
  const u = world.users[dev.user]
  const actor = { id: u.id, name: u.displayName, role: u.role }
  const households = (await db.households.toArray()).filter((h) => !h.deleted && (onlyGrid === undefined || h.gridId === onlyGrid))
  const h = pick(households, r())
  const done = (x: unknown) => x !== null
  switch (op) {
    case 'household-new': {
      const grid = pick((await db.grids.toArray()).filter((g) => u.role !== 'worker' || g.workerId === u.id), r())
      return !!grid && done(await withClock(dev, () => saveHousehold(db, { gridId: grid.id, fields: fields(Math.floor(r() * 1000)) }), world))
    }
    case 'household-edit': {
      if (!h) return false
      const value = Math.floor(r() * 100)
      const patch = [{ phone: `1380000${String(value).padStart(4, '0')}` }, { notes: `备注${value}` }, { careLevel: value % 4 }][Math.floor(r() * 3)]!
      return done(await withClock(dev, () => saveHousehold(db, { id: h.id, gridId: h.gridId, fields: patch }), world))
    }
    case 'household-delete':
      return !!h && done(await withClock(dev, () => deleteHousehold(db, h.id), world))
    case 'visit':
    case 'visit-photo': {
      if (!h) return false
      const photos = op === 'visit-photo' ? [await photoFor(dev, r)] : []
      const input = { householdId: h.id, visitedAt: new Date(realNow() + dev.skewMs).toISOString(), method: 'in-person' as const, seen: `看望${Math.floor(r() * 100)}`, asked: '', done: '', policies: [], nextVisitOn: null, photos }
      return done(await withClock(dev, () => createVisit(db, input, actor), world))
    }
    case 'wish':
      return !!h && done(await withClock(dev, () => createWish(db, { householdId: h.id, title: `心愿${Math.floor(r() * 100)}`, detail: '', category: 'care' }, actor), world))
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
      return done(await withClock(dev, () => transitionWish(db, input, actor), world))
    }
    case 'review': {
      if (u.role === 'worker') return false
      const reviewed = new Set((await db.reviews.toArray()).map((x) => x.recordId))
      const visit = pick((await db.visits.toArray()).filter((v) => !reviewed.has(v.id)), r())
      if (!visit) return false
      const decision = { kind: 'visit' as const, recordId: visit.id, gridId: visit.gridId, decision: 'returned' as const, comment: `请补充${dev.name}` }
      return done(await withClock(dev, () => writeReview(db, decision, actor), world))
    }
  }
}

/** One device edits one field of one household (the skew-restart nemesis aims at it). */
export async function editHousehold(world: SimWorld, dev: SimDevice, householdId: string, fields: Partial<HouseholdFields>): Promise<boolean> {
  const h = await dev.db.households.get(householdId)
  if (!h || h.deleted) return false
  return (await withClock(dev, () => saveHousehold(dev.db, { id: h.id, gridId: h.gridId, fields }), world)) !== null
}
