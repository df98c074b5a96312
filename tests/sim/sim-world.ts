import { randomUUID } from 'node:crypto'
import type { FastifyInstance } from 'fastify'
import type { Grid, MutationResult, Role } from '../../src/shared'
import { buildApp } from '../../sync-server/app'
import { createSession, DEFAULT_SESSION_POLICY } from '../../sync-server/auth/sessions'
import type { Store, UserRow } from '../../sync-server/storage/store'

/**
 * The simulated community: grids g1 and g2 of worker w1, g3 of worker w2, a supervisor
 * and an admin, on the real server app over a real store (in-memory SQLite or a
 * throwaway PostgreSQL database). Sessions are made directly: scrypt per login would
 * only slow the simulation, and the login route has its own tests.
 */

export type UserKey = 'w1' | 'w2' | 'sup' | 'admin'

export interface SimWorld {
  /** The first server process: what the admin and the final check talk to. */
  app: FastifyInstance
  store: Store
  /** Server processes answering devices (a restart replaces one; a second may join). */
  servers: FastifyInstance[]
  /** The store each server process uses (the same database). */
  stores: Store[]
  /** Replaced processes: requests in flight finish on them; closed at the end. */
  retired: FastifyInstance[]
  /** Opens another connection pool to the same database (PostgreSQL), if there is one. */
  openStore: (() => Promise<Store>) | null
  /** Who held which grid from when (sim wall clock), for the scope check. */
  assignments: { gridId: string; workerId: string; at: number }[]
  /** Where each mutation a push transaction processed stands in the order of commits. */
  commits: CommitLog
  /** When (real time, not the device's clock) each device mutation was made. */
  madeAt: Map<string, number>
  communityId: string
  grids: Grid[]
  users: Record<UserKey, UserRow>
  tokens: Record<UserKey, string>
}

export async function createWorld(store: Store, openStore: (() => Promise<Store>) | null = null): Promise<SimWorld> {
  const communityId = randomUUID()
  const user = (username: string, role: Role): UserRow => ({
    id: randomUUID(), username, displayName: username.toUpperCase(), role, communityId, phone: '',
    // Never used to log in (sessions are created directly); not a valid scrypt hash.
    passwordHash: 'unused', disabled: false, createdAt: Date.now(),
  })
  const users: Record<UserKey, UserRow> = { w1: user('sim-w1', 'worker'), w2: user('sim-w2', 'worker'), sup: user('sim-sup', 'supervisor'), admin: user('sim-admin', 'admin') }
  const grid = (code: string, workerId: string): Grid => ({ id: randomUUID(), communityId, name: `网格${code}`, code, estates: [], workerId })
  const grids = [grid('g1', users.w1.id), grid('g2', users.w1.id), grid('g3', users.w2.id)]
  await store.transaction(async (tx) => {
    await tx.insertCommunity({ id: communityId, name: '模拟社区', district: '', street: '' })
    for (const u of Object.values(users)) await tx.insertUser(u)
    for (const g of grids) await tx.insertGrid(g)
  })
  const commits: CommitLog = { next: 0, at: new Map() }
  const app = await buildSimApp(store, commits)
  const tokens = {} as Record<UserKey, string>
  for (const key of Object.keys(users) as UserKey[]) {
    tokens[key] = (await createSession(store, users[key].id, Date.now(), DEFAULT_SESSION_POLICY)).token
  }
  const assignments = grids.map((g) => ({ gridId: g.id, workerId: g.workerId!, at: 0 }))
  return { app, store, servers: [app], stores: [store], retired: [], openStore, assignments, commits, madeAt: new Map(), communityId, grids, users, tokens }
}

/**
 * The order in which push transactions processed mutations: a position per mutation,
 * drawn at the end of its transaction while the transaction still holds the lock of its
 * community (`lockCommunities`). Not when the commit is heard: with two processes on
 * PostgreSQL a transaction that waited on that lock can finish and be heard before the
 * one it waited for is heard to have committed, and the model would replay them swapped.
 */
export interface CommitLog {
  next: number
  at: Map<string, number>
}

/**
 * One server process over a store, as `npm start` builds it; its push transactions note
 * what they processed once committed, at the place they took under the lock (CommitLog).
 */
export function buildSimApp(store: Store, commits: CommitLog): Promise<FastifyInstance> {
  return buildApp({ store: notingCommits(store, commits), loginRateLimit: { max: 1_000_000, timeWindow: 60_000 } })
}

/** `store`, its transactions noting in `commits` the mutations they processed. */
export function notingCommits(store: Store, commits: CommitLog): Store {
  const processedOf = (result: unknown) =>
    ((result as { results?: MutationResult[] } | null)?.results ?? []).filter((r) => r.status !== 'duplicate' && r.status !== 'skipped')
  return {
    ...store,
    async transaction(fn) {
      let places: [string, number][] = []
      const result = await store.transaction(async (tx) => {
        const out = await fn(tx)
        // Still under the lock; a retried attempt draws its places again.
        places = processedOf(out).map((r) => [r.mutationId, commits.next++])
        return out
      })
      for (const [id, at] of places) if (!commits.at.has(id)) commits.at.set(id, at)
      return result
    },
  }
}

/** The admin moves a grid to another worker through the real admin endpoint. */
export async function reassignGrid(world: SimWorld, gridId: string, workerId: string): Promise<void> {
  // Noted before the call: the server's own time of the move is no earlier.
  world.assignments.push({ gridId, workerId, at: Date.now() })
  const res = await world.app.inject({
    method: 'POST',
    url: `/api/admin/grids/${gridId}/assign`,
    headers: { authorization: `Bearer ${world.tokens.admin}` },
    payload: { workerId },
  })
  if (res.statusCode !== 200) throw new Error(`reassign failed: ${res.statusCode} ${res.body}`)
}

/** Grid ids a user may see now, from the server's own assignments. */
export async function gridsOf(world: SimWorld, key: UserKey): Promise<Set<string>> {
  const u = world.users[key]
  const grids = u.role === 'worker' ? await world.store.listGrids({ workerId: u.id }) : await world.store.listGrids({ communityId: world.communityId })
  return new Set(grids.map((g) => g.id))
}

/** The worker who held a grid at a time (sim wall clock), by the sim's own log. */
export function holderAt(world: SimWorld, gridId: string, at: number): string | null {
  let holder: string | null = null
  for (const a of world.assignments) if (a.gridId === gridId && a.at <= at) holder = a.workerId
  return holder
}
