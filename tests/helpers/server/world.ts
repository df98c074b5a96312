import { randomUUID } from 'node:crypto'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, beforeEach } from 'vitest'
import type { Grid, Role } from '../../../src/shared'
import { buildApp, type AppOptions } from '../../../sync-server/app'
import { hashPassword } from '../../../sync-server/auth/passwords'
import { createSession, DEFAULT_SESSION_POLICY } from '../../../sync-server/auth/sessions'
import type { Store, UserRow } from '../../../sync-server/storage/store'
import type { Backend } from './backends'

/**
 * A small two-community world for route tests: community A (grids a1, a2 with workers
 * wa1, wa2; supervisor sa; admin aa), community B (grid b1, worker wb1, supervisor sb)
 * and a district admin. Every account's password is TEST_PASSWORD.
 */
export const TEST_PASSWORD = 'password-123'
let hashOnce: Promise<string> | null = null

export interface World {
  communityA: string
  communityB: string
  grids: { a1: Grid; a2: Grid; b1: Grid }
  users: Record<'wa1' | 'wa2' | 'sa' | 'aa' | 'wb1' | 'sb' | 'district', UserRow>
}

export async function seedWorld(store: Store): Promise<World> {
  hashOnce ??= hashPassword(TEST_PASSWORD)
  const passwordHash = await hashOnce
  const communityA = randomUUID()
  const communityB = randomUUID()
  const user = (username: string, role: Role, communityId: string | null): UserRow => ({
    id: randomUUID(), username, displayName: username.toUpperCase(), role, communityId, phone: '', passwordHash,
    disabled: false, createdAt: Date.now(),
  })
  const users = {
    wa1: user('wa1', 'worker', communityA), wa2: user('wa2', 'worker', communityA), sa: user('sup-a', 'supervisor', communityA),
    aa: user('adm-a', 'admin', communityA), wb1: user('wb1', 'worker', communityB), sb: user('sup-b', 'supervisor', communityB),
    district: user('district', 'admin', null),
  }
  const grid = (communityId: string, name: string, workerId: string): Grid => ({
    id: randomUUID(), communityId, name, code: name, estates: [], workerId,
  })
  const grids = { a1: grid(communityA, 'a1', users.wa1.id), a2: grid(communityA, 'a2', users.wa2.id), b1: grid(communityB, 'b1', users.wb1.id) }
  await store.transaction(async (tx) => {
    await tx.insertCommunity({ id: communityA, name: 'A', district: '', street: '' })
    await tx.insertCommunity({ id: communityB, name: 'B', district: '', street: '' })
    for (const u of Object.values(users)) await tx.insertUser(u)
    for (const g of Object.values(grids)) await tx.insertGrid(g)
  })
  return { communityA, communityB, grids, users }
}

/** Logs in through the API and returns the bearer header. */
export async function login(app: FastifyInstance, username: string): Promise<{ authorization: string }> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: TEST_PASSWORD } })
  if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`)
  return { authorization: `Bearer ${res.json<{ token: string }>().token}` }
}

/**
 * Builds an app over a store with a world in it and a session for everyone (made
 * directly, to spare seven scrypt runs per test; the login route has its own tests).
 */
export async function worldApp(store: Store, opts: Partial<AppOptions> = {}) {
  const world = await seedWorld(store)
  return { world, ...(await appOver(store, world, opts)) }
}

/** An app over a store already holding `world`, with a session for everyone in it. */
export async function appOver(store: Store, world: World, opts: Partial<AppOptions> = {}) {
  const app = await buildApp({ store, loginRateLimit: { max: 10_000, timeWindow: 60_000 }, ...opts })
  const auth = {} as Record<keyof World['users'], { authorization: string }>
  for (const key of Object.keys(world.users) as (keyof World['users'])[]) {
    const { token } = await createSession(store, world.users[key].id, (opts.now ?? Date.now)(), DEFAULT_SESSION_POLICY)
    auth[key] = { authorization: `Bearer ${token}` }
  }
  return { app, auth }
}

export interface WorldStore {
  store: Store
  world: World
}

/**
 * The hooks of a store test run once per database: a fresh store with a world in it
 * before each test (skipped where that database is not available).
 */
export function useWorldStore(backend: Backend): WorldStore {
  const t = {} as WorldStore
  beforeAll(backend.setup)
  afterAll(backend.teardown)
  beforeEach(async ({ skip }) => {
    if (!backend.available) skip()
    t.store = await backend.open()
    t.world = await seedWorld(t.store)
  })
  return t
}

export interface WorldTest {
  store: Store
  app: FastifyInstance
  world: World
  auth: Record<keyof World['users'], { authorization: string }>
}

/**
 * The hooks of a route test run once per database: a fresh store with a world in it and
 * an app over it before each test (skipped where that database is not available). The
 * returned object is filled in before each test.
 */
export function useWorldApp(backend: Backend): WorldTest {
  const t = useWorldStore(backend) as WorldTest
  beforeEach(async () => {
    if (backend.available) Object.assign(t, await appOver(t.store, t.world))
  })
  return t
}
