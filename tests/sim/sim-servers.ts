import type { FastifyInstance } from 'fastify'
import type { Store } from '../../sync-server/storage/store'
import { editHousehold, type SimDevice } from './sim-device'
import { buildSimApp, type SimWorld } from './sim-world'

/**
 * Server-side nemeses (issue 15, finding 1): the server restarts (a new process: a new
 * clock, the same database) and a second process joins on the same database (on
 * PostgreSQL with its own connection pool). With phones whose clocks are wrong, these
 * are what once made an edit on top of a fast phone's value vanish as `duplicate`.
 */

/** The process devices reach for a uniform r in [0, 1). */
export function serverFor(world: SimWorld, r: number): FastifyInstance {
  return world.servers[Math.floor(r * world.servers.length)]!
}

/** Replaces one process by a freshly started one over the same database. */
export async function restartServer(world: SimWorld, which: number): Promise<void> {
  const i = which % world.servers.length
  const old = world.servers[i]!
  const started = await buildSimApp(world.stores[i]!, world.commits)
  world.servers[i] = started
  // Requests already in flight finish on the old process; it is closed at the end.
  world.retired.push(old)
  if (i === 0) world.app = started
}

/** Starts a second process on the same database (its own pool where there is one). */
export async function addServerProcess(world: SimWorld): Promise<void> {
  if (world.servers.length > 1) return
  const store: Store = world.openStore ? await world.openStore() : world.store
  world.stores.push(store)
  world.servers.push(await buildSimApp(store, world.commits))
}

/** Closes every process and every extra pool. */
export async function closeServers(world: SimWorld): Promise<void> {
  for (const app of [...world.servers, ...world.retired]) await app.close()
  for (const store of world.stores.slice(1)) if (store !== world.store) await store.close()
}

/**
 * Finding 1 as a step: a phone two hours fast edits a household field and syncs; the
 * server restarts (a new clock); another device of the same scope syncs and edits the
 * same field on top of what it pulled, then syncs. Its edit must not vanish.
 */
export async function skewThenRestart(world: SimWorld, fast: SimDevice, other: SimDevice, r: () => number): Promise<void> {
  fast.skewMs = 2 * 3_600_000
  const households = (await fast.db.households.toArray()).filter((h) => !h.deleted && h.gridId === world.grids[0]!.id)
  const h = households[Math.floor(r() * households.length)]
  if (!h) return
  await editHousehold(world, fast, h.id, { notes: `快钟${Math.floor(r() * 100)}` })
  await fast.client.syncOnce()
  await restartServer(world, Math.floor(r() * world.servers.length))
  await other.client.syncOnce()
  await editHousehold(world, other, h.id, { notes: `其后${Math.floor(r() * 100)}` })
  await other.client.syncOnce()
}
