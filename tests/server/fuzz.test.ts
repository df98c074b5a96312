import fc from 'fast-check'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ErrorBody } from '../../src/shared'
import { createSqliteStore } from '../../sync-server/storage/sqlite-store'
import type { Store } from '../../sync-server/storage/store'
import { householdPut, TestDevice, visitArgs, wishArgs } from '../helpers/server/factories'
import { worldApp, type World } from '../helpers/server/world'

/**
 * Fuzz: thousands of malformed bodies against every JSON endpoint. The server answers
 * only 4xx (never 5xx) with the shared error body, and a refused request writes nothing.
 */
const RUNS = 400

/** Replaces the value at a random path of a JSON value with junk. */
function corrupt(value: unknown, path: number[], junk: unknown): unknown {
  if (path.length === 0 || value === null || typeof value !== 'object') return junk
  const [head, ...rest] = path as [number, ...number[]]
  if (Array.isArray(value)) {
    if (value.length === 0) return junk
    const i = head % value.length
    return value.map((v, j) => (j === i ? corrupt(v, rest, junk) : v))
  }
  const keys = Object.keys(value)
  if (keys.length === 0) return junk
  const key = keys[head % keys.length]!
  return { ...(value as object), [key]: corrupt((value as Record<string, unknown>)[key], rest, junk) }
}

const junkArb = fc.oneof(
  fc.jsonValue(),
  fc.constantFrom(null, '', -1, 1e308, 'x'.repeat(5000), '00000000-0000-0000-0000-000000000000', [], {}, true, '__proto__'),
  fc.string(),
)
const pathArb = fc.array(fc.nat({ max: 50 }), { minLength: 0, maxLength: 6 })

describe('fuzzing the API with malformed bodies', () => {
  let store: Store
  let app: FastifyInstance
  let world: World
  let auth: Awaited<ReturnType<typeof worldApp>>['auth']
  const fingerprint = async () =>
    JSON.stringify([await store.countRecords(), (await store.listConflicts(null)).length, await store.countUsers(), (await store.listGrids({})).map((g) => g.workerId)])

  beforeAll(async () => {
    store = createSqliteStore(':memory:')
    await store.migrate()
    ;({ app, world, auth } = await worldApp(store))
  })
  afterAll(async () => {
    await app.close()
    await store.close()
  })

  function validBodies(): Record<string, object> {
    const g = world.grids.a1.id
    const d = new TestDevice()
    const hh = householdPut(g)
    return {
      '/api/sync/push': d.push([d.m('household.put', hh), d.m('visit.create', visitArgs(g, hh.id, world.users.wa1.id)), d.m('wish.create', wishArgs(g, hh.id, world.users.wa1.id))]),
      '/api/sync/pull': d.pull({ [g]: 0 }, 10),
      '/api/admin/users': { username: 'fuzzed', password: 'long-enough-1', displayName: 'x', role: 'worker', communityId: world.communityA, phone: '' },
      '/api/admin/grids': { communityId: world.communityA, name: 'g', code: '', estates: [], workerId: null },
      [`/api/admin/grids/${world.grids.a2.id}/assign`]: { workerId: world.users.wa2.id },
    }
  }

  it('answers corrupted JSON bodies with 4xx or success, never 5xx, and refusals write nothing', async () => {
    const urls = Object.keys(validBodies())
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...urls), pathArb, junkArb, async (url, path, junk) => {
        const body = corrupt(validBodies()[url], path, junk)
        const before = await fingerprint()
        const res = await app.inject({ method: 'POST', url, headers: { ...auth.aa, 'content-type': 'application/json' }, payload: JSON.stringify(body) })
        expect(res.statusCode, res.body).toBeLessThan(500)
        if (res.statusCode >= 400) {
          expect(ErrorBody.safeParse(res.json()).success).toBe(true)
          expect(await fingerprint()).toBe(before)
        }
      }),
      { numRuns: RUNS * 3 },
    )
  })

  it('answers raw garbage with 4xx and writes nothing', async () => {
    const before = await fingerprint()
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('/api/sync/push', '/api/sync/pull', '/api/auth/login', '/api/admin/users'),
        fc.oneof(fc.string(), fc.uint8Array({ maxLength: 300 }).map((a) => Buffer.from(a).toString('latin1'))),
        fc.constantFrom('application/json', 'text/plain', 'application/x-www-form-urlencoded', 'image/png'),
        fc.boolean(),
        async (url, payload, contentType, gzip) => {
          const headers = { ...auth.wa1, 'content-type': contentType, ...(gzip ? { 'content-encoding': 'gzip' } : {}) }
          const res = await app.inject({ method: 'POST', url, headers, payload })
          expect(res.statusCode, `${url} ${res.body}`).toBeGreaterThanOrEqual(400)
          expect(res.statusCode, `${url} ${res.body}`).toBeLessThan(500)
          expect(ErrorBody.safeParse(res.json()).success).toBe(true)
        },
      ),
      { numRuns: RUNS * 2 },
    )
    expect(await fingerprint()).toBe(before)
  })

  it('survives hostile headers and URLs', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 80 }), fc.string({ maxLength: 80 }), async (token, segment) => {
        const res = await app.inject({ method: 'GET', url: `/api/photos/${encodeURIComponent(segment)}`, headers: { authorization: `Bearer ${token}` } })
        expect(res.statusCode).toBeGreaterThanOrEqual(400)
        expect(res.statusCode).toBeLessThan(500)
      }),
      { numRuns: RUNS },
    )
  })
})
